// Auth block 0x01 "InitCustKey": a "B" container holding a 10-byte customer key followed by
// the session key, sealed by a BALTECH reader (Crypto.BalKeyEncryptBuffer) under its internal
// crypto key. The host never sees the customer key: it hands the reader a frame with a zero
// placeholder and a zero CRC, and the reader inserts its key, writes the CRC and encrypts.

import { aesCbcEncrypt } from '../crypto/aes.ts';
import { concatBytes } from '../bytes.ts';
import { bFramePayloadOffset, bFramePayloadRange, buildBFrame, openBContainer, writeBFrameCrc } from './bContainer.ts';
import { Bec2InputError } from './errors.ts';

export const CUSTOMER_KEY_LENGTH = 10;
export const SESSION_KEY_LENGTH = 16;
const PAYLOAD_LENGTH = CUSTOMER_KEY_LENGTH + SESSION_KEY_LENGTH;
/** Offset of the customer-key placeholder in the 32-byte frame (the EmbeddedKeyPos to pass). */
export const INIT_CUST_KEY_EMBEDDED_KEY_POS = bFramePayloadOffset(PAYLOAD_LENGTH);

/** Produces the sealed 32-byte InitCustKey value from the plaintext frame. */
export interface CustomerKeySealer {
  seal(plainFrame: Uint8Array, embeddedKeyPos: number): Promise<Uint8Array>;
}

/** The 32-byte plaintext frame: zero customer-key placeholder, session key, zero CRC. */
export function initCustKeyPlainFrame(sessionKey: Uint8Array): Uint8Array {
  checkSessionKey(sessionKey);
  const payload = concatBytes(new Uint8Array(CUSTOMER_KEY_LENGTH), sessionKey);
  const frame = buildBFrame(payload, false);
  payload.fill(0);
  return frame;
}

/**
 * What Crypto.BalKeyEncryptBuffer does with an AES key (KeyVersion 3), in software: put the
 * customer key at `embeddedKeyPos`, recompute the CRC over the container payload, encrypt
 * with AES-128-CBC and a zero IV. The virtual reader uses it; tests use it as a sealer.
 */
export function sealFrameWithEmbeddedKey(
  cryptoKey: Uint8Array,
  plainFrame: Uint8Array,
  embeddedKeyPos: number,
  customerKey: Uint8Array,
  /** Crypto.BalKeyEncryptBuffer's InitialVector; bec2format uses 16 zero bytes. */
  iv?: Uint8Array,
): Uint8Array {
  if (customerKey.length !== CUSTOMER_KEY_LENGTH) {
    throw new Bec2InputError(`a customer key has ${CUSTOMER_KEY_LENGTH} bytes, not ${customerKey.length}`);
  }
  const range = bFramePayloadRange(plainFrame);
  if (!range) throw new Bec2InputError('the buffer to seal is not a "B" container frame');
  if (!Number.isInteger(embeddedKeyPos) || embeddedKeyPos < range[0] || embeddedKeyPos + CUSTOMER_KEY_LENGTH > range[1]) {
    throw new Bec2InputError(`the embedded key position ${embeddedKeyPos} does not lie inside the container payload`);
  }
  const frame = new Uint8Array(plainFrame);
  frame.set(customerKey, embeddedKeyPos);
  writeBFrameCrc(frame);
  const sealed = aesCbcEncrypt(cryptoKey, frame, iv);
  frame.fill(0);
  return sealed;
}

/** A sealer in software, standing in for a reader in tests and in the virtual reader. */
export function softwareCustomerKeySealer(cryptoKey: Uint8Array, customerKey: Uint8Array): CustomerKeySealer {
  if (cryptoKey.length !== 16) throw new Bec2InputError(`the sealer's crypto key has 16 bytes, not ${cryptoKey.length}`);
  const key = new Uint8Array(cryptoKey);
  const custKey = new Uint8Array(customerKey);
  return {
    seal: (plainFrame, embeddedKeyPos) => Promise.resolve(sealFrameWithEmbeddedKey(key, plainFrame, embeddedKeyPos, custKey)),
  };
}

export interface OpenedInitCustKey {
  customerKey: Uint8Array;
  sessionKey: Uint8Array;
}

/** Opens the block with the reader's internal crypto key; comparing the customer key is the caller's job. */
export function openInitCustKeyBlock(value: Uint8Array, cryptoKey: Uint8Array): OpenedInitCustKey {
  const payload = openBContainer(cryptoKey, value, PAYLOAD_LENGTH, 'init-cust-key');
  const opened = { customerKey: payload.slice(0, CUSTOMER_KEY_LENGTH), sessionKey: payload.slice(CUSTOMER_KEY_LENGTH) };
  payload.fill(0);
  return opened;
}

export function checkSessionKey(sessionKey: Uint8Array): void {
  if (sessionKey.length !== SESSION_KEY_LENGTH) {
    throw new Bec2InputError(`a BEC2 session key has ${SESSION_KEY_LENGTH} bytes, not ${sessionKey.length}`);
  }
}
