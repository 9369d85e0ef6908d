// Why a wireless-memory operation failed, as one sentence for the person at the desk: a catalogue
// code (translated in the UI) naming the step and the tag rule. Messages name steps, segments and
// PIN indexes, never PIN or master PIN values.

import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { VHL_STATUS, WIRELESS_MEMORY_VHL_FILE, type WirelessMemoryRefusal } from '../../../shared/brp/commands/vhl.ts';
import { COMMAND_GROUP, commandGroup } from '../../../shared/brp/status.ts';
import type { HostErrorCode } from '../../../shared/errors/catalogue.ts';
import { HostError, reasonOf, type HostErrorParams } from '../../../shared/errors/hostError.ts';
import type { HostText } from '../../../shared/errors/hostText.ts';

export type TagFailure =
  | WirelessMemoryRefusal
  /** The tag left the field and came back since VHL.Select: select it again. */
  | 'not-selected'
  /** The transfer was accepted but presenting the new PIN afterwards failed. */
  | 'transfer-unconfirmed'
  /** The management unit read back differs from what was written. */
  | 'unit-mismatch'
  /** The reader configuration provides no VHL file for the tag (VHL.ErrConfig). */
  | 'no-vhl-file'
  /** A real reader's generic VHL.ErrRead / ErrWrite / ErrAuth, or another reader status. */
  | 'reader';

type TagCode = Extract<HostErrorCode, `tag.${string}`>;

/** What the tag refused to do, and why, per operation: a clause of the catalogue for each refusal. */
export type RefusalDetail = Partial<Record<WirelessMemoryRefusal, HostText>>;

export class TagOperationError<C extends TagCode = TagCode> extends HostError<C> {
  override readonly name = 'TagOperationError';
  constructor(
    readonly reason: TagFailure,
    /** The step that failed, e.g. "present the read PIN". */
    readonly step: HostText,
    code: C,
    params: HostErrorParams<C>,
    options?: { cause?: unknown },
  ) {
    super(code, params, options);
  }
}

/** What the tag's rule means, completing "The tag refused to <step>: ...". */
const WHY: Readonly<Record<Exclude<WirelessMemoryRefusal, 'no-tag'>, TagCode>> = {
  'usage-flag-set': 'tag.why.usage-flag-set',
  'dos-mismatch': 'tag.why.dos-mismatch',
  'wrong-pin': 'tag.why.wrong-pin',
  'pin-required': 'tag.why.pin-required',
  'segment-not-readable': 'tag.why.segment-not-readable',
  'segment-not-writable': 'tag.why.segment-not-writable',
  'edit-locked': 'tag.why.edit-locked',
  'crosses-unit': 'tag.why.crosses-unit',
  'counter-not-next': 'tag.why.counter-not-next',
  'not-readable': 'tag.why.not-readable',
  'bad-address': 'tag.why.bad-address',
};

export function refusalText(reason: Exclude<WirelessMemoryRefusal, 'no-tag'>): HostText {
  return { code: WHY[reason], params: {} };
}

/** The VHL statuses a real reader reports for a refusal without saying which tag rule applied. */
export function isGenericRefusal(err: unknown): boolean {
  return (
    err instanceof ReaderStatusError &&
    commandGroup(err.cmdCode) === COMMAND_GROUP.VHL &&
    (err.status === VHL_STATUS.ErrAuth || err.status === VHL_STATUS.ErrRead || err.status === VHL_STATUS.ErrWrite)
  );
}

/**
 * Turns a reader status for a tag step into a TagOperationError; other errors pass through.
 * `reason` is the tag rule the host worked out for a generic refusal (refusalDiagnosis.ts).
 */
export function tagError(err: unknown, step: HostText, detail?: RefusalDetail, reason?: WirelessMemoryRefusal): unknown {
  if (!(err instanceof ReaderStatusError) || commandGroup(err.cmdCode) !== COMMAND_GROUP.VHL) return err;
  const options = { cause: err };
  if (err.status === VHL_STATUS.ErrNoTag || reason === 'no-tag') return new TagOperationError('no-tag', step, 'tag.no-tag', { step }, options);
  if (err.status === VHL_STATUS.ErrCardNotSelected) return new TagOperationError('not-selected', step, 'tag.not-selected', { step }, options);
  if (err.status === VHL_STATUS.ErrConfig) {
    return new TagOperationError('no-vhl-file', step, 'tag.no-vhl-file', { step, file: WIRELESS_MEMORY_VHL_FILE }, options);
  }
  if (isGenericRefusal(err)) {
    if (reason) return new TagOperationError(reason, step, 'tag.refused', { step, why: detail?.[reason] ?? refusalText(reason) }, options);
    return new TagOperationError('reader', step, 'tag.refused-unknown', { step, status: err.statusName }, options);
  }
  return new TagOperationError('reader', step, 'tag.failed', { step, reason: reasonOf(err) }, options);
}

