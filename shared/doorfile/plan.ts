// From CSV text to "may this be written?": import, then the set-wide rules. Errors always block
// writing; warnings block it unless the user has said, explicitly, that they accept them.

import { countBySeverity, type Issue } from './issues.ts';
import { sortIntoLockOrder } from './lockOrder.ts';
import { importUsersTable } from './userCsv.ts';
import type { UserRecord } from './userRecord.ts';
import type { UserTable } from './userTable.ts';
import { validateSortedTable, type ValidateOptions } from './validate.ts';

/** The users in lock order: what the validator checked and the build encrypts. */
export interface SortedUsers {
  /** Row k is the k-th user in lock order. */
  table: UserTable;
  /** For each row, the user's place among the CSV's users (0-based). */
  csvIndex: Uint32Array;
}

export interface DoorFilePlan extends SortedUsers {
  /** The users in CSV order as records, made on first use (bulk paths read `table`). */
  readonly users: UserRecord[];
  /** File-wide issues first, then by CSV line. */
  issues: Issue[];
  errors: number;
  warnings: number;
}

/**
 * The CSV text, or a holder that the plan empties once the text is read: then a 50 MB string
 * can be collected while a million users are sorted and checked.
 */
export type CsvSource = string | { text: string };

function takeText(source: CsvSource): string {
  if (typeof source === 'string') return source;
  const text = source.text;
  source.text = '';
  return text;
}

export function planDoorFile(csv: CsvSource, options: ValidateOptions = {}): DoorFilePlan {
  const imported = importUsersTable(takeText(csv));
  const table = imported.table;
  const csvIndex = sortIntoLockOrder(table);
  const issues = [...imported.issues, ...validateSortedTable(table, csvIndex, options)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  let users: UserRecord[] | undefined;
  return {
    table,
    csvIndex,
    get users() {
      if (!users) {
        const inCsvOrder = new Array<UserRecord>(table.count);
        for (let k = 0; k < table.count; k++) inCsvOrder[csvIndex[k]!] = table.user(k);
        users = inCsvOrder;
      }
      return users;
    },
    issues,
    ...countBySeverity(issues),
  };
}

export function mayWrite(plan: DoorFilePlan, acceptWarnings: boolean): boolean {
  return plan.errors === 0 && (plan.warnings === 0 || acceptWarnings);
}
