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
  pinKindText,
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
import { AR_MODE, ARSetMode } from '../../../shared/brp/commands/ar.ts';
import type { ReaderStatusError } from '../../../shared/brp/errors.ts';
import type { BrpSession } from '../brp/session.ts';
import { diagnoseRefusal, type RefusedAccess } from './refusalDiagnosis.ts';
import { TagOperationError, isGenericRefusal, tagError, type RefusalDetail } from './tagErrors.ts';
import { hostText } from '../../../shared/errors/hostError.ts';
import type { HostText } from '../../../shared/errors/hostText.ts';

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
      throw tagError(err, hostText('tag.step.select', {}));
    }
    let fileId: number;
    try {
      fileId = (await session.execute(VHLResolveFilename, { fileName: vhlFileName })).id;
    } catch (err) {
      throw tagError(err, hostText('tag.step.find-vhl-file', {}));
    }
    return new TagLink(session, fileId);
  }

  async read(r: MemoryRead, detail?: RefusalDetail): Promise<Uint8Array> {
    try {
      const data = await this.#readBytes(r.addr, r.length);
      if (data.length !== r.length) {
        throw new TagOperationError('reader', r.what, 'tag.short-answer', { got: data.length, step: r.what, wanted: r.length });
      }
      return data;
    } catch (err) {
      throw await this.#explain(err, { access: 'read', addr: r.addr, length: r.length }, r.what, detail);
    }
  }

  async write(w: MemoryWrite, detail?: RefusalDetail): Promise<void> {
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
  async #explain(err: unknown, refused: RefusedAccess, step: HostText, detail?: RefusalDetail): Promise<unknown> {
    if (!isGenericRefusal(err)) return tagError(err, step, detail);
    const reason = await diagnoseRefusal(refused, (err as ReaderStatusError).status, (addr, length) => this.#readBytes(addr, length));
    return tagError(err, step, detail, reason);
  }

  async run(writes: readonly MemoryWrite[], detail?: RefusalDetail): Promise<void> {
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
    throw new TagOperationError('reader', r.what, 'tag.not-wireless-memory', { reason: (err as Error).message }, { cause: err });
  }
}

/** Public information, name and every management unit. */
export async function readTagInfo(link: TagLink): Promise<TagInfo> {
  const info = await readPublicInfo(link);
  const name = await link.read({ addr: REG.NAME, length: BLOCK_SIZE, what: hostText('tag.step.read-name', {}) });
  const unitBytes = await link.read({ addr: MGMT_AREA_ADDR, length: SEGMENT_COUNT * UNIT_SIZE, what: hostText('tag.step.read-units', {}) });
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
    'wrong-pin': hostText('tag.why.pin-mismatch', { kind: pinKindText(kind), index: String(index), master: describeIndex(index) }),
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
    throw new TagOperationError('bad-address', hostText('tag.step.plan-transfer', {}), 'tag.transfer-invalid', { reason: (err as Error).message }, { cause: err });
  }
  await link.run(plan.writes, {
    'wrong-pin': hostText('tag.why.no-master-pin', { master: String(input.masterIndex) }),
    'dos-mismatch': hostText('tag.why.master-dos-mismatch', { master: String(input.masterIndex) }),
  });
  try {
    await presentPin(link, 'read', input.position, input.pin);
  } catch (err) {
    if (err instanceof TagOperationError && err.reason === 'wrong-pin') {
      throw new TagOperationError('transfer-unconfirmed', hostText('tag.step.confirm-pin', {}), 'tag.transfer-unconfirmed', { position: String(input.position) }, { cause: err });
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
  const segment = String(input.segment);
  await link.run(planProtectSegment({ segment: input.segment, unit: wanted, edit: { index, pin: input.editPin, counter } }), {
    'wrong-pin': hostText('tag.why.edit-pin-mismatch', { index: String(index), master: describeIndex(index), segment }),
    'edit-locked': hostText('tag.why.segment-locked', { segment }),
    'pin-required': hostText('tag.why.edit-pin-first', { segment, index: String(index) }),
  });
  const after = await readUnit(link, input.segment);
  if (!bytesEqual(encodeUnit(after), encodeUnit(wanted))) {
    throw new TagOperationError('unit-mismatch', hostText('tag.step.read-back-unit', { segment }), 'tag.unit-mismatch', { segment });
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
    { addr: segmentAddress(input.segment, offset), length, what: hostText('tag.step.read-segment', { segment: String(input.segment) }) },
    { 'pin-required': hostText('tag.why.read-pin-first', { segment: String(input.segment), index: String(unit.readPinIndex), given: pinGiven(input.pin) }) },
  );
}

export async function writeSegment(link: TagLink, input: SegmentAccess & { data: Uint8Array }): Promise<void> {
  const offset = input.offset ?? 0;
  checkRange(input.segment, offset, input.data.length);
  const unit = await readUnit(link, input.segment);
  if (unit.writePin && input.pin) await presentPin(link, 'write', unit.writePinIndex, input.pin);
  await link.write(
    { addr: segmentAddress(input.segment, offset), data: input.data, what: hostText('tag.step.write-segment', { segment: String(input.segment) }) },
    { 'pin-required': hostText('tag.why.write-pin-first', { segment: String(input.segment), index: String(unit.writePinIndex), given: pinGiven(input.pin) }) },
  );
}

/** Names the tag under PIN `key.index` (default PIN 0, the zero PIN every host knows). */
export async function writeName(link: TagLink, name: Uint8Array, key?: { index: number; pin: Uint8Array }): Promise<void> {
  if (name.length > BLOCK_SIZE) {
    throw new TagOperationError('bad-address', hostText('tag.step.write-name', {}), 'tag.name-too-long', { max: BLOCK_SIZE, bytes: name.length });
  }
  const { counter } = await updateCounter(link);
  await link.run(planWriteName(name, counter, key));
}

/** The host identity for this session, in clear (ID_REG is volatile and not counter-mode). */
export async function writeHostId(link: TagLink, id: Uint8Array): Promise<void> {
  if (id.length > BLOCK_SIZE) {
    throw new TagOperationError('bad-address', hostText('tag.step.write-host-id', {}), 'tag.identity-too-long', { max: BLOCK_SIZE, bytes: id.length });
  }
  await link.run(planWriteHostId(id));
}

/** " (master PIN n)" after a master PIN's index, nothing after another. */
function describeIndex(index: number): HostText | string {
  return index >= MASTER_PIN_FIRST_POSITION ? hostText('tag.master-pin', { master: String(index - MASTER_PIN_FIRST_POSITION) }) : '';
}

function pinGiven(pin: Uint8Array | undefined): HostText {
  return pin ? hostText('tag.pin-not-accepted', {}) : hostText('tag.no-pin-given', {});
}

function checkRange(segment: number, offset: number, length: number): void {
  if (!Number.isInteger(segment) || segment < 0 || segment >= SEGMENT_COUNT) {
    throw new TagOperationError('bad-address', hostText('tag.step.access-segment', { segment: String(segment) }), 'tag.no-segment', { segment: String(segment), last: String(SEGMENT_COUNT - 1) });
  }
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(length) || length < 1 || offset + length > SEGMENT_SIZE) {
    throw new TagOperationError('bad-address', hostText('tag.step.access-segment', { segment: String(segment) }), 'tag.outside-segment', {
      bytes: length,
      offset: String(offset),
      size: String(SEGMENT_SIZE),
      lastOffset: String(SEGMENT_SIZE - 1),
    });
  }
}
