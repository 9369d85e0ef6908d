// Rules over the whole set of user records (docs/doorfile.md, "Validation"). Errors mean the
// lock would misbehave or refuse the file; warnings mean it works, but not as well as it could.
// Records sharing a primary credential are neighbours in lock order, so the rules about them run
// over the table in that order (sorted once for the validator and the build) in O(n log n),
// however many users share one card.

import { CREDENTIAL_BYTES, isAllFF } from './credential.ts';
import { issueAt, type Issue } from './issues.ts';
import { sortIntoLockOrder } from './lockOrder.ts';
import { siteKeyProblem } from './siteKey.ts';
import type { UserRecord } from './userRecord.ts';
import { UserTable } from './userTable.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

/** What an ENGAGE lock holds per door file (a Reader-controller holds more: raise it with maxUsers). */
export const DEFAULT_MAX_USERS = 5000;

export interface ValidateOptions {
  maxUsers?: number;
  siteKey?: Uint8Array;
}

export function validateUsers(users: readonly UserRecord[], options: ValidateOptions = {}): Issue[] {
  const table = UserTable.fromRecords(users);
  return validateSortedTable(table, sortIntoLockOrder(table), options);
}

/**
 * `table` is in lock order (sortIntoLockOrder) and `csvIndex` says where each row stood in the
 * CSV; issues come in the order the rules found them, rows in CSV order within a rule.
 */
export function validateSortedTable(table: UserTable, csvIndex: Uint32Array, options: ValidateOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const maxUsers = options.maxUsers ?? DEFAULT_MAX_USERS;
  const n = table.count;

  if (options.siteKey) {
    const problem = siteKeyProblem(options.siteKey);
    if (problem) issues.push(issueAt('error', 'site-key', {}, problem));
  }
  if (n > maxUsers) {
    issues.push(issueAt('error', 'capacity', {}, hostText('doorfile.capacity', { users: n, max: maxUsers })));
  }

  const primaries = table.primaries;
  const allFF: { at: number; issue: Issue }[] = [];
  for (let k = 0; k < n; k++) {
    if (isAllFF(primaries, table.blockOffset(k))) {
      allFF.push({ at: csvIndex[k]!, issue: issueAt('error', 'all-ff', { line: table.lines[k]!, column: 'format' }, hostText('doorfile.all-ff-primary', {})) });
    }
    if (table.hasSecondary(k) && isAllFF(table.secondaryBlocks(), table.blockOffset(k))) {
      allFF.push({ at: csvIndex[k]!, issue: issueAt('error', 'all-ff', { line: table.lines[k]!, column: 'secondary_format' }, hostText('doorfile.all-ff-secondary', {})) });
    }
  }
  for (const f of allFF.sort((x, y) => x.at - y.at)) issues.push(f.issue);

  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sameBlock(primaries, table.blockOffset(end), table.blockOffset(start))) end++;
    if (end - start > 1) checkGroup(table, start, end, issues);
    start = end;
  }
  return issues;
}

function sameBlock(creds: Uint8Array, a: number, b: number): boolean {
  for (let k = 0; k < CREDENTIAL_BYTES; k++) if (creds[a + k] !== creds[b + k]) return false;
  return true;
}

function compareBlocks(creds: Uint8Array, a: number, b: number): number {
  for (let k = 0; k < CREDENTIAL_BYTES; k++) {
    const d = creds[a + k]! - creds[b + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** "4, 7 and 9" as a clause, so that the "and" is translated. */
function lineList(lines: readonly number[]): HostText {
  return hostText('doorfile.list-last', { first: lines.slice(0, -1).join(', '), last: String(lines[lines.length - 1]) });
}

/** Rows from..to-1 share one primary credential; lock order is CSV order among them. */
function checkGroup(table: UserTable, from: number, to: number, issues: Issue[]): void {
  const group = Array.from({ length: to - from }, (_, k) => from + k);
  const without = group.filter((i) => !table.hasSecondary(i));
  const withSecondary = group.filter((i) => table.hasSecondary(i));
  if (without.length > 0 && withSecondary.length > 0) {
    issues.push(
      issueAt('error', 'mixed-secondary', { line: table.lines[without[0]!]! }, hostText('doorfile.mixed-secondary', { lines: lineList([...without, ...withSecondary].map((i) => table.lines[i]!)) })),
    );
  }
  // Identical credential pairs: the lock treats the whole file as unsorted. Sorting the group by
  // secondary (none first), then by row, puts each repeat right after the first of its kind.
  const bySecondary = group.slice().sort((a, b) => {
    const sa = table.hasSecondary(a);
    const sb = table.hasSecondary(b);
    if (sa !== sb) return sa ? 1 : -1;
    const d = sa ? compareBlocks(table.secondaryBlocks(), table.blockOffset(a), table.blockOffset(b)) : 0;
    return d || a - b;
  });
  const twinOf = new Map<number, number>();
  let first = bySecondary[0]!;
  for (let k = 1; k < bySecondary.length; k++) {
    const u = bySecondary[k]!;
    const same = table.hasSecondary(u) === table.hasSecondary(first) && (!table.hasSecondary(u) || sameBlock(table.secondaryBlocks(), table.blockOffset(u), table.blockOffset(first)));
    if (same) twinOf.set(u, first);
    else first = u;
  }
  for (const u of group) {
    const twin = twinOf.get(u);
    if (twin !== undefined) {
      issues.push(issueAt('warning', 'duplicate', { line: table.lines[u]! }, hostText('doorfile.duplicate', { line: String(table.lines[twin]!) })));
    }
  }
}
