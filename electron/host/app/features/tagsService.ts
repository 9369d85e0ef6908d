import type { TagSegmentView, TagsApi } from '../../../../shared/api/features/tags.ts';
import { fromHex, toHex, wipe } from '../../../../shared/bytes.ts';
import type { ManagementUnit } from '../../../../shared/tag/managementUnit.ts';
import type { BrpSession } from '../../brp/session.ts';
import { TagLink, withTag, protectSegment, readSegment, readTagInfo, setPin, updateCounter, writeSegment } from '../../tags/tagOperations.ts';
import { TagOperationError } from '../../tags/tagErrors.ts';
import type { AppContext } from '../appContext.ts';

/** A failure the UI shows as is; `code` is for programs. Messages never hold a PIN. */
class TagServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function segmentView(u: ManagementUnit, segment: number): TagSegmentView {
  return {
    segment,
    read: u.read,
    readPin: u.readPin,
    readPinIndex: u.readPinIndex,
    write: u.write,
    writePin: u.writePin,
    writePinIndex: u.writePinIndex,
    editPinIndex: u.editPinIndex,
    locked: u.noEdit,
  };
}

function printableName(name: Uint8Array): string | null {
  let end = name.length;
  while (end > 0 && name[end - 1] === 0) end--;
  const body = name.subarray(0, end);
  return body.every((b) => b >= 0x20 && b < 0x7f) ? new TextDecoder().decode(body) : null;
}

function pinName(index: number): string {
  return index >= 0xfc ? `PIN ${index} (master PIN ${index - 0xfc})` : `PIN ${index}`;
}

function describe(u: TagSegmentView): string {
  const read = !u.read ? 'no reads' : u.readPin ? `read with ${pinName(u.readPinIndex)}` : 'read open';
  const write = !u.write ? 'no writes' : u.writePin ? `write with ${pinName(u.writePinIndex)}` : 'write open';
  const edit = u.locked ? 'locked for good' : `edit with ${pinName(u.editPinIndex)}`;
  return `${read}, ${write}, ${edit}`;
}

/** Tag errors keep their sentence and get a code; others pass through to the generic mapping. */
function mapped(err: unknown): unknown {
  if (err instanceof TagOperationError) return new TagServiceError(`tag-${err.reason}`, err.message);
  return err;
}

/** Host side of the Tags slice of the API. */
export function createTagsService(ctx: AppContext): TagsApi {
  // One tag operation per reader at a time: each takes counter steps, and two interleaved ones
  // would spend each other's counter values (usage flag).
  const queues = new Map<string, Promise<unknown>>();

  function session(readerId: string): BrpSession {
    try {
      return ctx.readers.session(readerId);
    } catch {
      throw new TagServiceError('not-connected', 'That reader is not connected; connect it on the Readers page and try again.');
    }
  }

  function onTag<T>(readerId: string, fn: (link: TagLink) => Promise<T>): Promise<T> {
    const run = async () => {
      try {
        // Tamper polling waits meanwhile: VHL.Select stops Autoread until withTag restarts it.
        return await ctx.readers.holdPolling(readerId, () => withTag(session(readerId), fn));
      } catch (err) {
        throw mapped(err);
      }
    };
    const previous = queues.get(readerId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    queues.set(readerId, settled);
    void settled.then(() => {
      if (queues.get(readerId) === settled) queues.delete(readerId);
    });
    return next;
  }

  /** Runs `fn` with the PINs as bytes and wipes them afterwards, whatever happens. */
  async function withPins<T>(hexes: (string | undefined)[], fn: (pins: (Uint8Array | undefined)[]) => Promise<T>): Promise<T> {
    const pins = hexes.map((h) => (h === undefined ? undefined : fromHex(h)));
    try {
      return await fn(pins);
    } finally {
      for (const p of pins) wipe(p);
    }
  }

  return {
    async tagInfo(readerId) {
      try {
        const info = await onTag(readerId, readTagInfo);
        return {
          present: true,
          layoutVersion: info.layoutVersion,
          segmentCount: info.segmentCount,
          segmentSize: info.segmentSize,
          masterPinCount: info.masterPinCount,
          counter: info.counter.toString(),
          usageFlagSet: info.usageFlagSet,
          nameText: printableName(info.name),
          nameHex: toHex(info.name),
          segments: info.units.map(segmentView),
        };
      } catch (err) {
        if (err instanceof TagServiceError && err.code === 'tag-no-tag') {
          return { present: false, message: 'No tag is in the reader’s field. Put a tag on the reader and read again.' };
        }
        throw err;
      }
    },

    async tagCounter(readerId) {
      const r = await onTag(readerId, updateCounter);
      return { previous: r.previous.toString(), counter: r.counter.toString() };
    },

    async tagSetPin(readerId, req) {
      await withPins([req.masterPinHex, req.pinHex], ([masterPin, pin]) =>
        onTag(readerId, (link) => setPin(link, { position: req.position, masterIndex: req.masterIndex, masterPin: masterPin!, pin: pin! })),
      );
      return {
        position: req.position,
        message: `PIN position ${req.position} now holds the new PIN: transferred under master PIN ${req.masterIndex} and confirmed by presenting it.`,
      };
    },

    async tagProtect(readerId, req) {
      const change: Partial<ManagementUnit> = {};
      if (req.read !== undefined) change.read = req.read;
      if (req.write !== undefined) change.write = req.write;
      if (req.readPinIndex !== undefined) Object.assign(change, req.readPinIndex === null ? { readPin: false } : { readPin: true, readPinIndex: req.readPinIndex });
      if (req.writePinIndex !== undefined) Object.assign(change, req.writePinIndex === null ? { writePin: false } : { writePin: true, writePinIndex: req.writePinIndex });
      if (req.editPinIndex !== undefined) change.editPinIndex = req.editPinIndex;
      if (req.lock) change.noEdit = true;
      if (Object.keys(change).length === 0) {
        throw new TagServiceError('nothing-to-change', 'Choose at least one change to the segment’s protection.');
      }
      const { before, after } = await withPins([req.editPinHex], ([editPin]) =>
        onTag(readerId, (link) => protectSegment(link, { segment: req.segment, change, editPin: editPin! })),
      );
      const view = segmentView(after, req.segment);
      return { before: segmentView(before, req.segment), after: view, message: `Segment ${req.segment}: ${describe(view)}.` };
    },

    async tagRead(readerId, req) {
      const offset = req.offset ?? 0;
      const data = await withPins([req.pinHex], ([pin]) =>
        onTag(readerId, (link) => readSegment(link, { segment: req.segment, offset, length: req.length, pin })),
      );
      return { segment: req.segment, offset, hex: toHex(data) };
    },

    async tagWrite(readerId, req) {
      const offset = req.offset ?? 0;
      const data = fromHex(req.dataHex);
      if (offset + data.length > 256) {
        throw new TagServiceError('tag-bad-address', `${data.length} bytes at offset ${offset} do not fit in one 256-byte segment; shorten the data or lower the offset.`);
      }
      await withPins([req.pinHex], ([pin]) => onTag(readerId, (link) => writeSegment(link, { segment: req.segment, offset, data, pin })));
      return { segment: req.segment, offset, bytes: data.length, message: `Wrote ${data.length} byte(s) to segment ${req.segment} at offset ${offset}.` };
    },
  };
}
