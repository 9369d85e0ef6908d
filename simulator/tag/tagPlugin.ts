// The virtual reader's antenna field: at most one wireless-memory tag, kept in the reader state
// (state.tag) and answered through VHL.Select / VHL.ResolveFilename / VHL.Read / VHL.Write
// (docs/wireless-memory.md, "Over BRP"). Like a real reader it reads and writes only through a VHL
// file its configuration provides (VhlCfg, 0x0300-0x03FB), and answers only status codes the SDK
// defines. Control operations `tag-place` and `tag-remove` stand for a person putting the tag on the
// reader and taking it away.

import { bytesToText, fromHex } from '../../shared/bytes.ts';
import {
  CARD_FAMILIES_ALL,
  VHLIsSelected,
  VHLRead,
  VHLResolveFilename,
  VHLSelect,
  VHLWrite,
  VHL_CFG_FILENAME_VALUE,
  VHL_CFG_FILE_KEY_FIRST,
  VHL_CFG_FILE_KEY_LAST,
  VHL_STATUS,
  refusalStatus,
  type WirelessMemoryRefusal,
} from '../../shared/brp/commands/vhl.ts';
import { BLOCK_SIZE, MASTER_PIN_SLOTS } from '../../shared/tag/layout.ts';
import type { ControlAnswer, ControlRequest } from '../control/controlChannel.ts';
import { StatusReply, type VirtualReader } from '../firmware/virtualReader.ts';
import { TagRefusal, type TagRefusalReason } from './tagRefusal.ts';
import { WirelessMemoryTag } from './wirelessMemoryTag.ts';

/** Both ends name the same refusals; this line fails to compile if they drift apart. */
type SameReasons = [TagRefusalReason] extends [WirelessMemoryRefusal] ? ([WirelessMemoryRefusal] extends [TagRefusalReason] ? true : never) : never;
const sameReasons: SameReasons = true;
void sameReasons;

/** What state.tag holds: the tag's non-volatile memory and whether it lies on the reader. */
interface SavedSlot {
  format: 'readerdesk/sim-tag-slot';
  inField: boolean;
  memory: unknown;
}

/** Selected and powered tag of one virtual reader; in-process tests reach it through tagSlotOf(). */
export class TagSlot {
  #tag: WirelessMemoryTag | undefined;
  #selected = false;

  constructor(private readonly reader: VirtualReader) {
    const saved = reader.state.tag as SavedSlot | undefined;
    if (saved && saved.format === 'readerdesk/sim-tag-slot') {
      this.#tag = WirelessMemoryTag.fromJSON(saved.memory);
      // fromJSON powers the tag up; a tag that was taken away stays away.
      if (!saved.inField) this.#tag.leaveField();
    }
  }

  get tag(): WirelessMemoryTag | undefined {
    return this.#tag;
  }

  /** A new tag from the factory (with these master PINs) replaces any tag the reader knew. */
  placeNew(masterPins: readonly Uint8Array[]): void {
    this.#tag = new WirelessMemoryTag({ masterPins });
    this.#selected = false;
    this.save();
  }

