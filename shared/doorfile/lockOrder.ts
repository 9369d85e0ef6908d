// The order a lock needs for its binary search: ascending on the unencrypted 16-byte primary
// credential, secondary credentials ignored, ties kept in input order (stable).

import { compareBytes, readU32be } from '../bytes.ts';
import { CREDENTIAL_BYTES } from './credential.ts';
import type { UserRecord } from './userRecord.ts';
import { UserTable } from './userTable.ts';

/** Bits per radix pass: four passes sort the 64 bits that a credential of at most 64 bits uses. */
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

/** Below this, one comparison sort costs less than four passes over 65,536 buckets. */
const SMALL = 2048;

/** Scratch memory for sorting and reordering a table of n rows: 16 bytes a row. */
function scratchFor(n: number): ArrayBuffer {
  return new ArrayBuffer(Math.max(1, n) * CREDENTIAL_BYTES);
}

/**
 * Indexes into the table, in lock order. `scratch` (16 bytes a row) holds the sort keys; the
 * result never lies in it, so the caller may reuse it.
 */
export function lockOrderOf(table: UserTable, scratch: ArrayBuffer = scratchFor(table.count)): Uint32Array {
  const n = table.count;
  const blocks = table.primaries;
  const hi = new Uint32Array(scratch, 0, n);
  const lo = new Uint32Array(scratch, 4 * n, n);
  const order = new Uint32Array(n);
  // Credentials of at most 64 bits end in eight 0xFF bytes; only hand-made records may not.
  let paddedTails = true;
  for (let i = 0; i < n; i++) {
    const off = table.blockOffset(i);
    hi[i] = readU32be(blocks, off);
    lo[i] = readU32be(blocks, off + 4);
    order[i] = i;
    if (paddedTails && (readU32be(blocks, off + 8) !== 0xffffffff || readU32be(blocks, off + 12) !== 0xffffffff)) paddedTails = false;
  }
  if (!paddedTails || n < SMALL) {
    const block = (i: number) => blocks.subarray(table.blockOffset(i), table.blockOffset(i) + CREDENTIAL_BYTES);
    return order.sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]! || compareBytes(block(a), block(b)) || a - b);
  }
  // Least significant digit first; each pass is stable, so equal credentials keep input order.
  let from = order;
  let to = new Uint32Array(scratch, 8 * n, n);
  const counts = new Uint32Array(BUCKETS);
  for (const [keys, shift] of [
    [lo, 0],
    [lo, DIGIT_BITS],
    [hi, 0],
    [hi, DIGIT_BITS],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & (BUCKETS - 1)]!++;
    // A digit every credential shares (often the 0xFF padding of short frames) moves nothing.
    if (counts[(keys[0]! >>> shift) & (BUCKETS - 1)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = from[k]!;
      to[counts[(keys[i]! >>> shift) & (BUCKETS - 1)]!++] = i;
    }
    [from, to] = [to, from];
  }
  if (from !== order) order.set(from);
  return order;
}

/**
 * Puts the table's rows in lock order, once per door file (the validator and the build share it),
 * and returns for each row its place before (its index among the CSV's users).
 */
export function sortIntoLockOrder(table: UserTable): Uint32Array {
  const scratch = scratchFor(table.count);
  const order = lockOrderOf(table, scratch);
  table.permute(order, scratch);
  return order;
}

/** The same order for records (tests and callers that hold UserRecord objects). */
export function lockOrder(users: readonly UserRecord[]): UserRecord[] {
  const order = lockOrderOf(UserTable.fromRecords(users));
  return Array.from(order, (i) => users[i]!);
}
