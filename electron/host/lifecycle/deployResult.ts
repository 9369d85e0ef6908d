import { PortLostError, ReaderStatusError, BrpTimeoutError, BrpChecksumError } from '../../../shared/brp/errors.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import { COMMAND_GROUP, MAIN_STATUS, commandGroup } from '../../../shared/brp/status.ts';
import { isUnsupportedCommand } from '../../../shared/brp/statusChecks.ts';
import type { DeployOutcome, DeployReason } from '../../../shared/api/features/deploy.ts';

// The result types are part of the API contract (shared/api/features/deploy.ts): the CLI's --json,
// the UI and saved reports all read the same shape.
export type { DeployOutcome, DeployReason, DeployResult, DeployProgress } from '../../../shared/api/features/deploy.ts';

type MainStatusName = keyof typeof MAIN_STATUS;

const MAIN_REASONS: Partial<Record<MainStatusName, [DeployReason, string]>> = {
  ErrInvalidState: ['busy', 'the reader is busy with another upload; try again in a few seconds.'],
  ErrReadFile: ['io', 'the reader could not read the file data it asked for.'],
  ErrInvalidFormat: ['damaged-file', 'the reader found the file damaged or not in BEC2 format; export it again from the BALCFG.'],
  ErrInvalidCustomerKey: [
    'customer-key-mismatch',
    'the file was finalized with a customer key this reader does not accept; finalize it on a reader with this reader\'s customer key.',
  ],
  ErrInvalidConfigSecurityCode: [
    'other-configuration',
    'the reader runs another configuration (its Config Security Code differs); factory-reset it first if it should change configuration.',
  ],
  ErrInvalidConfigVersion: [
    'rollback',
    'the file is an older version than the one the reader runs (rollback prevention); make a new version from the old one instead.',
  ],
  ErrInvalidCmac: ['damaged-file', 'a message authentication code in the file is wrong: the file was altered or damaged.'],
  ErrUpload: ['io', 'the reader could not store the configuration in its memory.'],
  ErrMissingConfigSecurityCode: ['missing-security-code', 'the reader has no Config Security Code to decode this file with.'],
  ErrInvalidEccKey: ['customer-key-mismatch', 'the file was encrypted for another reader key.'],
};

const NAME_OF_MAIN_STATUS = new Map<number, MainStatusName>(Object.entries(MAIN_STATUS).map(([name, code]) => [code, name as MainStatusName]));

/** Said for a reader without BEC2 upload (no Main.Bf3Upload*, or Sys.GetFeatures lacks Bec2Upload). */
export const FIRMWARE_BEC_ONLY_MESSAGE =
  'Rejected: firmware older than 2.00 loads only BEC files, and this reader cannot take a BEC2 file. Update its firmware to 2.00 or later, or load the configuration as a BEC file with BALTECH\'s tools.';

export const ALREADY_UP_TO_DATE_MESSAGE = 'Already up to date: the reader runs everything in this file already, so nothing was changed.';

/** Thrown before an upload when the reader's feature list says it has no BEC2 upload. */
export class NoBec2UploadError extends Error {
  override readonly name = 'NoBec2UploadError';
  constructor() {
    super(FIRMWARE_BEC_ONLY_MESSAGE);
  }
}

/** Words for a failed deploy: which reason, and a sentence a person understands. */
export function classifyDeployError(err: unknown): { result: DeployOutcome; reason: DeployReason; message: string } {
  if (err instanceof NoBec2UploadError || (isUnsupportedCommand(err) && err.cmdCode === Main.MainBf3UploadStart.code)) {
    return { result: 'rejected', reason: 'firmware-bec-only', message: FIRMWARE_BEC_ONLY_MESSAGE };
  }
  if (err instanceof ReaderStatusError && commandGroup(err.cmdCode) === COMMAND_GROUP.Main) {
    const name = NAME_OF_MAIN_STATUS.get(err.status);
    // The reader took nothing because it already runs all of it: the wanted state, not a refusal.
    if (name === 'ErrAlreadyUpToDate') return { result: 'accepted', reason: 'already-up-to-date', message: ALREADY_UP_TO_DATE_MESSAGE };
    const known = name ? MAIN_REASONS[name] : undefined;
    if (known) return { result: 'rejected', reason: known[0], message: `Rejected: ${known[1]}` };
    return { result: 'rejected', reason: 'other', message: `Rejected: ${err.message}` };
  }
  if (err instanceof PortLostError || err instanceof BrpTimeoutError || err instanceof BrpChecksumError) {
    return { result: 'failed', reason: 'io', message: `Not deployed: ${err.message}` };
  }
  return { result: 'failed', reason: 'other', message: `Not deployed: ${(err as Error)?.message ?? String(err)}` };
}
