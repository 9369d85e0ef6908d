// Auth block 0x02 "Update": the session key and the configuration version in a "B" container
// keyed by SHA-256(config security code)[0:16]. A reader that already holds that security code
// can open it; the version lets it refuse older configurations.

import { sha256 } from '../crypto/sha256.ts';
import { concatBytes } from '../bytes.ts';
import { openBContainer, sealBContainer } from './bContainer.ts';
import { checkSessionKey, SESSION_KEY_LENGTH } from './customerKeyBlock.ts';
import { Bec2InputError } from './errors.ts';

export function securityCodeKey(securityCode: Uint8Array): Uint8Array {
  const digest = sha256(securityCode);
  const key = digest.slice(0, 16);
  digest.fill(0);
  return key;
}

export function sealUpdateBlock(securityCode: Uint8Array, sessionKey: Uint8Array, version: number): Uint8Array {
  checkSessionKey(sessionKey);
  if (!Number.isInteger(version) || version < 0 || version > 0xff) {
    throw new Bec2InputError(`the configuration version ${version} does not fit the Update block's single byte (0..255)`);
  }
  const key = securityCodeKey(securityCode);
  const payload = concatBytes(sessionKey, Uint8Array.of(version));
  const sealed = sealBContainer(key, payload);
  key.fill(0);
  payload.fill(0);
  return sealed;
}

export interface OpenedUpdate {
  sessionKey: Uint8Array;
  version: number;
}

export function openUpdateBlock(value: Uint8Array, securityCode: Uint8Array): OpenedUpdate {
  const key = securityCodeKey(securityCode);
  try {
    const payload = openBContainer(key, value, SESSION_KEY_LENGTH + 1, 'update');
    const opened = { sessionKey: payload.slice(0, SESSION_KEY_LENGTH), version: payload[SESSION_KEY_LENGTH]! };
    payload.fill(0);
    return opened;
  } finally {
    key.fill(0);
  }
}