  /** Puts the known tag back into the field: it powers up with no validated PIN. */
  placeAgain(): boolean {
    if (!this.#tag) return false;
    this.#tag.enterField();
    this.#selected = false;
    this.save();
    return true;
  }

  remove(): boolean {
    if (!this.#tag?.inField) return false;
    this.#tag.leaveField();
    this.#selected = false;
    this.save();
    return true;
  }

  /** The reader restarted: its field went off, so the tag lost power and every validated PIN. */
  rebooted(): void {
    this.#selected = false;
    if (this.#tag?.inField) {
      this.#tag.leaveField();
      this.#tag.enterField();
    }
  }

  /** A filter without any family the tag could belong to finds nothing (every family bit is one the tag may answer to). */
  select(cardFamiliesFilter: number): void {
    if (!this.#tag?.inField || (cardFamiliesFilter & CARD_FAMILIES_ALL) === 0) throw new StatusReply(VHL_STATUS.ErrNoTag);
    this.#selected = true;
  }

  isSelected(): void {
    if (!this.#selected || !this.#tag?.inField) throw new StatusReply(VHL_STATUS.ErrCardNotSelected);
  }

  read(id: number, adr: number, len: number): Uint8Array {
    const tag = this.#ready(id);
    return this.#refusalToStatus('read', () => tag.read(adr, len));
  }

  write(id: number, adr: number, data: Uint8Array): void {
    const tag = this.#ready(id);
    try {
      this.#refusalToStatus('write', () => tag.write(adr, data));
    } finally {
      // A refused counter-mode write still uses the counter (usage flag), so save either way.
      this.save();
    }
  }

  save(): void {
    this.reader.state.tag = this.#tag
      ? ({ format: 'readerdesk/sim-tag-slot', inField: this.#tag.inField, memory: this.#tag.toJSON() } satisfies SavedSlot)
      : undefined;
    this.reader.persist();
  }

  #ready(id: number): WirelessMemoryTag {
    if (!this.#tag?.inField) {
      this.#selected = false;
      throw new StatusReply(VHL_STATUS.ErrNoTag);
    }
    if (!this.#selected) throw new StatusReply(VHL_STATUS.ErrCardNotSelected);
    if (!vhlFileConfigured(this.reader, id)) throw new StatusReply(VHL_STATUS.ErrConfig);
    return this.#tag;
  }

  #refusalToStatus<T>(access: 'read' | 'write', fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof TagRefusal) throw new StatusReply(refusalStatus(err.reason, access));
      throw err;
    }
  }
}

/**
 * Whether the reader configuration holds VHL file `id` (any value of VhlCfg SubKey 0x0300 + id).
 * Id 0xFF is the dynamic file of VHL.Setup, which this reader does not implement.
 */
function vhlFileConfigured(reader: VirtualReader, id: number): boolean {
  const key = VHL_CFG_FILE_KEY_FIRST + id;
  return key <= VHL_CFG_FILE_KEY_LAST && reader.config.valueIds(key).length > 0;
}

/** VHL.ResolveFilename: exactly one VhlCfg/File/Filename must equal the name (case-sensitive). */
function resolveVhlFile(reader: VirtualReader, fileName: string): number {
  const hits: number[] = [];
  for (let key = VHL_CFG_FILE_KEY_FIRST; key <= VHL_CFG_FILE_KEY_LAST; key++) {
    const name = reader.config.get(key, VHL_CFG_FILENAME_VALUE);
    if (name && bytesToText(name) === fileName) hits.push(key - VHL_CFG_FILE_KEY_FIRST);
  }
  if (hits.length !== 1) throw new StatusReply(VHL_STATUS.ErrConfig);
  return hits[0]!;
}

const slots = new WeakMap<VirtualReader, TagSlot>();

/** The tag slot of a reader set up with registerTagPlugin (for in-process tests). */
export function tagSlotOf(reader: VirtualReader): TagSlot | undefined {
  return slots.get(reader);
}

type ControlOps = Map<string, (req: ControlRequest) => Promise<ControlAnswer>>;

/** Registers the VHL handlers and, when given, the `tag-place` / `tag-remove` control operations. */
export function registerTagPlugin(reader: VirtualReader, controlOps?: ControlOps): TagSlot {
  const slot = new TagSlot(reader);
  slots.set(reader, slot);

  reader.on(VHLSelect, (req) => {
    // A card-accessing command stops Autoread until AR.SetMode or a restart (refman AR.SetMode).
    reader.autoreadEnabled = false;
    slot.select(req.cardFamiliesFilter);
    // The wireless memory has no BALTECH card type of its own: 0x00 (not identified).
    return { selectedCardType: 0x00 };
  });
  reader.on(VHLIsSelected, () => slot.isSelected());
  reader.on(VHLResolveFilename, (req) => ({ id: resolveVhlFile(reader, req.fileName) }));
  reader.on(VHLRead, (req) => ({ data: slot.read(req.id, req.adr, req.len) }));
  reader.on(VHLWrite, (req) => slot.write(req.id, req.adr, req.data));
  reader.onReboot(() => slot.rebooted());

  controlOps?.set('tag-place', async (req) => {
    const masterPins = parseMasterPins(req.masterPins);
    if (masterPins === undefined) {
      if (slot.placeAgain()) return { ok: true, message: 'the tag is back in the field; it holds no validated PIN' };
      slot.placeNew([]);
      return { ok: true, message: 'a new tag without master PINs is in the field' };
    }
    slot.placeNew(masterPins);
    return { ok: true, message: `a new tag with ${masterPins.length} master PIN${masterPins.length === 1 ? '' : 's'} is in the field` };
  });
  controlOps?.set('tag-remove', async () => {
    if (!slot.remove()) return { ok: false, message: 'no tag is in the field of this virtual reader' };
    return { ok: true, message: 'the tag left the field; it forgot every validated PIN' };
  });
  return slot;
}

/**
 * `masterPins` of a tag-place request: [{ index, hex }] with indexes 0..n-1 each once. Messages
 * name indexes, never the PIN text.
 */
function parseMasterPins(raw: unknown): Uint8Array[] | undefined {
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return undefined;
  if (!Array.isArray(raw)) throw new Error('masterPins must be a list of { index, hex }');
  const byIndex = new Map<number, Uint8Array>();
  for (const item of raw as { index?: unknown; hex?: unknown }[]) {
    const index = item?.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= MASTER_PIN_SLOTS) {
      throw new Error(`a master PIN index must be 0..${MASTER_PIN_SLOTS - 1}`);
    }
    if (byIndex.has(index)) throw new Error(`master PIN ${index} is given twice`);
    if (typeof item.hex !== 'string' || !new RegExp(`^[0-9a-fA-F]{${BLOCK_SIZE * 2}}$`).test(item.hex)) {
      throw new Error(`master PIN ${index} must be exactly ${BLOCK_SIZE * 2} hex digits`);
    }
    byIndex.set(index, fromHex(item.hex));
  }
  const pins: Uint8Array[] = [];
  for (let i = 0; i < byIndex.size; i++) {
    const pin = byIndex.get(i);
    if (!pin) throw new Error(`master PINs fill slots from 0 up: master PIN ${i} is missing`);
    pins.push(pin);
  }
  return pins;
}
