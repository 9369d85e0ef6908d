// Wireless-memory operations over a BRP session: the plans of shared/tag/hostProtocol.ts run as
// VHL.Select / VHL.ResolveFilename / VHL.Read / VHL.Write (docs/wireless-memory.md, "Over BRP").
// Every failure is a TagOperationError whose message says what the tag refused and why; PINs never
// appear in one.

import {
  CARD_FAMILIES_ALL,
  VHLRead,
  VHLResolveFilename,
  VHLSelect,
  VHLWrite,
  WIRELESS_MEMORY_VHL_FILE,
} from '../../../shared/brp/commands/vhl.ts';
import { bytesEqual } from '../../../shared/bytes.ts';
import {
  parsePublicInfo,
  planCounterUpdate,
  planPinTransfer,
  planProtectSegment,
  planReadPublicInfo,
  planReadUnit,
  planUsePin,
  planWriteHostId,
  planWriteName,
  type MemoryRead,
  type MemoryWrite,
  type PublicInfo,
} from '../../../shared/tag/hostProtocol.ts';
import {
  BLOCK_SIZE,
  MASTER_PIN_FIRST_POSITION,
  MGMT_AREA_ADDR,
  REG,
  SEGMENT_COUNT,
  SEGMENT_SIZE,
  UNIT_SIZE,
  segmentAddress,
} from '../../../shared/tag/layout.ts';
import { decodeUnit, encodeUnit, type ManagementUnit } from '../../../shared/tag/managementUnit.ts';
import type { WirelessMemoryRefusal } from '../../../shared/brp/commands/vhl.ts';
import { AR_MODE, ARSetMode } from '../../../shared/brp/commands/ar.ts';
import type { ReaderStatusError } from '../../../shared/brp/errors.ts';
import type { BrpSession } from '../brp/session.ts';
import { diagnoseRefusal, type RefusedAccess } from './refusalDiagnosis.ts';
import { TagOperationError, isGenericRefusal, tagError } from './tagErrors.ts';

/** The selected tag in a reader's field, read and written through the VHL file the configuration provides. */
export class TagLink {
  private constructor(
    readonly session: BrpSession,
    /** VHL file id the reader resolved for the tag's VHL file name. */
    readonly fileId: number,
  ) {}

  /**
   * Selects the tag in the field (VHL.Select) and finds the reader's VHL file for it by name
   * (VHL.ResolveFilename, as BALTECH advises instead of a fixed id). Fails with reason 'no-tag'
   * when no tag is there and 'no-vhl-file' when the configuration has no such file.
   */
  static async select(session: BrpSession, vhlFileName = WIRELESS_MEMORY_VHL_FILE): Promise<TagLink> {
    try {
      await session.execute(VHLSelect, { cardFamiliesFilter: CARD_FAMILIES_ALL, reselect: true, acceptConfCard: false });
    } catch (err) {
      throw tagError(err, 'select the tag');
    }
    let fileId: number;
    try {
      fileId = (await session.execute(VHLResolveFilename, { fileName: vhlFileName })).id;
    } catch (err) {
      throw tagError(err, 'find the VHL file for the tag');
    }
    return new TagLink(session, fileId);
  }

  async read(r: MemoryRead, detail?: Partial<Record<WirelessMemoryRefusal, string>>): Promise<Uint8Array> {
    try {
      const data = await this.#readBytes(r.addr, r.length);
      if (data.length !== r.length) {
        throw new TagOperationError('reader', r.what, `The reader returned ${data.length} bytes when asked to ${r.what} (${r.length} bytes).`);
      }
      return data;
    } catch (err) {
      throw await this.#explain(err, { access: 'read', addr: r.addr, length: r.length }, r.what, detail);
    }
  }

  async write(w: MemoryWrite, detail?: Partial<Record<WirelessMemoryRefusal, string>>): Promise<void> {
    try {
      await this.session.execute(VHLWrite, { id: this.fileId, adr: w.addr, data: w.data });
    } catch (err) {
      throw await this.#explain(err, { access: 'write', addr: w.addr, length: w.data.length }, w.what, detail);
    }
  }

  async #readBytes(addr: number, length: number): Promise<Uint8Array> {
    return (await this.session.execute(VHLRead, { id: this.fileId, adr: addr, len: length })).data;
  }

  /** A generic refusal gets the tag rule the host can work out by reading the tag's public parts. */
  async #explain(err: unknown, refused: RefusedAccess, step: string, detail?: Partial<Record<WirelessMemoryRefusal, string>>): Promise<unknown> {
    if (!isGenericRefusal(err)) return tagError(err, step, detail);
    const reason = await diagnoseRefusal(refused, (err as ReaderStatusError).status, (addr, length) => this.#readBytes(addr, length));
    return tagError(err, step, detail, reason);
  }

  async run(writes: readonly MemoryWrite[], detail?: Partial<Record<WirelessMemoryRefusal, string>>): Promise<void> {
    for (const w of writes) await this.write(w, detail);
  }
}

