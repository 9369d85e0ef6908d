// Every finding about a CSV line or a door-file record carries where it was found, so that a
// user with a 5,000-line spreadsheet can go straight to the cell.

import { englishText, hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

/** Errors stop a build; warnings stop it too unless the user explicitly accepts them. */
export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  /** Stable machine name of the rule, e.g. 'range', 'duplicate'. */
  code: string;
  /** 1-based physical line in the CSV file, when the issue belongs to one line. */
  line?: number;
  /** Header name of the column, when the issue belongs to one cell. */
  column?: string;
  /** A full sentence: what is wrong and what to do. Already names line and column. English. */
  message: string;
  /** `message` as a catalogue text (csv.*, doorfile.*), for the UI's language. */
  text: HostText;
}

/** A finding's sentence with its place in front: "Line 7, column card: …". */
export function placed(where: { line?: number; column?: string }, issue: HostText): HostText {
  if (where.line === undefined) return issue;
  const line = String(where.line);
  return where.column === undefined ? hostText('csv.at-line', { line, issue }) : hostText('csv.at-cell', { line, column: where.column, issue });
}

export function issueAt(
  severity: Severity,
  code: string,
  where: { line?: number; column?: string },
  what: HostText,
): Issue {
  const text = placed(where, what);
  const issue: Issue = { severity, code, message: englishText(text), text };
  if (where.line !== undefined) issue.line = where.line;
  if (where.column !== undefined) issue.column = where.column;
  return issue;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
