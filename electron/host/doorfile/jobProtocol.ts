// What the main thread and the door-file worker say to each other. Everything here crosses a
// worker_threads port, so it is plain data: the worker reads and writes the files itself (a 50 MB
// CSV never passes through the main thread), the site key is handed over only when the worker asks
// for it, and failures are descriptions that each caller (the app service, the CLI) turns into its
// own sentence.

import type { DoorfilePreview } from '../../../shared/api/features/doorfile.ts';
import type { PrimaryFieldName } from '../../../shared/doorfile/doorJson.ts';
import type { Issue } from '../../../shared/doorfile/issues.ts';
import type { VerifyReport } from '../../../shared/doorfile/verify.ts';
import { HostError } from '../../../shared/errors/hostError.ts';
import type { HostText } from '../../../shared/errors/hostText.ts';

export interface PreviewJob {
  kind: 'preview';
  /** The users CSV (UTF-8), resolved by the caller. */
  csvPath: string;
  maxUsers: number;
}

export interface BuildJob {
  kind: 'build';
  csvPath: string;
  maxUsers: number;
  acceptWarnings: boolean;
  fieldName: PrimaryFieldName;
  outPath: string;
  binaryPath: string | null;
  /** How many issues come back (all are counted); the CLI prints every one. */
  issueLimit: number;
}

export interface VerifyJob {
  kind: 'verify';
  /** The door file (UTF-8 JSON), resolved by the caller. */
  doorPath: string;
  maxUsers: number | undefined;
  /** How many positions and user ids each finding keeps. */
  positionLimit: number;
}

export type DoorfileJob = PreviewJob | BuildJob | VerifyJob;

/** What the check of the CSV found; sent before anything is written. */
export interface BuildPlan {
  userCount: number;
  errors: number;
  warnings: number;
  /** The first `issueLimit` issues, file-wide ones first, then by line. */
  issues: Issue[];
}

export interface BuildOutcome {
  userCount: number;
  errors: number;
  warnings: number;
  written: boolean;
  /** Size of the binary export when one was written. */
  binaryBytes: number | null;
}

export type JobResult<J extends DoorfileJob> = J extends PreviewJob ? DoorfilePreview : J extends BuildJob ? BuildOutcome : VerifyReport;

/** Why a job ended without a result. */
export type JobFailure =
  | { kind: 'unreadable'; file: string; code: string | null; message: string }
  | { kind: 'write-failed'; file: string; code: string | null; message: string }
  | { kind: 'door-file-invalid'; message: string; text?: HostText }
  | { kind: 'internal'; message: string; text?: HostText };

/** The catalogue text of a failure, when it has one (a HostError keeps its code across the thread). */
export function failureText(e: unknown): { text: HostText } | Record<string, never> {
  return e instanceof HostError ? { text: { code: e.code, params: e.params } } : {};
}

export type WorkerMessage =
  | { type: 'need-site-key' }
  | { type: 'planned'; plan: BuildPlan }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; failure: JobFailure };

export type MainMessage = { type: 'site-key'; key: Uint8Array };

/** A job's failure on the main thread; callers map `failure` to their own error type. */
export class DoorfileJobError extends Error {
  constructor(readonly failure: JobFailure) {
    super(failure.message);
  }
}
