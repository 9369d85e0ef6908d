// The users of a door file column by column: typed arrays instead of one object per user, and
// the credential blocks in one buffer (a second one only once a secondary credential appears). A
// million users then cost about 50 MB and a handful of allocations; UserRecord objects are made
// only for the few that a preview shows or a test reads.

import { CREDENTIAL_BYTES, type Credential, type CredentialType } from './credential.ts';
import { dateTimeNumber, dateTimeText } from './dates.ts';
import type { UserRecord } from './userRecord.ts';

/** Credential type codes as the 32-byte record keeps them (docs/doorfile.md, "Binary export"). */
export const CREDENTIAL_TYPE_CODES = { none: 0, card: 1, pin: 2 } as const;

export function typeCode(type: CredentialType): number {
  return CREDENTIAL_TYPE_CODES[type];
}

export function typeName(code: number): CredentialType {
  return code === CREDENTIAL_TYPE_CODES.pin ? 'pin' : 'card';
}

type Column = Uint8Array | Uint16Array | Uint32Array | Float64Array;

function grown<T extends Column>(old: T, size: number): T {
  const next = new (old.constructor as new (n: number) => T)(size);
  next.set(old as never);
  return next;
}

/** `to[k] = from[order[k]]` for the first n entries, then copied back: one loop per column type keeps each monomorphic. */
function gatherBytes(column: Uint8Array, order: Uint32Array, temp: Uint8Array): void {
  const n = order.length;
  for (let k = 0; k < n; k++) temp[k] = column[order[k]!]!;
  column.set(temp.subarray(0, n));
}

function gatherU16(column: Uint16Array, order: Uint32Array, temp: Uint16Array): void {
  const n = order.length;
  for (let k = 0; k < n; k++) temp[k] = column[order[k]!]!;
  column.set(temp.subarray(0, n));
}

function gatherU32(column: Uint32Array, order: Uint32Array, temp: Uint32Array): void {
  const n = order.length;
  for (let k = 0; k < n; k++) temp[k] = column[order[k]!]!;
  column.set(temp.subarray(0, n));
}

function gatherF64(column: Float64Array, order: Uint32Array, temp: Float64Array): void {
  const n = order.length;
  for (let k = 0; k < n; k++) temp[k] = column[order[k]!]!;
  column.set(temp.subarray(0, n));
}

function gatherBlocks(blocks: Uint8Array, order: Uint32Array, temp: Uint8Array): void {
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const from = order[k]! * CREDENTIAL_BYTES;
    const to = k * CREDENTIAL_BYTES;
    for (let b = 0; b < CREDENTIAL_BYTES; b++) temp[to + b] = blocks[from + b]!;
  }
  blocks.set(temp.subarray(0, n * CREDENTIAL_BYTES));
}

export class UserTable {
  count = 0;
  capacity: number;
  lines: Uint32Array;
  userIds: Uint32Array;
  /** The unencrypted 16-byte primary block of row i at i * 16. */
  primaries: Uint8Array;
  /** The same for secondary blocks; made when the first secondary credential arrives. */
  secondaries: Uint8Array | null = null;
  primaryTypes: Uint8Array;
  /** CREDENTIAL_TYPE_CODES.none when the user has no secondary credential. */
  secondaryTypes: Uint8Array;
  primaryBits: Uint8Array;
  secondaryBits: Uint8Array;
  active: Uint8Array;
  attributes: Uint8Array;
  schedules: Uint16Array;
  /** YYYYMMDDHHMMSS as numbers. */
  activations: Float64Array;
  expirations: Float64Array;
  /** The records a table was made from, handed back unchanged by user(). */
  private source: readonly UserRecord[] | null = null;

