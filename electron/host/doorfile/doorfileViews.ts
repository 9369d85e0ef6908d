// What the UI is shown of a door-file plan or check: issues as API objects, credentials without
// PIN digits, the first rows in lock order, findings cut to a size a page can hold.

import {
  ISSUE_LIMIT,
  PREVIEW_ROW_LIMIT,
  type DoorfileCredentialView,
  type DoorfileFinding,
  type DoorfileIssue,
  type DoorfilePreview,
  type DoorfileUserRow,
} from '../../../shared/api/features/doorfile.ts';
import { toHex } from '../../../shared/bytes.ts';
import type { Credential } from '../../../shared/doorfile/credential.ts';
import type { Issue } from '../../../shared/doorfile/issues.ts';
import type { DoorFilePlan } from '../../../shared/doorfile/plan.ts';
import type { Finding } from '../../../shared/doorfile/verify.ts';

export function issueView(i: Issue): DoorfileIssue {
  return { severity: i.severity, code: i.code, line: i.line ?? null, column: i.column ?? null, message: i.message, text: i.text };
}

function credentialView(c: Credential): DoorfileCredentialView {
  // A PIN's block is its digits in BCD: the UI is told only that there is one and how long it is.
  if (c.type === 'pin') return { type: 'pin', bitCount: c.bitCount, hex: null };
  return { type: c.type, bitCount: c.bitCount, hex: toHex(c.block.subarray(0, Math.ceil(c.bitCount / 8))) };
}

export function findingView(f: Finding, limit: number): DoorfileFinding {
  return { code: f.code, message: f.message, text: f.text, positions: f.positions.slice(0, limit), userIds: f.userIds.slice(0, limit) };
}

/** The preview of a planned door file: counts, the first issues, and the first rows in lock order with their own issues. */
export function previewOf(plan: DoorFilePlan, csvPath: string, maxUsers: number): DoorfilePreview {
  const sent = plan.issues.slice(0, ISSUE_LIMIT).map(issueView);
  const shown = Math.min(plan.table.count, PREVIEW_ROW_LIMIT);
  const shownLines = new Set<number>();
  for (let k = 0; k < shown; k++) shownLines.add(plan.table.lines[k]!);
  // Only the issues of the rows shown are turned into API objects, however many the file has.
  const byLine = new Map<number, DoorfileIssue[]>();
  for (const i of plan.issues) {
    if (i.line === undefined || !shownLines.has(i.line)) continue;
    const list = byLine.get(i.line) ?? [];
    list.push(issueView(i));
    byLine.set(i.line, list);
  }
  const users: DoorfileUserRow[] = [];
  for (let k = 0; k < shown; k++) {
    const u = plan.table.user(k);
    const own = byLine.get(u.line) ?? [];
    users.push({
      position: k + 1,
      line: u.line,
      userId: u.userId,
      primary: credentialView(u.primary),
      secondary: u.secondary ? credentialView(u.secondary) : null,
      active: u.active,
      attribute: u.attribute,
      activation: u.activation,
      expiration: u.expiration,
      schedule: u.schedule,
      severity: own.some((i) => i.severity === 'error') ? 'error' : own.length > 0 ? 'warning' : null,
      issues: own,
    });
  }
  return { csvPath, userCount: plan.table.count, users, truncated: plan.table.count > users.length, issues: sent, errors: plan.errors, warnings: plan.warnings, maxUsers };
}
