// Every finding about a CSV line or a door-file record carries where it was found, so that a
// user with a 5,000-line spreadsheet can go straight to the cell.

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
  /** A full sentence: what is wrong and what to do. Already names line and column. */
  message: string;
}

export function issueAt(
  severity: Severity,
  code: string,
  where: { line?: number; column?: string },
  text: string,
): Issue {
  const prefix =
    where.line !== undefined && where.column !== undefined
      ? `Line ${where.line}, column ${where.column}: `
      : where.line !== undefined
        ? `Line ${where.line}: `
        : '';
  const issue: Issue = { severity, code, message: prefix + text };
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