/**
 * Runs a tag operation and hands the reader back to Autoread afterwards: a card-accessing command
 * (VHL.Select) stops Autoread, and with it tamper messages over BRP (refman AR.SetMode).
 * EnableIfDefinedRules restores what the configuration sets up; a reader without AR.SetMode is left alone.
 */
export async function withTag<T>(session: BrpSession, fn: (link: TagLink) => Promise<T>): Promise<T> {
  try {
    return await fn(await TagLink.select(session));
  } finally {
    await session.execute(ARSetMode, { mode: AR_MODE.EnableIfDefinedRules }).catch(() => undefined);
  }
}

export interface TagInfo extends PublicInfo {
  /** NAME_REG: readable by anyone. */
  name: Uint8Array;
  units: ManagementUnit[];
}

export async function readPublicInfo(link: TagLink): Promise<PublicInfo> {
  const r = planReadPublicInfo();
  const bytes = await link.read(r);
  try {
    return parsePublicInfo(bytes);
  } catch (err) {
    throw new TagOperationError('reader', r.what, `The tag in the field is not a wireless memory ReaderDesk can use: ${(err as Error).message}.`);
  }
}

/** Public information, name and every management unit. */
export async function readTagInfo(link: TagLink): Promise<TagInfo> {
  const info = await readPublicInfo(link);
  const name = await link.read({ addr: REG.NAME, length: BLOCK_SIZE, what: 'read the tag name' });
  const unitBytes = await link.read({ addr: MGMT_AREA_ADDR, length: SEGMENT_COUNT * UNIT_SIZE, what: 'read the management units' });
  const units = Array.from({ length: SEGMENT_COUNT }, (_, s) => decodeUnit(unitBytes, s * UNIT_SIZE));
  return { ...info, name, units };
}

/** Advances RBPCTR by one (clearing the usage flag) and returns the counter the next PIN write uses. */
export async function updateCounter(link: TagLink): Promise<{ previous: bigint; counter: bigint }> {
  const { counter: previous } = await readPublicInfo(link);
  const update = planCounterUpdate(previous);
  await link.run(update.writes);
  return { previous, counter: update.counter };
}

export async function readUnit(link: TagLink, segment: number): Promise<ManagementUnit> {
  return decodeUnit(await link.read(planReadUnit(segment)));
}

/** Presents PIN `index` for one kind of access; a fresh counter step is taken first. */
export async function presentPin(link: TagLink, kind: 'read' | 'write' | 'edit', index: number, pin: Uint8Array): Promise<void> {
  const { counter } = await updateCounter(link);
  await link.run(planUsePin(kind, index, pin, counter), {
    'wrong-pin': `the ${kind} PIN given does not match the PIN the tag holds at index ${index}${describeIndex(index)}.`,
  });
}

export interface SetPinInput {
  position: number;
  masterIndex: number;
  masterPin: Uint8Array;
  pin: Uint8Array;
}

/**
 * Transfers `pin` to `position` under master PIN `masterIndex` (PA_REG, then COMMIT_REG with the DoS
 * value), then confirms it by presenting the new PIN, because the tag cannot tell a stale or
 * replayed transfer from a good one (docs/wireless-memory.md, "Known gap").
 */
export async function setPin(link: TagLink, input: SetPinInput): Promise<void> {
  const { counter } = await updateCounter(link);
  let plan;
  try {
    plan = planPinTransfer({ ...input, counter });
  } catch (err) {
    throw new TagOperationError('bad-address', 'plan the PIN transfer', `The PIN transfer cannot be built: ${(err as Error).message}.`);
  }
  await link.run(plan.writes, {
    'wrong-pin': `the tag holds no master PIN ${input.masterIndex}.`,
    'dos-mismatch': `the DoS value does not match the commit block under master PIN ${input.masterIndex}, so the master PIN given is not the one the tag holds at index ${input.masterIndex}.`,
  });
  try {
    await presentPin(link, 'read', input.position, input.pin);
  } catch (err) {
    if (err instanceof TagOperationError && err.reason === 'wrong-pin') {
      throw new TagOperationError(
        'transfer-unconfirmed',
        'confirm the new PIN',
        `The tag accepted the transfer to PIN position ${input.position}, but the new PIN does not work there: the position holds a different value (stale counter or replayed transfer). Transfer the PIN again.`,
      );
    }
    throw err;
  }
}

export interface ProtectSegmentInput {
  segment: number;
  /** Fields to change; the rest of the unit stays as the tag holds it. */
  change: Partial<ManagementUnit>;
  /** The PIN at the unit's current edit index (a master PIN for the factory index 0xFC). */
  editPin: Uint8Array;
}

