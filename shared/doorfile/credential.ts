// A credential as the lock compares it: the frame's bits (parity included), left-justified to a
// byte boundary with zero bits, then 0xFF up to 16 bytes (decisions.md, "Door files").

import { toHex } from '../bytes.ts';

export const CREDENTIAL_BYTES = 16;
/** The lock's own record keeps 8 bytes per credential, so longer frames cannot be stored. */
export const MAX_CREDENTIAL_BITS = 64;

/** `card` is the only type token published by Allegion; `pin` is ReaderDesk's choice. */
export type CredentialType = 'card' | 'pin';

export interface Credential {
  type: CredentialType;
  /** Number of meaningful bits before the zero fill and the 0xFF padding. */
  bitCount: number;
  /** The 16-byte unencrypted block that is sorted and encrypted. */
  block: Uint8Array;
}

/** `value` is the frame read as an unsigned number, first transmitted bit most significant. */
export function credentialBlock(value: bigint, bitCount: number): Uint8Array {
  if (!Number.isInteger(bitCount) || bitCount < 1 || bitCount > MAX_CREDENTIAL_BITS) {
    throw new RangeError(`a credential has 1 to ${MAX_CREDENTIAL_BITS} bits, not ${bitCount}`);
  }
  if (value < 0n || value >> BigInt(bitCount) !== 0n) {
    throw new RangeError(`the value 0x${value.toString(16).toUpperCase()} does not fit in ${bitCount} bits`);
  }
  const used = Math.ceil(bitCount / 8);
  let v = value << BigInt(used * 8 - bitCount);
  const out = new Uint8Array(CREDENTIAL_BYTES).fill(0xff);
  for (let i = used - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export function makeCredential(type: CredentialType, value: bigint, bitCount: number): Credential {
  return { type, bitCount, block: credentialBlock(value, bitCount) };
}

/** The lock cannot match a credential whose unencrypted block is nothing but padding. */
export function isAllFF(block: Uint8Array): boolean {
  for (const b of block) if (b !== 0xff) return false;
  return true;
}

/**
 * True when bytes 8..15 are 0xFF, which every credential of at most 64 bits has. A decrypted
 * block without it was encrypted under another key or damaged.
 */
export function hasCredentialPadding(block: Uint8Array): boolean {
  for (let i = MAX_CREDENTIAL_BITS / 8; i < CREDENTIAL_BYTES; i++) if (block[i] !== 0xff) return false;
  return true;
}

export function credentialHex(block: Uint8Array): string {
  return toHex(block);
}
