// The 32-byte credential record of the seed, as the lock keeps it after decryption. Only field
// sizes are published; the encodings inside them are ReaderDesk's (docs/doorfile.md, "Binary").
// The export therefore holds UNENCRYPTED credentials and is for inspection, not for a lock.

import { dayNumberOf } from './dates.ts';
import type { CredentialType } from './credential.ts';
import type { UserRecord } from './userRecord.ts';
import { CREDENTIAL_TYPE_CODES, UserTable } from './userTable.ts';

export const RECORD_BYTES = 32;

export const TYPE_CODES: Readonly<Record<CredentialType | 'none', number>> = CREDENTIAL_TYPE_CODES;

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

/** The record of user `i` of the table at `out[off]`. */
export function encodeTableRecord(table: UserTable, i: number, out: Uint8Array, off: number): void {
  const L = RECORD_LAYOUT;
  out.fill(0, off, off + RECORD_BYTES);
  const p = table.blockOffset(i);
  const primaries = table.primaries;
  const secondaries = table.hasSecondary(i) ? table.secondaryBlocks() : null;
  for (let k = 0; k < 8; k++) {
    out[off + L.primary + k] = primaries[p + k]!;
    out[off + L.secondary + k] = secondaries ? secondaries[p + k]! : 0xff;
  }
  out[off + L.isActive] = table.active[i]!;
  out[off + L.primaryType] = table.primaryTypes[i]!;
  out[off + L.secondaryType] = table.secondaryTypes[i]!;
  out[off + L.attribute] = table.attributes[i]!;
  writeU16(out, off + L.activation, dayNumberOf(table.activations[i]!));
  writeU16(out, off + L.expiration, dayNumberOf(table.expirations[i]!));
  writeU16(out, off + L.schedule, table.schedules[i]!);
  const userId = table.userIds[i]!;
  out[off + L.userRef] = (userId >>> 12) & 0xff;
  out[off + L.userRef + 1] = (userId >>> 4) & 0xff;
  out[off + L.userRef + 2] = (userId & 0x0f) << 4;
}

export function encodeRecord(u: UserRecord, out: Uint8Array, off: number): void {
  encodeTableRecord(UserTable.fromRecords([u]), 0, out, off);
}

/** Records in the order given (pass them in lock order); no header, no trailer. */
export function encodeRecords(users: readonly UserRecord[]): Uint8Array {
  return encodeTableRecords(UserTable.fromRecords(users));
}

/** The records of the table's users in row order (a sorted table: lock order). */
export function encodeTableRecords(table: UserTable): Uint8Array {
  const out = new Uint8Array(table.count * RECORD_BYTES);
  for (let k = 0; k < table.count; k++) encodeTableRecord(table, k, out, k * RECORD_BYTES);
  return out;
}
