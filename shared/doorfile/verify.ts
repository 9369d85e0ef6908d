// Checks an existing door file the way the lock will see it: decrypt every credential with the
// site key, then test the presort the lock verifies on download and the rules of validate.ts.
// A sorted file without duplicates is searched by binary search ("optimized"); otherwise the
// lock still works but searches record by record ("degraded").

import { compareBytes, fromHex, toHex, wipe } from '../bytes.ts';
import { pureAesFactory, type BlockCipherFactory } from './cipher.ts';
import { CREDENTIAL_BYTES, hasCredentialPadding, isAllFF } from './credential.ts';
import type { DoorEntry } from './doorJson.ts';
import { siteKeyProblem } from './siteKey.ts';
import { DEFAULT_MAX_USERS } from './validate.ts';

export type SearchMode = 'optimized' | 'degraded' | 'unknown';

export interface Finding {
  code: 'unsorted' | 'duplicate' | 'wrong-key' | 'bad-record' | 'malformed' | 'all-ff' | 'mixed-secondary' | 'secondary-type' | 'capacity';
  message: string;
  /** 1-based record positions in the file. */
  positions: number[];
  userIds: (number | null)[];
}

export interface VerifyReport {
  userCount: number;
  mode: SearchMode;
  /** Why the lock would search linearly; empty when optimized. */
  degradedBy: Finding[];
  /** Rule violations that do not change the search mode but break access for some users. */
  problems: Finding[];
}

export interface VerifyOptions {
  maxUsers?: number;
  cipher?: BlockCipherFactory;
}

/** Long lists are cut in messages; the positions array stays complete. */
const SHOW = 10;

function who(e: DoorEntry): string {
  return e.userId === null ? `record ${e.position}` : `record ${e.position} (user ${e.userId})`;
}

function list(entries: readonly DoorEntry[]): string {
  const shown = entries.slice(0, SHOW).map(who).join(', ');
  return entries.length > SHOW ? `${shown} and ${entries.length - SHOW} more` : shown;
}

function finding(code: Finding['code'], message: string, entries: readonly DoorEntry[]): Finding {
  return { code, message, positions: entries.map((e) => e.position), userIds: entries.map((e) => e.userId) };
}

const BLOCK_HEX = /^[0-9a-fA-F]{32}$/;