  /** `capacity` is a first guess; the table grows when more users arrive. */
  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
    const c = this.capacity;
    this.lines = new Uint32Array(c);
    this.userIds = new Uint32Array(c);
    this.primaries = new Uint8Array(c * CREDENTIAL_BYTES);
    this.primaryTypes = new Uint8Array(c);
    this.secondaryTypes = new Uint8Array(c);
    this.primaryBits = new Uint8Array(c);
    this.secondaryBits = new Uint8Array(c);
    this.active = new Uint8Array(c);
    this.attributes = new Uint8Array(c);
    this.schedules = new Uint16Array(c);
    this.activations = new Float64Array(c);
    this.expirations = new Float64Array(c);
  }

  static fromRecords(users: readonly UserRecord[]): UserTable {
    const t = new UserTable(users.length);
    for (const u of users) {
      const i = t.count;
      t.lines[i] = u.line;
      t.userIds[i] = u.userId;
      t.primaries.set(u.primary.block.subarray(0, CREDENTIAL_BYTES), t.blockOffset(i));
      t.primaryTypes[i] = typeCode(u.primary.type);
      t.primaryBits[i] = u.primary.bitCount;
      if (u.secondary) {
        t.secondaryBlocks().set(u.secondary.block.subarray(0, CREDENTIAL_BYTES), t.blockOffset(i));
        t.secondaryTypes[i] = typeCode(u.secondary.type);
        t.secondaryBits[i] = u.secondary.bitCount;
      }
      t.active[i] = u.active ? 1 : 0;
      t.attributes[i] = u.attribute;
      t.schedules[i] = u.schedule;
      t.activations[i] = dateTimeNumber(u.activation);
      t.expirations[i] = dateTimeNumber(u.expiration);
      t.count++;
    }
    t.source = users;
    return t;
  }

  /** Room for user `count`, the next one to be added. */
  reserveNext(): void {
    if (this.count < this.capacity) return;
    const c = this.capacity * 2;
    this.lines = grown(this.lines, c);
    this.userIds = grown(this.userIds, c);
    this.primaries = grown(this.primaries, c * CREDENTIAL_BYTES);
    if (this.secondaries) this.secondaries = grown(this.secondaries, c * CREDENTIAL_BYTES);
    this.primaryTypes = grown(this.primaryTypes, c);
    this.secondaryTypes = grown(this.secondaryTypes, c);
    this.primaryBits = grown(this.primaryBits, c);
    this.secondaryBits = grown(this.secondaryBits, c);
    this.active = grown(this.active, c);
    this.attributes = grown(this.attributes, c);
    this.schedules = grown(this.schedules, c);
    this.activations = grown(this.activations, c);
    this.expirations = grown(this.expirations, c);
    this.capacity = c;
  }

  /** The buffer of secondary blocks, made on first use. */
  secondaryBlocks(): Uint8Array {
    this.secondaries ??= new Uint8Array(this.capacity * CREDENTIAL_BYTES);
    return this.secondaries;
  }

  /** Where row i's block is in `primaries` and `secondaries`. */
  blockOffset(i: number): number {
    return i * CREDENTIAL_BYTES;
  }

  hasSecondary(i: number): boolean {
    return this.secondaryTypes[i] !== CREDENTIAL_TYPE_CODES.none;
  }

  /**
   * Reorders the rows so that row k becomes what row order[k] was (order lists every row once).
   * In place, column by column through one scratch buffer of 16 bytes per row (which the caller
   * may pass in, having used it for sorting): no second table, no dead columns waiting for the
   * garbage collector. Afterwards the writers read the rows front to back instead of jumping
   * through a million-entry index.
   */
  permute(order: Uint32Array, scratch: ArrayBuffer = new ArrayBuffer(Math.max(1, order.length) * CREDENTIAL_BYTES)): void {
    if (order.length !== this.count) throw new RangeError(`a permutation of ${this.count} rows has ${order.length} entries`);
    const bytes = new Uint8Array(scratch);
    for (const column of [this.primaryTypes, this.secondaryTypes, this.primaryBits, this.secondaryBits, this.active, this.attributes]) gatherBytes(column, order, bytes);
    gatherU16(this.schedules, order, new Uint16Array(scratch));
    gatherU32(this.lines, order, new Uint32Array(scratch));
    gatherU32(this.userIds, order, new Uint32Array(scratch));
    gatherF64(this.activations, order, new Float64Array(scratch));
    gatherF64(this.expirations, order, new Float64Array(scratch));
    gatherBlocks(this.primaries, order, bytes);
    if (this.secondaries) gatherBlocks(this.secondaries, order, bytes);
    if (this.source) {
      const source = this.source;
      this.source = Array.from(order, (i) => source[i]!);
    }
  }

  private credential(typeCodeValue: number, bitCount: number, blocks: Uint8Array, i: number): Credential {
    const off = this.blockOffset(i);
    return { type: typeName(typeCodeValue), bitCount, block: blocks.slice(off, off + CREDENTIAL_BYTES) };
  }

  /** User `i` as a record (the original object when the table was made from records). */
  user(i: number): UserRecord {
    if (this.source) return this.source[i]!;
    return {
      line: this.lines[i]!,
      userId: this.userIds[i]!,
      primary: this.credential(this.primaryTypes[i]!, this.primaryBits[i]!, this.primaries, i),
      secondary: this.hasSecondary(i) ? this.credential(this.secondaryTypes[i]!, this.secondaryBits[i]!, this.secondaryBlocks(), i) : null,
      active: this.active[i] === 1,
      attribute: this.attributes[i]!,
      activation: dateTimeText(this.activations[i]!),
      expiration: dateTimeText(this.expirations[i]!),
      schedule: this.schedules[i]!,
    };
  }

  /** Every user as a record, in table order. */
  toRecords(): UserRecord[] {
    return Array.from({ length: this.count }, (_, i) => this.user(i));
  }
}
