import { describe, expect, it } from 'vitest';
import { compareBytes, toHex } from '../../../shared/bytes.ts';
import { credentialBlock, makeCredential } from '../../../shared/doorfile/credential.ts';
import { lockOrder } from '../../../shared/doorfile/lockOrder.ts';
import type { UserRecord } from '../../../shared/doorfile/userRecord.ts';
import { userWith } from '../../helpers/doorUsers.ts';

const user = (line: number, block: Uint8Array): UserRecord => userWith(line, line, { type: 'card', bitCount: 64, block });

/** What the lock expects, the slow and obvious way: ascending blocks, equal ones in input order. */
const reference = (users: UserRecord[]) => [...users].sort((a, b) => compareBytes(a.primary.block, b.primary.block) || a.line - b.line);

// A small deterministic generator, so a failure can be replayed.
function numbers(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

describe('lock order', () => {
  it('sorts thousands of credentials of every length and keeps repeats in CSV order', () => {
    const next = numbers(7);
    const users = Array.from({ length: 6000 }, (_, i) => {
      const bits = 1 + next(64);
      // Few distinct values per length, so many credentials repeat.
      const value = BigInt(next(50)) & ((1n << BigInt(bits)) - 1n);
      return user(i + 2, credentialBlock(value, bits));
    });
    const sorted = lockOrder(users);
    expect(sorted.map((u) => u.line)).toEqual(reference(users).map((u) => u.line));
  });

  it('also orders hand-made blocks whose last eight bytes are not padding', () => {
    const next = numbers(11);
    const users = Array.from({ length: 3000 }, (_, i) => user(i + 2, Uint8Array.from({ length: 16 }, () => (next(4) === 0 ? 0xff : next(3)))));
    expect(lockOrder(users).map((u) => u.line)).toEqual(reference(users).map((u) => u.line));
  });

  it('puts the seed example in the order of its section 7', () => {
    const seed = ['8F166045', '8F166040', '7F166040', '7F186040', '7F126540'].map((hex, i) => ({ ...user(i + 1, new Uint8Array()), primary: makeCredential('card', BigInt('0x' + hex), 32) }));
    expect(lockOrder(seed).map((u) => toHex(u.primary.block.subarray(0, 4)))).toEqual(['7F126540', '7F166040', '7F186040', '8F166040', '8F166045']);
  });
});
