import type { ReaderSummary } from './readers.ts';
import type { MethodNames } from '../methodNames.ts';
import type { LineSpeedReport } from '../../brp/lineSpeed.ts';
import type { HostText } from '../../errors/hostText.ts';

export type { LineSpeedReport } from '../../brp/lineSpeed.ts';

// Deploy slice of the ReaderDesk API: deploying a finalized BEC2 to many readers at once, saving a
// report of the results, factory reset and read back for support.
// Every method added to DeployApi needs its name in DEPLOY_METHODS and a schema in
// shared/api/params/deploy.ts (the host validates every call before it runs); the type check says which is missing.

/**
 * What is proven about one reader: 'accepted' (the reader confirmed it, or a read-back shows the new
 * configuration arrived during this deploy), 'rejected' (the reader refused the file), 'failed' (not
 * deployed: nothing reached the reader, or a read-back shows it still runs what it ran before), or
 * 'unknown' (nothing could be proven: check this reader).
 */
export type DeployOutcome = 'accepted' | 'rejected' | 'failed' | 'unknown';
export const DEPLOY_OUTCOMES = ['accepted', 'rejected', 'failed', 'unknown'] as const satisfies readonly DeployOutcome[];
export type DeployReason =
  | 'ok'
  | 'rollback'
  | 'other-configuration'
  | 'customer-key-mismatch'
  | 'damaged-file'
  | 'missing-security-code'
  | 'busy'
  | 'io'
  /** A line fault at or after the last block, and no read-back could prove either way. */
  | 'unconfirmed'
  /** Another deploy in this app was already sending to the same reader; nothing was sent. */
  | 'reader-busy'
  /** The reader's firmware (before 2.00) has no BEC2 upload; it loads only BEC files. */
  | 'firmware-bec-only'
  /** Main.ErrAlreadyUpToDate: the reader already runs everything in the file. */
  | 'already-up-to-date'
  | 'other';
export const DEPLOY_REASONS = [
  'ok',
  'rollback',
  'other-configuration',
  'customer-key-mismatch',
  'damaged-file',
  'missing-security-code',
  'busy',
  'io',
  'unconfirmed',
  'reader-busy',
  'firmware-bec-only',
  'already-up-to-date',
  'other',
] as const satisfies readonly DeployReason[];

/** One reader's result of a deploy (same shape as the CLI's --json output). */
export interface DeployResult {
  port: string;
  result: DeployOutcome;
  reason: DeployReason;
  /** A sentence for people: "Accepted; …", "Rejected: …", "Not deployed: …" (English). */
  message: string;
  /**
   * `message` as a catalogue text, for the app's language. The app only: the CLI's --json and saved
   * reports leave it out (deployResultRecord).
   */
  text?: HostText;
  /** Size of the decoded (binary) file. */
  bytes: number;
  /** From the first upload frame to the reader's confirmation. */
  durationMs: number;
  /** Configuration id the reader reported before the upload (null: none; absent: not read). */
  configIdBefore?: string | null;
  /** Configuration id the reader reports after its restart. */
  configIdAfter?: string | null;
  /** How many line faults the upload recovered from on its way (resumed or restarted). */
  recoveries?: number;
  /** A serial link's speed during the upload: raised, kept (and why), or lost; absent on TCP and USB HID. */
  lineSpeed?: LineSpeedReport;
  // The audit record of a deploy from the app: what was sent where, when, and what the reader ran before.
  /** File bytes the reader asked for and was sent (less than `bytes` when it stopped early). */
  bytesSent?: number;
  /** The reader's serial number and firmware string, read before the upload; null when it did not answer. */
  serialNumber?: string | null;
  firmware?: string | null;
  /** ISO times of this reader's deploy: from opening its port to its result. */
  startedAt?: string;
  finishedAt?: string;
  /** The BEC2 file sent (absolute path) and its SHA-256 (lower-case hex). */
  file?: string;
  sha256?: string;
}

/** What a BEC2 file holds, as far as its text tells, for the Deploy page's checks. */
export interface Bec2Summary {
  path: string;
  /** The "Configuration" comment: the ConfigId the reader will run, e.g. "10234-0001-0000-03 Site A". */
  configId: string | null;
  sha256: string;
  bytes: number;
}

/** A version of a BALCFG that was finalized, and where its BEC2 is now (null when it cannot be found). */
export interface FinalizedFile {
  version: number;
  configId: string;
  sha256: string;
  finalizedAt: string;
  /** The BEC2 with this SHA-256 next to the BALCFG or among recent files; null when none is found. */
  path: string | null;
}

export interface DeployProgress {
  port: string;
  phase: 'connecting' | 'uploading' | 'restarting' | 'verifying' | 'done';
  bytesDone: number;
  bytesTotal: number;
  /** With phase 'done' from the app: how it ended, so a refused reader never reads "finished". */
  outcome?: DeployOutcome;
}

/** One configuration value as the reader reports it; secret values (keys, CSC) never carry content. */
export interface ReadBackValue {
  /** "KKKK/VV" */
  id: string;
  /** Content as hex; null for secret values. */
  hex: string | null;
  secret: boolean;
}

export interface ReadBackReport {
  address: string;
  firmware: string;
  configId: string | null;
  configName: string | null;
  securityCode: 'set' | 'unset' | 'unknown';
  /**
   * 'complete': the reader listed its values. 'readable-only': the firmware cannot list values
   * (no Sys.CfgGetValueList), so ReaderDesk asked for every readable id; secret values cannot be seen.
   */
  valueList: 'complete' | 'readable-only';
  values: ReadBackValue[];
  /** A serial link's speed during the read-back; absent on TCP and USB HID. */
  lineSpeed?: LineSpeedReport;
}

export interface DeployApi {
  /**
   * Deploys one BEC2 file to every address (one result per address, in the order given; a failure
   * never stops the others). Progress arrives as 'deploy-progress' events tagged with jobId.
   */
  deployFile(bec2Path: string, addresses: string[], jobId?: string): Promise<DeployResult[]>;
  /** Writes the results as JSON or CSV (atomically) and returns the absolute path written. */
  saveDeployReport(path: string, format: 'json' | 'csv', results: DeployResult[]): Promise<string>;
  /** BEC2 files used recently (newest first), for the path field. */
  recentBec2Files(): Promise<string[]>;
  /** The configuration a BEC2 carries and its SHA-256; a sentence when it is missing or not a BEC2. */
  inspectBec2(path: string): Promise<Bec2Summary>;
  /** The finalized versions of a BALCFG, newest first, each with its BEC2 where one is found. */
  finalizedFiles(balcfgPath: string): Promise<FinalizedFile[]>;
  /** Factory reset; typedConfirmation must equal the reader's address. Returns the card's new state. */
  factoryReset(readerId: string, typedConfirmation: string): Promise<ReaderSummary>;
  /** Every configuration value the reader holds, for support. */
  readBack(readerId: string): Promise<ReadBackReport>;
}

/** The methods of DeployApi by name; their parameter schemas are in shared/api/params/deploy.ts. */
export const DEPLOY_METHODS = {
  deployFile: true,
  saveDeployReport: true,
  recentBec2Files: true,
  inspectBec2: true,
  finalizedFiles: true,
  factoryReset: true,
  readBack: true,
} as const satisfies MethodNames<DeployApi>;

export type DeployEvent = { type: 'deploy-progress'; jobId?: string; progress: DeployProgress };