/** Presents the unit's edit PIN, rewrites the unit and reads it back. Returns the unit as stored. */
export async function protectSegment(link: TagLink, input: ProtectSegmentInput): Promise<{ before: ManagementUnit; after: ManagementUnit }> {
  const before = await readUnit(link, input.segment);
  const wanted: ManagementUnit = { ...before, ...input.change };
  const { counter } = await updateCounter(link);
  const index = before.editPinIndex;
  const lockedWhy = `the management unit of segment ${input.segment} is locked for good (nE is set), so its protection can never change again.`;
  await link.run(planProtectSegment({ segment: input.segment, unit: wanted, edit: { index, pin: input.editPin, counter } }), {
    'wrong-pin': `the edit PIN given does not match the PIN the tag holds at index ${index}${describeIndex(index)}, the edit PIN of segment ${input.segment}.`,
    'edit-locked': lockedWhy,
    'pin-required': `segment ${input.segment} is edited only after its edit PIN (index ${index}) has been presented.`,
  });
  const after = await readUnit(link, input.segment);
  if (!bytesEqual(encodeUnit(after), encodeUnit(wanted))) {
    throw new TagOperationError('unit-mismatch', `read back the management unit of segment ${input.segment}`, `The management unit of segment ${input.segment} reads back differently from what was written; check the tag.`);
  }
  return { before, after };
}

export interface SegmentAccess {
  segment: number;
  offset?: number;
  /** The PIN the unit names for this kind of access; without it, only an earlier proof can open a PIN-protected segment. */
  pin?: Uint8Array;
}

export async function readSegment(link: TagLink, input: SegmentAccess & { length?: number }): Promise<Uint8Array> {
  const offset = input.offset ?? 0;
  const length = input.length ?? SEGMENT_SIZE - offset;
  checkRange(input.segment, offset, length);
  const unit = await readUnit(link, input.segment);
  if (unit.readPin && input.pin) await presentPin(link, 'read', unit.readPinIndex, input.pin);
  return link.read(
    { addr: segmentAddress(input.segment, offset), length, what: `read segment ${input.segment}` },
    { 'pin-required': `segment ${input.segment} is read only after its read PIN (index ${unit.readPinIndex}) is presented, and ${input.pin ? 'the PIN given was not accepted' : 'no PIN was given'}.` },
  );
}

export async function writeSegment(link: TagLink, input: SegmentAccess & { data: Uint8Array }): Promise<void> {
  const offset = input.offset ?? 0;
  checkRange(input.segment, offset, input.data.length);
  const unit = await readUnit(link, input.segment);
  if (unit.writePin && input.pin) await presentPin(link, 'write', unit.writePinIndex, input.pin);
  await link.write(
    { addr: segmentAddress(input.segment, offset), data: input.data, what: `write segment ${input.segment}` },
    { 'pin-required': `segment ${input.segment} is written only after its write PIN (index ${unit.writePinIndex}) is presented, and ${input.pin ? 'the PIN given was not accepted' : 'no PIN was given'}.` },
  );
}

/** Names the tag under PIN `key.index` (default PIN 0, the zero PIN every host knows). */
export async function writeName(link: TagLink, name: Uint8Array, key?: { index: number; pin: Uint8Array }): Promise<void> {
  if (name.length > BLOCK_SIZE) {
    throw new TagOperationError('bad-address', 'write the tag name', `A tag name is at most ${BLOCK_SIZE} bytes; this one has ${name.length}.`);
  }
  const { counter } = await updateCounter(link);
  await link.run(planWriteName(name, counter, key));
}

/** The host identity for this session, in clear (ID_REG is volatile and not counter-mode). */
export async function writeHostId(link: TagLink, id: Uint8Array): Promise<void> {
  if (id.length > BLOCK_SIZE) {
    throw new TagOperationError('bad-address', 'write the host identity', `A host identity is at most ${BLOCK_SIZE} bytes; this one has ${id.length}.`);
  }
  await link.run(planWriteHostId(id));
}

function describeIndex(index: number): string {
  return index >= MASTER_PIN_FIRST_POSITION ? ` (master PIN ${index - MASTER_PIN_FIRST_POSITION})` : '';
}

function checkRange(segment: number, offset: number, length: number): void {
  if (!Number.isInteger(segment) || segment < 0 || segment >= SEGMENT_COUNT) {
    throw new TagOperationError('bad-address', `access segment ${segment}`, `Segment ${segment} does not exist; the tag has segments 0..${SEGMENT_COUNT - 1}.`);
  }
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(length) || length < 1 || offset + length > SEGMENT_SIZE) {
    throw new TagOperationError(
      'bad-address',
      `access segment ${segment}`,
      `${length} bytes at offset ${offset} do not fit in one ${SEGMENT_SIZE}-byte segment; use offsets 0..${SEGMENT_SIZE - 1} and stay inside the segment.`,
    );
  }
}
