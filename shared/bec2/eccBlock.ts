// Auth block 0x03 "InitEcc": the session key for a reader that has no customer key yet,
// encrypted to one of BALTECH's P-256 public keys (or a test key). Curve arithmetic is not
// done here: callers inject it, so the pure layer stays small and Node can use node:crypto.
//   value = key selector ‖ 04 ‖ X_eph ‖ Y_eph ‖ AES-128(SHA-256(Z)[0:16], session key)

import { aesEcbDecrypt, aesEcbEncrypt } from '../crypto/aes.ts';
import { sha256 } from '../crypto/sha256.ts';
import { concatBytes, fromHex } from '../bytes.ts';
import { checkSessionKey } from './customerKeyBlock.ts';
import { Bec2FormatError, Bec2InputError } from './errors.ts';

/** BALTECH's published recipient keys by key selector, raw X ‖ Y. */
export const BALTECH_ECC_PUBLIC_KEYS: Readonly<Record<number, Uint8Array>> = {
  0: fromHex(
    '057B565D976A3306E8BD094A4671138198707D0BB67C88A45E8F375DCB1416C9519884E2109A02792072AF237911A612EB16213836E90FDD421B479EBD98158E',
  ),
  1: fromHex(
    'D7B1B5CBD0587AE22E91AEE229B9534A920C905F58513CB4391F8C3F5A1B464CCC05917E5C59C3AE3E1197992B2FBB24F34238D1E4BBC62DC0DBC8F36903E92B',
  ),
  2: fromHex(
    '0CD731ED3730E53F7244EE71D8D54F5300885FF645EC8FD27FA3D9D1C4629FAF6536A1F5B46F0C7CA923EE284C115B9D6514EDEF9AA1FDBF1F54030B49AEF8A6',
  ),
  3: fromHex(
    'B6BC3D318417AE9099A228C29A0DE85AC053EAB5B3AA508BF4A438BF15FF8B551A04004051801A3D08A6055715C9DFF38FD2EFAA311C8154BD9A302597C86053',
  ),
};

/** Host side: makes an ephemeral P-256 key pair and agrees a secret with the recipient. */
export interface EccEphemeralAgreement {
  /** `recipientPublicKey` and the returned `ephemeralPublicKey` are raw X ‖ Y (64 bytes); `sharedX` is Z (32 bytes). */
  agree(recipientPublicKey: Uint8Array): Promise<{ ephemeralPublicKey: Uint8Array; sharedX: Uint8Array }>;
}

/** Reader side: the reader's private key, able to compute Z for a given ephemeral public key. */
export interface EccRecipientKey {
  sharedX(ephemeralPublicKey: Uint8Array): Promise<Uint8Array>;
}

export interface InitEccBlock {
  keySelector: number;
  /** raw X ‖ Y */
  ephemeralPublicKey: Uint8Array;
  encryptedSessionKey: Uint8Array;
}

const VALUE_LENGTH = 1 + 1 + 64 + 16;

function wrapKey(sharedX: Uint8Array): Uint8Array {
  const digest = sha256(sharedX);
  const key = digest.slice(0, 16);
  digest.fill(0);
  return key;
}

export async function sealInitEccBlock(
  sessionKey: Uint8Array,
  keySelector: number,
  agreement: EccEphemeralAgreement,
  recipientPublicKey?: Uint8Array,
): Promise<Uint8Array> {
  checkSessionKey(sessionKey);
  const recipient = recipientPublicKey ?? BALTECH_ECC_PUBLIC_KEYS[keySelector];
  if (!recipient) throw new Bec2InputError(`ECC key selector ${keySelector} has no known public key; pass the recipient key`);
  const { ephemeralPublicKey, sharedX } = await agreement.agree(recipient);
  if (ephemeralPublicKey.length !== 64 || sharedX.length !== 32) {
    throw new Bec2InputError('the ECC agreement must return a 64-byte X‖Y public key and a 32-byte shared X coordinate');
  }
  const key = wrapKey(sharedX);
  const encrypted = aesEcbEncrypt(key, sessionKey);
  key.fill(0);
  return concatBytes(Uint8Array.of(keySelector, 0x04), ephemeralPublicKey, encrypted);
}

export function parseInitEccBlock(value: Uint8Array): InitEccBlock {
  if (value.length !== VALUE_LENGTH || value[1] !== 0x04) {
    throw new Bec2FormatError('auth-block', `the InitEcc auth block is malformed (${value.length} bytes, expected ${VALUE_LENGTH} with an uncompressed point)`, 'init-ecc');
  }
  return { keySelector: value[0]!, ephemeralPublicKey: value.slice(2, 66), encryptedSessionKey: value.slice(66) };
}

export async function openInitEccBlock(value: Uint8Array, recipient: EccRecipientKey): Promise<Uint8Array> {
  const block = parseInitEccBlock(value);
  const key = wrapKey(await recipient.sharedX(block.ephemeralPublicKey));
  const sessionKey = aesEcbDecrypt(key, block.encryptedSessionKey);
  key.fill(0);
  return sessionKey;
}
