import type { HostText } from '../../errors/hostText.ts';
import type { MethodNames } from '../methodNames.ts';

// Doorfile slice of the ReaderDesk API: door files for ENGAGE offline locks (docs/doorfile.md).
// The host reads and writes the files; the UI only names paths. A site key travels once, in the
// call that needs it, and is never part of a result, an event or an error.
// Every method added to DoorfileApi needs its name in DOORFILE_METHODS and a schema in
// shared/api/params/doorfile.ts (the host validates every call before it runs); the type check says which is missing.

/** One finding about a CSV line (or the whole file when `line` is absent). */
export interface DoorfileIssue {
  severity: 'error' | 'warning';
  /** Stable rule name, e.g. 'duplicate', 'range'. */
  code: string;
  line: number | null;
  column: string | null;
  /** A full sentence that already names the line and column (English). */
  message: string;
  /** `message` as a catalogue text, for the UI's language. */
  text: HostText;
}

/** A credential as the preview shows it; a PIN's digits are never sent to the UI. */
export interface DoorfileCredentialView {
  type: 'card' | 'pin';
  bitCount: number;
  /** Unencrypted credential bytes (without the 0xFF padding) as hex; null for PINs. */
  hex: string | null;
}

export interface DoorfileUserRow {
  /** 1-based place in the lock's search order. */
  position: number;
  /** CSV line the user came from. */
  line: number;
  userId: number;
  primary: DoorfileCredentialView;
  secondary: DoorfileCredentialView | null;
  active: boolean;
  attribute: number;
  /** YYYYMMDDHHMMSS. */
  activation: string;
  expiration: string;
  schedule: number;
  /** The worst problem of this row's line, null when it has none. */
  severity: 'error' | 'warning' | null;
  issues: DoorfileIssue[];
}

export interface DoorfilePreview {
  /** The CSV path as the host resolved it. */
  csvPath: string;
  userCount: number;
  /** Users in lock order; at most PREVIEW_ROW_LIMIT rows (see `truncated`). */
  users: DoorfileUserRow[];
  truncated: boolean;
  /** Every finding: file-wide ones first, then by line (lines that could not be read have no user row). */
  issues: DoorfileIssue[];
  errors: number;
  warnings: number;
  maxUsers: number;
}

export type SiteKeySource = { hex: string } | { file: string };

export interface DoorfileBuildRequest {
  csvPath: string;
  siteKey: SiteKeySource;
  outPath: string;
  binaryPath?: string;
  acceptWarnings: boolean;
  maxUsers: number;
  fieldName: 'primeCred' | 'primeCr';
}

export interface DoorfileBuildResult {
  written: boolean;
  /** Why nothing was written, when `written` is false. */
  refusal: 'errors' | 'warnings' | null;
  /** One sentence saying what happened (English); `text` is the same as a catalogue code for the UI. */
  message: string;
  text: HostText;
  userCount: number;
  errors: number;
  warnings: number;
  issues: DoorfileIssue[];
  outPath: string;
  binaryPath: string | null;
  binaryBytes: number | null;
}

export interface DoorfileVerifyRequest {
  doorPath: string;
  siteKey: SiteKeySource;
  maxUsers?: number;
}

export interface DoorfileFinding {
  code: string;
  /** English; `text` is the same as a catalogue text, for the UI's language. */
  message: string;
  text: HostText;
  /** 1-based record positions (at most FINDING_POSITION_LIMIT). */
  positions: number[];
  userIds: (number | null)[];
}

export interface DoorfileVerifyResult {
  doorPath: string;
  userCount: number;
  mode: 'optimized' | 'degraded' | 'unknown';
  degradedBy: DoorfileFinding[];
  problems: DoorfileFinding[];
}

export interface DoorfileApi {
  doorfilePreview(csvPath: string, options: { maxUsers: number }): Promise<DoorfilePreview>;
  doorfileBuild(request: DoorfileBuildRequest): Promise<DoorfileBuildResult>;
  doorfileVerify(request: DoorfileVerifyRequest): Promise<DoorfileVerifyResult>;
}

/** The methods of DoorfileApi by name; their parameter schemas are in shared/api/params/doorfile.ts. */
export const DOORFILE_METHODS = {
  doorfilePreview: true,
  doorfileBuild: true,
  doorfileVerify: true,
} as const satisfies MethodNames<DoorfileApi>;

export const PREVIEW_ROW_LIMIT = 2000;
/** Issues sent with a preview or build result; `errors` and `warnings` always count all of them. */
export const ISSUE_LIMIT = 5000;
export const FINDING_POSITION_LIMIT = 1000;
export const DOORFILE_MAX_USERS_LIMIT = 2_000_000;

export type DoorfileEvent = never;
