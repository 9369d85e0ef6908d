// Finalized versions are kept as change sets: the first history entry against no values, every later
// one against the entry before it. A full copy per version made a 5,005-value configuration grow by
// 216 KB per finalization; a change set costs one line per changed value. Replaying the sets gives
// the full values of any finalized version back (rollback, compare).
//
// Entries are append-only, so the history never depends on the editable current values.

import { BalcfgError } from './errors.ts';
import { hostText } from '../errors/hostError.ts';
import type { BalcfgValue, HistoryEntry, ValueChanges } from './schema.ts';

/** Canonical ids ("KKKK/VV", upper-case hex, fixed width) sort as plain strings in key-then-value order. */
function compareCanonical(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedValues(state: ReadonlyMap<string, string>): BalcfgValue[] {
  return [...state.keys()].sort(compareCanonical).map((id) => ({ id, hex: state.get(id)! }));
}

/** The changes that turn `before` into `after`; both lists hold canonical ids and upper-case hex. */
export function changesBetween(before: readonly BalcfgValue[], after: readonly BalcfgValue[]): ValueChanges {
  const old = new Map(before.map((v) => [v.id, v.hex]));
  const set: BalcfgValue[] = [];
  for (const v of after) {
    if (old.get(v.id) !== v.hex) set.push({ id: v.id, hex: v.hex });
    old.delete(v.id);
  }
  return {
    set: set.sort((a, b) => compareCanonical(a.id, b.id)),
    removed: [...old.keys()].sort(compareCanonical),
  };
}

function applyChanges(state: Map<string, string>, entry: HistoryEntry, index: number, previous: HistoryEntry | undefined): void {
  const field = `history[${index}].changes`;
  const base = previous ? hostText('model.values-of-version', { version: String(previous.version) }) : hostText('model.no-values-yet', {});
  const removed = new Set<string>();
  entry.changes.removed.forEach((id, i) => {
    if (!state.has(id)) {
      throw new BalcfgError(`${field}.removed[${i}]`, hostText('model.remove-absent', { id, base }));
    }
    removed.add(id);
  });
  entry.changes.set.forEach((v, i) => {
    if (removed.has(v.id)) {
      throw new BalcfgError(`${field}.set[${i}]`, hostText('model.set-and-removed', { id: v.id }));
    }
    if (state.get(v.id) === v.hex) {
      throw new BalcfgError(`${field}.set[${i}]`, hostText('model.set-unchanged', { id: v.id, base }));
    }
  });
  for (const id of removed) state.delete(id);
  for (const v of entry.changes.set) state.set(v.id, v.hex);
}

/** Replays every change set once; throws BalcfgError naming the first one that does not fit its predecessor. */
export function checkHistoryChanges(history: readonly HistoryEntry[]): void {
  const state = new Map<string, string>();
  history.forEach((entry, i) => applyChanges(state, entry, i, history[i - 1]));
}

/** The full values of finalized `version`, sorted by id. */
export function valuesAtVersion(history: readonly HistoryEntry[], version: number): BalcfgValue[] {
  const end = history.findIndex((h) => h.version === version);
  if (end < 0) {
    throw new BalcfgError('history', hostText('model.never-finalized', { version: String(version) }));
  }
  const state = new Map<string, string>();
  for (let i = 0; i <= end; i++) applyChanges(state, history[i]!, i, history[i - 1]);
  return sortedValues(state);
}

/** How many values each finalized version held, by version. */
export function valueCountsByVersion(history: readonly HistoryEntry[]): Map<number, number> {
  const ids = new Set<string>();
  const counts = new Map<number, number>();
  for (const entry of history) {
    for (const id of entry.changes.removed) ids.delete(id);
    for (const v of entry.changes.set) ids.add(v.id);
    counts.set(entry.version, ids.size);
  }
  return counts;
}

/** Change sets for full value lists of consecutive finalized versions (format 1 files), oldest first. */
export function changesFromValueLists(lists: readonly (readonly BalcfgValue[])[]): ValueChanges[] {
  return lists.map((values, i) => changesBetween(lists[i - 1] ?? [], values));
}
