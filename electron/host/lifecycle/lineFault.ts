import { BrpChecksumError, BrpFrameError, BrpTimeoutError, PortLostError, ReaderStatusError } from '../../../shared/brp/errors.ts';
import { GENERAL_STATUS } from '../../../shared/brp/status.ts';

/**
 * A damaged or broken line, as opposed to an answer: no answer in time, a frame that arrived damaged,
 * a port that went away, or the reader saying that *our* frame arrived damaged (ErrChecksum,
 * ErrFrame, ErrTimeout). The reader refused nothing; the same step can be tried again.
 */
export function isLineFault(err: unknown): boolean {
  if (err instanceof BrpTimeoutError || err instanceof BrpChecksumError || err instanceof BrpFrameError || err instanceof PortLostError) return true;
  if (err instanceof ReaderStatusError) {
    return err.status === GENERAL_STATUS.ErrChecksum || err.status === GENERAL_STATUS.ErrFrame || err.status === GENERAL_STATUS.ErrTimeout;
  }
  return false;
}

/** Faults after which the link itself is suspect (gone, stuck), so the session is opened anew. */
export function needsNewSession(err: unknown): boolean {
  return err instanceof PortLostError || err instanceof BrpTimeoutError;
}