export function verifyDoorFile(entries: readonly DoorEntry[], siteKey: Uint8Array, options: VerifyOptions = {}): VerifyReport {
  const keyProblem = siteKeyProblem(siteKey);
  if (keyProblem) throw new Error(keyProblem);
  const problems: Finding[] = [];
  const degradedBy: Finding[] = [];
  const maxUsers = options.maxUsers ?? DEFAULT_MAX_USERS;
  if (entries.length > maxUsers) {
    problems.push(finding('capacity', `The file has ${entries.length} records but the lock holds ${maxUsers}; split it into several door files.`, []));
  }

  const malformed = entries.filter((e) => !BLOCK_HEX.test(e.primeCred) || (e.scndCr !== null && !BLOCK_HEX.test(e.scndCr)));
  if (malformed.length > 0) {
    problems.push(finding('malformed', `${list(malformed)}: a credential is not 32 hex digits; regenerate the door file.`, malformed));
  }
  const bad = new Set(malformed);
  const usable = entries.filter((e) => !bad.has(e));
  const typeMismatch = usable.filter((e) => (e.scndCr === null) !== (e.scndCrTyp === 'null'));
  if (typeMismatch.length > 0) {
    problems.push(finding('secondary-type', `${list(typeMismatch)}: scndCr and scndCrTyp disagree about whether there is a secondary credential; both must be "null" or both set.`, typeMismatch));
  }

  const { primes, seconds } = decryptAll(usable, siteKey, options.cipher ?? pureAesFactory);
  try {
    const block = (i: number) => primes.subarray(i * CREDENTIAL_BYTES, (i + 1) * CREDENTIAL_BYTES);
    const unpadded = usable.filter((e, i) => !hasCredentialPadding(block(i)) || (seconds[i] !== null && !hasCredentialPadding(seconds[i]!)));
    if (usable.length > 0 && unpadded.length === usable.length) {
      problems.push(finding('wrong-key', `None of the ${usable.length} records decrypts to a padded credential with this site key; the file was made with another site's key or is damaged. Check the key file.`, []));
      return { userCount: entries.length, mode: 'unknown', degradedBy, problems };
    }
    if (unpadded.length > 0) {
      problems.push(finding('bad-record', `${list(unpadded)} decrypt to something that is not a padded credential; they were encrypted with another key or damaged and will never match. Rebuild the door file.`, unpadded));
    }
    const allFF = usable.filter((e, i) => isAllFF(block(i)) || (seconds[i] !== null && isAllFF(seconds[i]!)));
    if (allFF.length > 0) {
      problems.push(finding('all-ff', `${list(allFF)} hold an all-0xFF credential, which ENGAGE locks do not support; replace those credentials.`, allFF));
    }

    const unsorted: DoorEntry[] = [];
    for (let i = 1; i < usable.length; i++) {
      if (compareBytes(block(i - 1), block(i)) > 0) unsorted.push(usable[i - 1]!, usable[i]!);
    }
    if (unsorted.length > 0) {
      const first = unsorted.slice(0, 2);
      degradedBy.push(finding('unsorted', `The records are not in ascending order of their unencrypted primary credential: ${who(first[0]!)} sorts after ${who(first[1]!)}${unsorted.length > 2 ? `, and ${unsorted.length / 2 - 1} more such pairs` : ''}. Rebuild the file with ReaderDesk to sort it.`, unsorted));
    }

    const byPair = new Map<string, DoorEntry>();
    const byPrimary = new Map<string, { without: DoorEntry[]; with: DoorEntry[] }>();
    const duplicates: DoorEntry[] = [];
    usable.forEach((e, i) => {
      const p = toHex(block(i));
      const pair = p + '|' + (seconds[i] ? toHex(seconds[i]!) : '-');
      const twin = byPair.get(pair);
      if (twin) duplicates.push(twin, e);
      else byPair.set(pair, e);
      const g = byPrimary.get(p) ?? { without: [], with: [] };
      (seconds[i] ? g.with : g.without).push(e);
      byPrimary.set(p, g);
    });
    if (duplicates.length > 0) {
      degradedBy.push(finding('duplicate', `Identical credentials appear more than once (${list(duplicates)}); a lock treats a file with duplicates as unsorted. Remove the repeated records.`, duplicates));
    }
    for (const g of byPrimary.values()) {
      if (g.without.length > 0 && g.with.length > 0) {
        const all = [...g.without, ...g.with];
        problems.push(finding('mixed-secondary', `${list(all)} share a primary credential, but only some have a secondary; the lock acts on ${who(g.without[0]!)} and never asks for the second factor. Give all of them a secondary credential or none.`, all));
      }
    }
    return { userCount: entries.length, mode: degradedBy.length > 0 ? 'degraded' : 'optimized', degradedBy, problems };
  } finally {
    wipe(primes);
    for (const s of seconds) wipe(s);
  }
}

function decryptAll(entries: readonly DoorEntry[], siteKey: Uint8Array, factory: BlockCipherFactory): { primes: Uint8Array; seconds: (Uint8Array | null)[] } {
  const enc = new Uint8Array(entries.length * CREDENTIAL_BYTES);
  entries.forEach((e, i) => enc.set(fromHex(e.primeCred), i * CREDENTIAL_BYTES));
  const primes = new Uint8Array(enc.length);
  const cipher = factory(siteKey);
  try {
    cipher.decryptBlocks(enc, primes);
    const seconds = entries.map((e) => {
      if (e.scndCr === null) return null;
      const out = new Uint8Array(CREDENTIAL_BYTES);
      cipher.decryptBlock16(fromHex(e.scndCr), 0, out, 0);
      return out;
    });
    return { primes, seconds };
  } finally {
    cipher.dispose();
  }
}
