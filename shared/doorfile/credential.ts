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

const TWO_32 = 2 ** 32;

/**
 * Writes the 16-byte block of a frame of `bitCount` bits (1-64) whose value is `hi * 2^32 + lo`
 * (both unsigned 32-bit) at `out[off]`. The caller has checked that the value fits; numbers
 * instead of BigInt because a million credentials are written per door file.
 */
export function writeCredentialBlock(out: Uint8Array, off: number, hi: number, lo: number, bitCount: number): void {
  const used = (bitCount + 7) >> 3;
  const shift = used * 8 - bitCount;
  // value << shift still fits in 64 bits, because value < 2^bitCount.
  const h = shift === 0 ? hi : ((hi << shift) | (lo >>> (32 - shift))) >>> 0;
  const l = (lo << shift) >>> 0;
  out.fill(0xff, off, off + CREDENTIAL_BYTES);
  // The value's last `used` bytes, most significant first.
  for (let k = 0; k < used; k++) {
    const byteFromEnd = used - 1 - k;
    out[off + k] = byteFromEnd < 4 ? (l >>> (byteFromEnd * 8)) & 0xff : (h >>> ((byteFromEnd - 4) * 8)) & 0xff;
  }
}

/** `value` is the frame read as an unsigned number, first transmitted bit most significant. */
export function credentialBlock(value: bigint, bitCount: number): Uint8Array {
  if (!Number.isInteger(bitCount) || bitCount < 1 || bitCount > MAX_CREDENTIAL_BITS) {
    throw new RangeError(`a credential has 1 to ${MAX_CREDENTIAL_BITS} bits, not ${bitCount}`);
  }
  if (value < 0n || value >> BigInt(bitCount) !== 0n) {
    throw new RangeError(`the value 0x${value.toString(16).toUpperCase()} does not fit in ${bitCount} bits`);
  }
  const out = new Uint8Array(CREDENTIAL_BYTES);
  writeCredentialBlock(out, 0, Number(value >> 32n), Number(value & 0xffffffffn), bitCount);
  return out;
}

/** The same for a frame of at most 53 bits held in a number (every Wiegand format here). */
export function writeSmallCredentialBlock(out: Uint8Array, off: number, value: number, bitCount: number): void {
  writeCredentialBlock(out, off, Math.floor(value / TWO_32), value >>> 0, bitCount);
}

export function makeCredential(type: CredentialType, value: bigint, bitCount: number): Credential {
  return { type, bitCount, block: credentialBlock(value, bitCount) };
}

/** The lock cannot match a credential whose unencrypted block is nothing but padding. */
export function isAllFF(block: Uint8Array, off = 0): boolean {
  for (let i = off; i < off + CREDENTIAL_BYTES; i++) if (block[i] !== 0xff) return false;
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
