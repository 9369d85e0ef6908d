// The 32-byte credential record of the seed, as the lock keeps it after decryption. Only field
// sizes are published; the encodings inside them are ReaderDesk's (docs/doorfile.md, "Binary").
// The export therefore holds UNENCRYPTED credentials and is for inspection, not for a lock.

import { dayNumber } from './dates.ts';
import type { CredentialType } from './credential.ts';
import type { UserRecord } from './userRecord.ts';

export const RECORD_BYTES = 32;

export const TYPE_CODES: Readonly<Record<CredentialType | 'none', number>> = { none: 0, card: 1, pin: 2 };

export const RECORD_LAYOUT = {
  primary: 0, // 8 bytes
  secondary: 8, // 8 bytes, 0xFF when absent
  isActive: 16,
  primaryType: 17,
  secondaryType: 18,
  attribute: 19,
  activation: 20, // u16 big-endian, days since 2000-01-01
  expiration: 22, // u16 big-endian, days since 2000-01-01
  schedule: 24, // u16 big-endian
  userRef: 26, // 20 bits big-endian: bytes 26, 27 and the high nibble of 28
} as const;

function writeU16(out: Uint8Array, off: number, v: number): void {
  out[off] = (v >>> 8) & 0xff;
  out[off + 1] = v & 0xff;
}

export function encodeRecord(u: UserRecord, out: Uint8Array, off: number): void {
  const L = RECORD_LAYOUT;
  out.fill(0, off, off + RECORD_BYTES);
  out.set(u.primary.block.subarray(0, 8), off + L.primary);
  if (u.secondary) out.set(u.secondary.block.subarray(0, 8), off + L.secondary);
  else out.fill(0xff, off + L.secondary, off + L.secondary + 8);
  out[off + L.isActive] = u.active ? 1 : 0;
  out[off + L.primaryType] = TYPE_CODES[u.primary.type];
  out[off + L.secondaryType] = TYPE_CODES[u.secondary ? u.secondary.type : 'none'];
  out[off + L.attribute] = u.attribute;
  writeU16(out, off + L.activation, dayNumber(u.activation));
  writeU16(out, off + L.expiration, dayNumber(u.expiration));
  writeU16(out, off + L.schedule, u.schedule);
  out[off + L.userRef] = (u.userId >>> 12) & 0xff;
  out[off + L.userRef + 1] = (u.userId >>> 4) & 0xff;
  out[off + L.userRef + 2] = (u.userId & 0x0f) << 4;
}

/** Records in the order given (pass them in lock order); no header, no trailer. */
export function encodeRecords(users: readonly UserRecord[]): Uint8Array {
  const out = new Uint8Array(users.length * RECORD_BYTES);
  users.forEach((u, i) => encodeRecord(u, out, i * RECORD_BYTES));
  return out;
}
