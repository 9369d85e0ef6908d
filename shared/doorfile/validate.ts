// Rules over the whole set of user records (docs/doorfile.md, "Validation"). Errors mean the
// lock would misbehave or refuse the file; warnings mean it works, but not as well as it could.

import { bytesEqual } from '../bytes.ts';
import { isAllFF } from './credential.ts';
import { issueAt, type Issue } from './issues.ts';
import { lockOrder } from './lockOrder.ts';
import { siteKeyProblem } from './siteKey.ts';
import type { UserRecord } from './userRecord.ts';

/** What an ENGAGE lock holds per door file (a Reader-controller holds more: raise it with maxUsers). */
export const DEFAULT_MAX_USERS = 5000;

export interface ValidateOptions {
  maxUsers?: number;
  siteKey?: Uint8Array;
}

export function validateUsers(users: readonly UserRecord[], options: ValidateOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const maxUsers = options.maxUsers ?? DEFAULT_MAX_USERS;

  if (options.siteKey) {
    const problem = siteKeyProblem(options.siteKey);
    if (problem) issues.push(issueAt('error', 'site-key', {}, problem));
  }
  if (users.length > maxUsers) {
    issues.push(issueAt('error', 'capacity', {}, `The file has ${users.length} users but the lock holds ${maxUsers}; split the users over several door files or set the lock's capacity with --max-users.`));
  }

  for (const u of users) {
    if (isAllFF(u.primary.block)) {
      issues.push(issueAt('error', 'all-ff', { line: u.line, column: 'format' }, 'the primary credential is all 0xFF bits, which ENGAGE locks do not support; it would never open the door. Use another credential.'));
    }
    if (u.secondary && isAllFF(u.secondary.block)) {
      issues.push(issueAt('error', 'all-ff', { line: u.line, column: 'secondary_format' }, 'the secondary credential is all 0xFF bits, which ENGAGE locks do not support; use another credential.'));
    }
  }

  const sorted = lockOrder(users);
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && bytesEqual(sorted[end]!.primary.block, sorted[start]!.primary.block)) end++;
    if (end - start > 1) checkGroup(sorted.slice(start, end), issues);
    start = end;
  }
  return issues;
}

function lineList(group: readonly UserRecord[]): string {
  const lines = group.map((u) => u.line);
  return lines.length === 2 ? `${lines[0]} and ${lines[1]}` : `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/** Records sharing one primary credential. */
function checkGroup(group: readonly UserRecord[], issues: Issue[]): void {
  const without = group.filter((u) => !u.secondary);
  const withSecondary = group.filter((u) => u.secondary);
  if (without.length > 0 && withSecondary.length > 0) {
    issues.push(
      issueAt('error', 'mixed-secondary', { line: without[0]!.line }, `lines ${lineList([...without, ...withSecondary])} share a primary credential, but only some have a secondary credential. The lock acts on the record without one and never asks for the second factor; give all of them a secondary credential or none.`),
    );
  }
  // Identical credential pairs: the lock treats the whole file as unsorted.
  const seen: UserRecord[] = [];
  for (const u of group) {
    const twin = seen.find((s) => (s.secondary === null ? u.secondary === null : u.secondary !== null && bytesEqual(s.secondary.block, u.secondary.block)));
    if (twin) {
      issues.push(issueAt('warning', 'duplicate', { line: u.line }, `the credentials repeat those of line ${twin.line}; a lock treats a file with duplicates as unsorted and searches it slowly ("degraded"). Remove one of the lines.`));
    } else seen.push(u);
  }
}
