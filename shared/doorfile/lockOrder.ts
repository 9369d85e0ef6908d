// The order a lock needs for its binary search: ascending on the unencrypted 16-byte primary
// credential, secondary credentials ignored, ties kept in input order (stable).

import { compareBytes, readU32be } from '../bytes.ts';
import type { UserRecord } from './userRecord.ts';

export function lockOrder(users: readonly UserRecord[]): UserRecord[] {
  // Sorting indexes on the first 8 bytes as two 32-bit numbers in typed arrays is several times
  // faster than comparing byte arrays of a million records; bytes 8..15 only settle ties.
  const n = users.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = users[i]!.primary.block;
    hi[i] = readU32be(b, 0);
    lo[i] = readU32be(b, 4);
    order[i] = i;
  }
  order.sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]! || compareBytes(users[a]!.primary.block, users[b]!.primary.block) || a - b);
  return Array.from(order, (i) => users[i]!);
}
