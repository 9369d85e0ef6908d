// From CSV text to "may this be written?": import, then the set-wide rules. Errors always block
// writing; warnings block it unless the user has said, explicitly, that they accept them.

import { countBySeverity, type Issue } from './issues.ts';
import { importUsersCsv } from './userCsv.ts';
import type { UserRecord } from './userRecord.ts';
import { validateUsers, type ValidateOptions } from './validate.ts';

export interface DoorFilePlan {
  users: UserRecord[];
  /** File-wide issues first, then by CSV line. */
  issues: Issue[];
  errors: number;
  warnings: number;
}

export function planDoorFile(csvText: string, options: ValidateOptions = {}): DoorFilePlan {
  const imported = importUsersCsv(csvText);
  const issues = [...imported.issues, ...validateUsers(imported.users, options)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { users: imported.users, issues, ...countBySeverity(issues) };
}

export function mayWrite(plan: DoorFilePlan, acceptWarnings: boolean): boolean {
  return plan.errors === 0 && (plan.warnings === 0 || acceptWarnings);
}
