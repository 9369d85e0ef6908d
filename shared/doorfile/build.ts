// Turns validated user records into the door file's content: lock order, then every primary and
// secondary credential encrypted under the site key, one block each.

import { wipe } from '../bytes.ts';
import { pureAesFactory, type BlockCipherFactory } from './cipher.ts';
import { CREDENTIAL_BYTES } from './credential.ts';
import { sortIntoLockOrder } from './lockOrder.ts';
import type { SortedUsers } from './plan.ts';
import { siteKeyProblem } from './siteKey.ts';
import { hostErrorOf } from '../errors/hostError.ts';
import type { UserRecord } from './userRecord.ts';
import { UserTable } from './userTable.ts';

export interface BuiltRecord {
  user: UserRecord;
  primeCred: Uint8Array;
  scndCr: Uint8Array | null;
}

/** The encrypted door file: the users in lock order and their credential blocks, each set in one buffer. */
export class BuiltDoorFile {
  private made: BuiltRecord[] | undefined;

  constructor(
    /** The users; row k is the k-th in lock order. */
    readonly table: UserTable,
    /** The encrypted primary block of row k at k * 16. */
    readonly primeCreds: Uint8Array,
    /** The encrypted secondary blocks, in lock order, of only the users that have one. */
    readonly secondCreds: Uint8Array,
  ) {}

  get count(): number {
    return this.table.count;
  }

  /** One object per user, made on first use; the JSON and binary writers read the buffers instead. */
  get records(): BuiltRecord[] {
    if (this.made) return this.made;
    let s = 0;
    this.made = Array.from({ length: this.count }, (_, k) => ({
      user: this.table.user(k),
      primeCred: this.primeCreds.subarray(k * CREDENTIAL_BYTES, (k + 1) * CREDENTIAL_BYTES),
      scndCr: this.table.hasSecondary(k) ? this.secondCreds.subarray(s * CREDENTIAL_BYTES, ++s * CREDENTIAL_BYTES) : null,
    }));
    return this.made;
  }
}

export function buildDoorFile(users: readonly UserRecord[], siteKey: Uint8Array, cipherFactory: BlockCipherFactory = pureAesFactory): BuiltDoorFile {
  const table = UserTable.fromRecords(users);
  return buildSortedDoorFile({ table, csvIndex: sortIntoLockOrder(table) }, siteKey, cipherFactory);
}

/** Blocks per cipher call: whole megabytes, so no cipher output the size of the file exists at once. */
const BATCH_BLOCKS = 65536;

/** The build for users already in lock order (a DoorFilePlan): nothing is sorted again. */
export function buildSortedDoorFile(sorted: SortedUsers, siteKey: Uint8Array, cipherFactory: BlockCipherFactory = pureAesFactory): BuiltDoorFile {
  const problem = siteKeyProblem(siteKey);
  if (problem) throw hostErrorOf(problem);
  const { table } = sorted;
  const n = table.count;
  let secondaries = 0;
  for (let k = 0; k < n; k++) if (table.hasSecondary(k)) secondaries++;

  const encPrime = new Uint8Array(n * CREDENTIAL_BYTES);
  const encSecond = new Uint8Array(secondaries * CREDENTIAL_BYTES);
  // Secondary blocks are gathered (only some users have one) through this buffer, wiped afterwards.
  const plain = new Uint8Array(Math.min(secondaries, BATCH_BLOCKS) * CREDENTIAL_BYTES);
  const cipher = cipherFactory(siteKey);
  try {
    // In lock order the primary blocks already lie back to back.
    for (let from = 0; from < n; from += BATCH_BLOCKS) {
      const to = Math.min(n, from + BATCH_BLOCKS) * CREDENTIAL_BYTES;
      cipher.encryptBlocks(table.primaries.subarray(from * CREDENTIAL_BYTES, to), encPrime.subarray(from * CREDENTIAL_BYTES, to));
    }
    if (secondaries > 0) {
      const blocks = table.secondaryBlocks();
      let s = 0;
      let batched = 0;
      const flush = () => {
        const bytes = batched * CREDENTIAL_BYTES;
        cipher.encryptBlocks(plain.subarray(0, bytes), encSecond.subarray(s * CREDENTIAL_BYTES - bytes, s * CREDENTIAL_BYTES));
        batched = 0;
      };
      for (let k = 0; k < n; k++) {
        if (!table.hasSecondary(k)) continue;
        plain.set(blocks.subarray(table.blockOffset(k), table.blockOffset(k) + CREDENTIAL_BYTES), batched * CREDENTIAL_BYTES);
        batched++;
        s++;
        if (batched === BATCH_BLOCKS) flush();
      }
      if (batched > 0) flush();
    }
  } finally {
    cipher.dispose();
    wipe(plain);
  }
  return new BuiltDoorFile(table, encPrime, encSecond);
}
