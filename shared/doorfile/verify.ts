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
import { englishText, hostErrorOf, hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export type SearchMode = 'optimized' | 'degraded' | 'unknown';

export interface Finding {
  code: 'unsorted' | 'duplicate' | 'wrong-key' | 'bad-record' | 'malformed' | 'all-ff' | 'mixed-secondary' | 'secondary-type' | 'capacity';
  /** English; `text` is the same as a catalogue text (verify.*), for the UI's language. */
  message: string;
  text: HostText;
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

function who(e: DoorEntry): HostText {
  const position = String(e.position);
  return e.userId === null ? hostText('verify.record', { position }) : hostText('verify.record-of-user', { position, user: String(e.userId) });
}

/** "record 2 (user 3), record 3 (user 6)", the first ten and how many more. */
function list(entries: readonly DoorEntry[]): HostText {
  const shown = entries.slice(0, SHOW).map(who);
  let text = shown[shown.length - 1]!;
  for (let i = shown.length - 2; i >= 0; i--) text = hostText('doorfile.list', { first: shown[i]!, rest: text });
  return entries.length > SHOW ? hostText('doorfile.list-more', { list: text, more: entries.length - SHOW }) : text;
}

function finding(code: Finding['code'], text: HostText, entries: readonly DoorEntry[]): Finding {
  return { code, message: englishText(text), text, positions: entries.map((e) => e.position), userIds: entries.map((e) => e.userId) };
}

const BLOCK_HEX = /^[0-9a-fA-F]{32}$/;

export function verifyDoorFile(entries: readonly DoorEntry[], siteKey: Uint8Array, options: VerifyOptions = {}): VerifyReport {
  const keyProblem = siteKeyProblem(siteKey);
  if (keyProblem) throw hostErrorOf(keyProblem);
  const problems: Finding[] = [];
  const degradedBy: Finding[] = [];
  const maxUsers = options.maxUsers ?? DEFAULT_MAX_USERS;
  if (entries.length > maxUsers) {
    problems.push(finding('capacity', hostText('verify.capacity', { records: entries.length, max: maxUsers }), []));
  }

  const malformed = entries.filter((e) => !BLOCK_HEX.test(e.primeCred) || (e.scndCr !== null && !BLOCK_HEX.test(e.scndCr)));
  if (malformed.length > 0) {
    problems.push(finding('malformed', hostText('verify.malformed', { records: list(malformed) }), malformed));
  }
  const bad = new Set(malformed);
  const usable = entries.filter((e) => !bad.has(e));
  const typeMismatch = usable.filter((e) => (e.scndCr === null) !== (e.scndCrTyp === 'null'));
  if (typeMismatch.length > 0) {
    problems.push(finding('secondary-type', hostText('verify.secondary-type', { records: list(typeMismatch) }), typeMismatch));
  }

  const { primes, seconds } = decryptAll(usable, siteKey, options.cipher ?? pureAesFactory);
  try {
    const block = (i: number) => primes.subarray(i * CREDENTIAL_BYTES, (i + 1) * CREDENTIAL_BYTES);
    const unpadded = usable.filter((e, i) => !hasCredentialPadding(block(i)) || (seconds[i] !== null && !hasCredentialPadding(seconds[i]!)));
    if (usable.length > 0 && unpadded.length === usable.length) {
      problems.push(finding('wrong-key', hostText('verify.wrong-key', { count: usable.length }), []));
      return { userCount: entries.length, mode: 'unknown', degradedBy, problems };
    }
    if (unpadded.length > 0) {
      problems.push(finding('bad-record', hostText('verify.bad-record', { records: list(unpadded) }), unpadded));
    }
    const allFF = usable.filter((e, i) => isAllFF(block(i)) || (seconds[i] !== null && isAllFF(seconds[i]!)));
    if (allFF.length > 0) {
      problems.push(finding('all-ff', hostText('verify.all-ff', { records: list(allFF) }), allFF));
    }

    const unsorted: DoorEntry[] = [];
    for (let i = 1; i < usable.length; i++) {
      if (compareBytes(block(i - 1), block(i)) > 0) unsorted.push(usable[i - 1]!, usable[i]!);
    }
    if (unsorted.length > 0) {
      const first = unsorted.slice(0, 2);
      const more = unsorted.length > 2 ? hostText('verify.more-pairs', { count: unsorted.length / 2 - 1 }) : '';
      degradedBy.push(finding('unsorted', hostText('verify.unsorted', { first: who(first[0]!), second: who(first[1]!), more }), unsorted));
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
      degradedBy.push(finding('duplicate', hostText('verify.duplicate', { records: list(duplicates) }), duplicates));
    }
    for (const g of byPrimary.values()) {
      if (g.without.length > 0 && g.with.length > 0) {
        const all = [...g.without, ...g.with];
        problems.push(finding('mixed-secondary', hostText('verify.mixed-secondary', { records: list(all), record: who(g.without[0]!) }), all));
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
