// Turns validated user records into the door file's content: lock order, then every primary and
// secondary credential encrypted under the site key, one block each.

import { wipe } from '../bytes.ts';
import { pureAesFactory, type BlockCipherFactory } from './cipher.ts';
import { CREDENTIAL_BYTES } from './credential.ts';
import { lockOrder } from './lockOrder.ts';
import { siteKeyProblem } from './siteKey.ts';
import type { UserRecord } from './userRecord.ts';

export interface BuiltRecord {
  user: UserRecord;
  primeCred: Uint8Array;
  scndCr: Uint8Array | null;
}

export interface BuiltDoorFile {
  /** In lock order. */
  records: BuiltRecord[];
}

export function buildDoorFile(users: readonly UserRecord[], siteKey: Uint8Array, cipherFactory: BlockCipherFactory = pureAesFactory): BuiltDoorFile {
  const problem = siteKeyProblem(siteKey);
  if (problem) throw new Error(problem);
  const sorted = lockOrder(users);
  const secondaries = sorted.filter((u) => u.secondary).length;

  // Gathered into two contiguous buffers so a bulk cipher sees all blocks in one call.
  const plainPrime = new Uint8Array(sorted.length * CREDENTIAL_BYTES);
  const plainSecond = new Uint8Array(secondaries * CREDENTIAL_BYTES);
  let s = 0;
  sorted.forEach((u, i) => {
    plainPrime.set(u.primary.block, i * CREDENTIAL_BYTES);
    if (u.secondary) plainSecond.set(u.secondary.block, s++ * CREDENTIAL_BYTES);
  });
  const encPrime = new Uint8Array(plainPrime.length);
  const encSecond = new Uint8Array(plainSecond.length);
  const cipher = cipherFactory(siteKey);
  try {
    cipher.encryptBlocks(plainPrime, encPrime);
    cipher.encryptBlocks(plainSecond, encSecond);
  } finally {
    cipher.dispose();
    wipe(plainPrime);
    wipe(plainSecond);
  }

  s = 0;
  const records = sorted.map((user, i) => ({
    user,
    primeCred: encPrime.subarray(i * CREDENTIAL_BYTES, (i + 1) * CREDENTIAL_BYTES),
    scndCr: user.secondary ? encSecond.subarray(s * CREDENTIAL_BYTES, ++s * CREDENTIAL_BYTES) : null,
  }));
  return { records };
}
