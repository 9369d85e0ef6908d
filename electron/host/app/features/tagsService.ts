import type { TagSegmentView, TagsApi } from '../../../../shared/api/features/tags.ts';
import { fromHex, toHex, wipe } from '../../../../shared/bytes.ts';
import type { ManagementUnit } from '../../../../shared/tag/managementUnit.ts';
import type { BrpSession } from '../../brp/session.ts';
import { TagLink, withTag, protectSegment, readSegment, readTagInfo, setPin, updateCounter, writeSegment } from '../../tags/tagOperations.ts';
import { TagOperationError } from '../../tags/tagErrors.ts';
import { englishText, HostError, hostText } from '../../../../shared/errors/hostError.ts';
import type { HostText } from '../../../../shared/errors/hostText.ts';
import type { AppContext } from '../appContext.ts';

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

function pinName(index: number): HostText {
  return index >= 0xfc ? hostText('tags.master-pin', { index: String(index), master: String(index - 0xfc) }) : hostText('tags.pin', { index: String(index) });
}

/** How a segment is protected, as the parts of "Segment n: read …, write …, edit …." */
function protection(u: TagSegmentView): { read: HostText; write: HostText; edit: HostText } {
  return {
    read: !u.read ? hostText('tags.no-reads', {}) : u.readPin ? hostText('tags.read-with', { pin: pinName(u.readPinIndex) }) : hostText('tags.read-open', {}),
    write: !u.write ? hostText('tags.no-writes', {}) : u.writePin ? hostText('tags.write-with', { pin: pinName(u.writePinIndex) }) : hostText('tags.write-open', {}),
    edit: u.locked ? hostText('tags.locked', {}) : hostText('tags.edit-with', { pin: pinName(u.editPinIndex) }),
  };
}

/** A result sentence: its text (translated in the UI) and the English message. */
function said(text: HostText): { text: HostText; message: string } {
  return { text, message: englishText(text) };
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
      throw new HostError('tags.not-connected', {});
    }
  }

  function onTag<T>(readerId: string, fn: (link: TagLink) => Promise<T>): Promise<T> {
    const run = async () => {
      try {
        // Tamper polling waits meanwhile: VHL.Select stops Autoread until withTag restarts it.
        return await ctx.readers.holdPolling(readerId, () => withTag(session(readerId), fn));
      } catch (err) {
        throw err;
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
        if (err instanceof TagOperationError && err.reason === 'no-tag') {
          return { present: false, ...said(hostText('tags.no-tag-info', {})) };
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
        ...said(hostText('tags.pin-set', { position: String(req.position), master: String(req.masterIndex) })),
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
        throw new HostError('tags.nothing-to-change', {});
      }
      const { before, after } = await withPins([req.editPinHex], ([editPin]) =>
        onTag(readerId, (link) => protectSegment(link, { segment: req.segment, change, editPin: editPin! })),
      );
      const view = segmentView(after, req.segment);
      return { before: segmentView(before, req.segment), after: view, ...said(hostText('tags.protected', { segment: String(req.segment), ...protection(view) })) };
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
        throw new HostError('tags.data-too-long', { bytes: data.length, offset: String(offset) });
      }
      await withPins([req.pinHex], ([pin]) => onTag(readerId, (link) => writeSegment(link, { segment: req.segment, offset, data, pin })));
      return { segment: req.segment, offset, bytes: data.length, ...said(hostText('tags.written', { bytes: data.length, segment: String(req.segment), offset: String(offset) })) };
    },
  };
}
