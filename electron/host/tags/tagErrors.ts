// Why a wireless-memory operation failed, as one sentence for the person at the desk. Messages name
// steps, segments and PIN indexes, never PIN or master PIN values.

import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { VHL_STATUS, WIRELESS_MEMORY_VHL_FILE, type WirelessMemoryRefusal } from '../../../shared/brp/commands/vhl.ts';
import { COMMAND_GROUP, commandGroup } from '../../../shared/brp/status.ts';

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

export class TagOperationError extends Error {
  override readonly name = 'TagOperationError';
  constructor(
    readonly reason: TagFailure,
    /** The step that failed, e.g. "present the read PIN". */
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the tag's rule means, completing "The tag refused to <step>: ...". */
const WHY: Readonly<Record<Exclude<WirelessMemoryRefusal, 'no-tag'>, string>> = {
  'usage-flag-set':
    'its roll-back counter was already used since it was last advanced (usage flag set), so a counter value cannot serve twice; advance the counter first.',
  'dos-mismatch':
    'the DoS value in PA_REG does not match the commit block under that master PIN, so the master PIN given is not the one the tag holds at that index.',
  'wrong-pin': 'the PIN given does not match the PIN the tag holds at that index (or the tag holds no PIN there).',
  'pin-required': 'the segment needs its PIN presented first, and no matching PIN was presented since the tag entered the field.',
  'segment-not-readable': 'the segment does not allow reads (RD is clear in its management unit).',
  'segment-not-writable': 'the segment does not allow writes (WR is clear in its management unit).',
  'edit-locked': 'the management unit is locked for good (nE is set), so its protection can never change again.',
  'crosses-unit': 'the write runs past one management unit; units are edited one at a time.',
  'counter-not-next': 'the roll-back counter accepts only its current value plus one, so an old counter value cannot be replayed.',
  'not-readable': 'that part of the tag memory (master PINs, PIN area or a write-only register) is never readable.',
  'bad-address': 'the tag does not allow this access at that address.',
};

export function refusalSentence(reason: Exclude<WirelessMemoryRefusal, 'no-tag'>): string {
  return WHY[reason];
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
export function tagError(
  err: unknown,
  step: string,
  detail?: Partial<Record<WirelessMemoryRefusal, string>>,
  reason?: WirelessMemoryRefusal,
): unknown {
  if (!(err instanceof ReaderStatusError) || commandGroup(err.cmdCode) !== COMMAND_GROUP.VHL) return err;
  if (err.status === VHL_STATUS.ErrNoTag || reason === 'no-tag') {
    return new TagOperationError('no-tag', step, `No tag is in the reader's field, so ReaderDesk could not ${step}; put the tag on the reader and run the command again.`);
  }
  if (err.status === VHL_STATUS.ErrCardNotSelected) {
    return new TagOperationError('not-selected', step, `The tag could not ${step}: it left the field and came back since it was selected; run the command again.`);
  }
  if (err.status === VHL_STATUS.ErrConfig) {
    return new TagOperationError(
      'no-vhl-file',
      step,
      `ReaderDesk could not ${step}: the reader's configuration has no VHL file named "${WIRELESS_MEMORY_VHL_FILE}" for wireless-memory tags. ` +
        `Deploy a configuration that has one (VhlCfg/File/Filename, value 0x03nn/00 = "${WIRELESS_MEMORY_VHL_FILE}").`,
    );
  }
  if (isGenericRefusal(err)) {
    if (reason) return new TagOperationError(reason, step, `The tag refused to ${step}: ${detail?.[reason] ?? WHY[reason]}`);
    return new TagOperationError(
      'reader',
      step,
      `The tag refused to ${step}: the reader reported ${err.statusName}, and ReaderDesk could not tell which tag rule applied (wrong or missing PIN, locked or closed segment, used counter).`,
    );
  }
  return new TagOperationError('reader', step, `ReaderDesk could not ${step}: ${err.message}`);
}
