import { PortLostError, ReaderStatusError, BrpTimeoutError, BrpChecksumError } from '../../../shared/brp/errors.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import { COMMAND_GROUP, MAIN_STATUS, commandGroup } from '../../../shared/brp/status.ts';
import { isUnsupportedCommand } from '../../../shared/brp/statusChecks.ts';
import type { DeployOutcome, DeployReason, DeployResult } from '../../../shared/api/features/deploy.ts';
import { englishText, hostText, reasonOf } from '../../../shared/errors/hostError.ts';
import type { HostText } from '../../../shared/errors/hostText.ts';

// The result types are part of the API contract (shared/api/features/deploy.ts): the CLI's --json,
// the UI and saved reports all read the same shape.
export type { DeployOutcome, DeployReason, DeployResult, DeployProgress } from '../../../shared/api/features/deploy.ts';

type MainStatusName = keyof typeof MAIN_STATUS;

const MAIN_REASONS: Partial<Record<MainStatusName, [DeployReason, HostText]>> = {
  ErrInvalidState: ['busy', hostText('deploy.why.busy', {})],
  ErrReadFile: ['io', hostText('deploy.why.read-file', {})],
  ErrInvalidFormat: ['damaged-file', hostText('deploy.why.format', {})],
  ErrInvalidCustomerKey: ['customer-key-mismatch', hostText('deploy.why.customer-key', {})],
  ErrInvalidConfigSecurityCode: ['other-configuration', hostText('deploy.why.other-configuration', {})],
  ErrInvalidConfigVersion: ['rollback', hostText('deploy.why.rollback', {})],
  ErrInvalidCmac: ['damaged-file', hostText('deploy.why.cmac', {})],
  ErrUpload: ['io', hostText('deploy.why.upload', {})],
  ErrMissingConfigSecurityCode: ['missing-security-code', hostText('deploy.why.no-security-code', {})],
  ErrInvalidEccKey: ['customer-key-mismatch', hostText('deploy.why.ecc-key', {})],
};

const NAME_OF_MAIN_STATUS = new Map<number, MainStatusName>(Object.entries(MAIN_STATUS).map(([name, code]) => [code, name as MainStatusName]));

/** Said for a reader without BEC2 upload (no Main.Bf3Upload*, or Sys.GetFeatures lacks Bec2Upload). */
export const FIRMWARE_BEC_ONLY_TEXT = hostText('deploy.firmware-bec-only', {});
export const FIRMWARE_BEC_ONLY_MESSAGE = englishText(FIRMWARE_BEC_ONLY_TEXT);

export const ALREADY_UP_TO_DATE_TEXT = hostText('deploy.already-up-to-date', {});
export const ALREADY_UP_TO_DATE_MESSAGE = englishText(ALREADY_UP_TO_DATE_TEXT);

/** A result as the CLI's --json prints it: the catalogue text is the app's, the JSON keeps its keys. */
export function deployResultRecord({ text: _text, ...result }: DeployResult): Omit<DeployResult, 'text'> {
  return result;
}

/** A result's sentence: the English `message` and the same as `text`, for the UI's language. */
export function said(text: HostText): { message: string; text: HostText } {
  return { message: englishText(text), text };
}

/** Thrown before an upload when the reader's feature list says it has no BEC2 upload. */
export class NoBec2UploadError extends Error {
  override readonly name = 'NoBec2UploadError';
  constructor() {
    super(FIRMWARE_BEC_ONLY_MESSAGE);
  }
}

/** Words for a failed deploy: which reason, and a sentence a person understands. */
export function classifyDeployError(err: unknown): { result: DeployOutcome; reason: DeployReason; message: string; text: HostText } {
  if (err instanceof NoBec2UploadError || (isUnsupportedCommand(err) && err.cmdCode === Main.MainBf3UploadStart.code)) {
    return { result: 'rejected', reason: 'firmware-bec-only', ...said(FIRMWARE_BEC_ONLY_TEXT) };
  }
  if (err instanceof ReaderStatusError && commandGroup(err.cmdCode) === COMMAND_GROUP.Main) {
    const name = NAME_OF_MAIN_STATUS.get(err.status);
    // The reader took nothing because it already runs all of it: the wanted state, not a refusal.
    if (name === 'ErrAlreadyUpToDate') return { result: 'accepted', reason: 'already-up-to-date', ...said(ALREADY_UP_TO_DATE_TEXT) };
    const known = name ? MAIN_REASONS[name] : undefined;
    if (known) return { result: 'rejected', reason: known[0], ...said(hostText('deploy.rejected', { why: known[1] })) };
    return { result: 'rejected', reason: 'other', ...said(hostText('deploy.rejected', { why: reasonOf(err) })) };
  }
  if (err instanceof PortLostError || err instanceof BrpTimeoutError || err instanceof BrpChecksumError) {
    return { result: 'failed', reason: 'io', ...said(hostText('deploy.failed', { why: reasonOf(err) })) };
  }
  return { result: 'failed', reason: 'other', ...said(hostText('deploy.failed', { why: err instanceof Error ? reasonOf(err) : String(err) })) };
}
