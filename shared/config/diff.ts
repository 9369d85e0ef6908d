// Compares two value lists for review before a version is finalized or deployed. Secret values
// are compared like the others, but what they hold is never put into the result.

import { fromHex } from '../bytes.ts';
import { describeValue, ENGLISH_VALUE_WORDS, formatValue, type ValueWords } from './catalogue.ts';
import { compareValueIds, normalizeValueId } from './valueId.ts';

export interface DiffInput {
  readonly id: string;
  readonly hex: string;
}

export interface DiffEntry {
  readonly id: string;
  /** Reference path from the catalogue, or the id for values ReaderDesk does not know. */
  readonly name: string;
  readonly secret: boolean;
  /** Display text of the old content; secrets show only their length. Absent for added values. */
  readonly before?: string;
  /** Display text of the new content; secrets show only their length. Absent for removed values. */
  readonly after?: string;
  /** One line for lists: "added: 20 ms", "changed: 1 → 2", "changed (secret)". */
  readonly summary: string;
}

export interface ValueDiff {
  readonly added: readonly DiffEntry[];
  readonly removed: readonly DiffEntry[];
  readonly changed: readonly DiffEntry[];
}

function byId(values: readonly DiffInput[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of values) map.set(normalizeValueId(v.id) ?? v.id, v.hex.replace(/\s/g, '').toUpperCase());
  return map;
}

function show(id: string, hex: string, words: ValueWords): string {
  try {
    return formatValue(id, fromHex(hex), words);
  } catch {
    return describeValue(id).secret ? '•••• (unreadable)' : hex;
  }
}

/** What changed from list a to list b, each part sorted by id. */
export function diffValues(a: readonly DiffInput[], b: readonly DiffInput[], words: ValueWords = ENGLISH_VALUE_WORDS): ValueDiff {
  const before = byId(a);
  const after = byId(b);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareValueIds);
  const added: DiffEntry[] = [];
  const removed: DiffEntry[] = [];
  const changed: DiffEntry[] = [];
  for (const id of ids) {
    const d = describeValue(id);
    const name = d.known ? d.path : d.id;
    const old = before.get(id);
    const now = after.get(id);
    if (old === undefined && now !== undefined) {
      const text = show(id, now, words);
      added.push({ id, name, secret: d.secret, after: text, summary: `added: ${text}` });
    } else if (now === undefined && old !== undefined) {
      const text = show(id, old, words);
      removed.push({ id, name, secret: d.secret, before: text, summary: `removed (was ${text})` });
    } else if (old !== now) {
      if (d.secret) {
        changed.push({ id, name, secret: true, before: show(id, old!, words), after: show(id, now!, words), summary: 'changed (secret)' });
      } else {
        const from = show(id, old!, words);
        const to = show(id, now!, words);
        changed.push({ id, name, secret: false, before: from, after: to, summary: `changed: ${from} → ${to}` });
      }
    }
  }
  return { added, removed, changed };
}
