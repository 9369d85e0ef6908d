// The order a lock needs for its binary search: ascending on the unencrypted 16-byte primary
// credential, secondary credentials ignored. Array.prototype.sort is stable, so records sharing a
// primary credential keep the order of the input.

import { compareBytes } from '../bytes.ts';
import type { UserRecord } from './userRecord.ts';

export function lockOrder(users: readonly UserRecord[]): UserRecord[] {
  return [...users].sort((a, b) => compareBytes(a.primary.block, b.primary.block));
}
