import { PortLostError, ReaderStatusError, BrpTimeoutError, BrpChecksumError } from '../../../shared/brp/errors.ts';
import type { DeployOutcome, DeployReason } from '../../../shared/api/features/deploy.ts';

// The result types are part of the API contract (shared/api/features/deploy.ts): the CLI's --json,
// the UI and saved reports all read the same shape.
export type { DeployOutcome, DeployReason, DeployResult, DeployProgress } from '../../../shared/api/features/deploy.ts';

const MAIN_REASONS: Record<number, [DeployReason, string]> = {
  0x10: ['busy', 'the reader is busy with another upload; try again in a few seconds.'],
  0x11: ['io', 'the reader could not read the file data it asked for.'],
  0x12: ['damaged-file', 'the reader found the file damaged or not in BEC2 format; export it again from the BALCFG.'],
  0x13: ['customer-key-mismatch', 'the file was finalized with a customer key this reader does not accept; finalize it on a reader with this reader\'s customer key.'],
  0x14: ['other-configuration', 'the reader runs another configuration (its Config Security Code differs); factory-reset it first if it should change configuration.'],
  0x15: ['rollback', 'the file is an older version than the one the reader runs (rollback prevention); make a new version from the old one instead.'],
  0x16: ['damaged-file', 'a message authentication code in the file is wrong: the file was altered or damaged.'],
  0x17: ['io', 'the reader could not store the configuration in its memory.'],
  0x1a: ['missing-security-code', 'the reader has no Config Security Code to decode this file with.'],
  0x1b: ['customer-key-mismatch', 'the file was encrypted for another reader key.'],
};

/** Words for a failed deploy: which reason, and a sentence a person understands. */
export function classifyDeployError(err: unknown): { result: DeployOutcome; reason: DeployReason; message: string } {
  if (err instanceof ReaderStatusError && (err.cmdCode & 0xff00) === 0xf000) {
    const known = MAIN_REASONS[err.status];
    if (known) return { result: 'rejected', reason: known[0], message: `Rejected: ${known[1]}` };
    return { result: 'rejected', reason: 'other', message: `Rejected: ${err.message}` };
  }
  if (err instanceof PortLostError || err instanceof BrpTimeoutError || err instanceof BrpChecksumError) {
    return { result: 'failed', reason: 'io', message: `Not deployed: ${err.message} The reader keeps its previous configuration.` };
  }
  return { result: 'failed', reason: 'other', message: `Not deployed: ${(err as Error)?.message ?? String(err)}` };
}
