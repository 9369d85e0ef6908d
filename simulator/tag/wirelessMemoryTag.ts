// A PIN-protected wireless-memory tag (seed 004) as a pure state machine: the reader's low-level
// memory commands arrive as read(addr, len) / write(addr, data), and every rule of the seed is
// enforced here, on the tag side, with the addresses of shared/tag/layout.ts.

import { z } from 'zod';
import { bytesEqual, fromHex, isHex, toHex } from '../../shared/bytes.ts';
import type { PinKind } from '../../shared/tag/hostProtocol.ts';
import {
  BLOCK_SIZE,
  FACTORY_CTRL,
  FACTORY_EDIT_PIN_INDEX,
  INFO,
  INFO_SIZE,
  LAYOUT_VERSION,
  MASTER_PIN_FIRST_POSITION,
  MASTER_PIN_SLOTS,
  MEMORY_SIZE,
  MGMT_AREA_ADDR,
  PA,
  PIN_AREA_ADDR,
  RBPCTR_ADDR,
  RBPCTR_SIZE,
  REGISTER_SIZE,
  SEGMENT_AREA_ADDR,
  SEGMENT_COUNT,
  SEGMENT_SIZE,
  STATUS_USAGE_FLAG,
  UNIT,
  UNIT_SIZE,
  isTransferablePosition,
  type RegisterName,
} from '../../shared/tag/layout.ts';
import { decodeUnit } from '../../shared/tag/managementUnit.ts';
import { regionAt, type Region } from '../../shared/tag/regions.ts';
import { MAX_COUNTER, counterBytes, dosValue, encryptCounter, readCounter, xorBlocks } from '../../shared/tag/pinCrypto.ts';
import { TagRefusal } from './tagRefusal.ts';

/** What survives power-down (the tag's non-volatile memory). */
export interface WirelessMemoryTagState {
  counter: bigint;
  /** Kept with the counter, so a power cycle cannot reuse a counter value. */
  usageFlag: boolean;
  name: Uint8Array;
  /** Transferred PINs by position (1..0xFB); empty positions never match anything. */
  pins: ReadonlyMap<number, Uint8Array>;
  /** SEGMENT_COUNT management units of UNIT_SIZE bytes. */
  units: Uint8Array;
  /** SEGMENT_COUNT segments of SEGMENT_SIZE bytes. */
  segments: Uint8Array;
}

export interface WirelessMemoryTagOptions {
  /** Up to MASTER_PIN_SLOTS master PINs of 16 bytes, fixed for the tag's life. */
  masterPins: readonly Uint8Array[];
  initial?: Partial<WirelessMemoryTagState>;
}

const PIN_KIND_BY_REGISTER: Partial<Record<RegisterName, PinKind>> = { READ_PIN: 'read', WRITE_PIN: 'write', EDIT_PIN: 'edit' };

const hex = (b: Uint8Array) => toHex(b, false);

export class WirelessMemoryTag {
  readonly #masters: readonly Uint8Array[];
  #counter: bigint;
  #usageFlag: boolean;
  #name: Uint8Array;
  readonly #pins = new Map<number, Uint8Array>();
  readonly #units: Uint8Array;
  readonly #segments: Uint8Array;

  // Volatile: lost whenever the tag leaves the field.
  #inField = true;
  #validated: Record<PinKind, number> = { read: 0, write: 0, edit: 0 };
  #pa = new Uint8Array(REGISTER_SIZE);
  #id = new Uint8Array(REGISTER_SIZE);

  constructor(options: WirelessMemoryTagOptions) {
    if (options.masterPins.length > MASTER_PIN_SLOTS) {
      throw new RangeError(`a tag holds at most ${MASTER_PIN_SLOTS} master PINs, got ${options.masterPins.length}`);
    }
    this.#masters = options.masterPins.map((pin, i) => copyBlock(pin, `master PIN ${i}`));
    const init = options.initial ?? {};
    this.#counter = init.counter ?? 0n;
    if (this.#counter < 0n || this.#counter > MAX_COUNTER) throw new RangeError('the roll-back counter is an unsigned 64-bit value');
    this.#usageFlag = init.usageFlag ?? false;
    this.#name = new Uint8Array(BLOCK_SIZE);
    if (init.name) {
      if (init.name.length > BLOCK_SIZE) throw new RangeError(`a tag name is at most ${BLOCK_SIZE} bytes`);
      this.#name.set(init.name);
    }
    for (const [position, pin] of init.pins ?? []) {
      if (!isTransferablePosition(position)) throw new RangeError(`PIN position ${position} cannot hold a transferred PIN`);
      this.#pins.set(position, copyBlock(pin, `PIN ${position}`));
    }
    this.#units = init.units ? copyExact(init.units, SEGMENT_COUNT * UNIT_SIZE, 'the management area') : factoryUnits();
    this.#segments = init.segments
      ? copyExact(init.segments, SEGMENT_COUNT * SEGMENT_SIZE, 'the segment area')
      : new Uint8Array(SEGMENT_COUNT * SEGMENT_SIZE);
  }

  get inField(): boolean {
    return this.#inField;
  }

  /** Power-up: all validated PIN indexes start at zero, PA_REG and ID_REG are empty. */
  enterField(): void {
    this.#inField = true;
    this.#validated = { read: 0, write: 0, edit: 0 };
    this.#pa = new Uint8Array(REGISTER_SIZE);
    this.#id = new Uint8Array(REGISTER_SIZE);
  }

  /** Power-down: every validated PIN is forgotten; non-volatile memory stays. */
  leaveField(): void {
    this.#inField = false;
    this.#validated = { read: 0, write: 0, edit: 0 };
    this.#pa.fill(0);
    this.#id.fill(0);
  }

  read(addr: number, length: number): Uint8Array {
    this.#checkAccess(addr, length, 'read');
    const out = new Uint8Array(length);
    const end = addr + length;
    for (let a = addr; a < end; ) {
      const region = regionAt(a);
      const pieceEnd = Math.min(region.end, end);
      const bytes = this.#readRegion(region);
      out.set(bytes.subarray(a - region.start, pieceEnd - region.start), a - addr);
      a = pieceEnd;
    }
    return out;
  }

  write(addr: number, data: Uint8Array): void {
    this.#checkAccess(addr, data.length, 'write');
    const region = regionAt(addr);
    const end = addr + data.length;
    switch (region.kind) {
      case 'info':
        if (addr !== RBPCTR_ADDR || data.length !== RBPCTR_SIZE) {
          throw new TagRefusal('bad-address', 'Only the 8 roll-back counter bytes of the public information block can be written.');
        }
        return this.#writeCounter(data);
      case 'master-pins':
        throw new TagRefusal('bad-address', 'The master PINs are fixed when the tag is made and cannot be written.');
      case 'reserved':
        throw new TagRefusal('bad-address', `Address 0x${addr.toString(16)} is reserved on this tag.`);
      case 'pin-area':
        throw new TagRefusal('bad-address', 'The PIN area is written only through COMMIT_REG, never directly.');
      case 'register':
        if (addr !== region.start || data.length !== REGISTER_SIZE) {
          throw new TagRefusal('bad-address', `${region.name}_REG is written as one 16-byte block at 0x${region.start.toString(16)}.`);
        }
        return this.#writeRegister(region.name, data);
      case 'unit':
        if (end > region.end) {
          throw new TagRefusal('crosses-unit', `The write runs past the management unit of segment ${region.segment}; edit one unit at a time.`);
        }
        return this.#editUnit(region.segment, addr - MGMT_AREA_ADDR, data);
      case 'segment':
        return this.#writeSegments(addr, data);
    }
  }

  toJSON(): WirelessMemoryTagJson {
    const pins: Record<string, string> = {};
    for (const [position, pin] of [...this.#pins].sort((a, b) => a[0] - b[0])) pins[String(position)] = hex(pin);
    return {
      format: TAG_JSON_FORMAT,
      layoutVersion: LAYOUT_VERSION,
      masterPins: this.#masters.map(hex),
      counter: hex(counterBytes(this.#counter)),
      usageFlag: this.#usageFlag,
      name: hex(this.#name),
      pins,
      units: hex(this.#units),
      segments: hex(this.#segments),
    };
  }

  /** Restores a tag saved with toJSON; it comes back powered up, in the field. */
  static fromJSON(json: unknown): WirelessMemoryTag {
    const parsed = tagJsonSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`The saved wireless-memory tag is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const s = parsed.data;
    return new WirelessMemoryTag({
      masterPins: s.masterPins.map((m) => fromHex(m)),
      initial: {
        counter: readCounter(fromHex(s.counter)),
        usageFlag: s.usageFlag,
        name: fromHex(s.name),
        pins: new Map(Object.entries(s.pins).map(([position, pin]) => [Number(position), fromHex(pin)])),
        units: fromHex(s.units),
        segments: fromHex(s.segments),
      },
    });
  }

  // --- access checks and reads ------------------------------------------------------------------

  #checkAccess(addr: number, length: number, what: 'read' | 'write'): void {
    if (!this.#inField) throw new TagRefusal('no-tag', `No tag is in the field to ${what}.`);
    if (!Number.isInteger(addr) || !Number.isInteger(length) || length <= 0 || addr < 0 || addr + length > MEMORY_SIZE) {
      throw new TagRefusal(
        'bad-address',
        `The tag cannot ${what} ${length} bytes at address ${addr}: its memory is 0x${MEMORY_SIZE.toString(16)} bytes and an access needs at least one byte.`,
      );
    }
  }

  #readRegion(region: Region): Uint8Array {
    switch (region.kind) {
      case 'info':
        return this.#info();
      case 'master-pins':
        throw new TagRefusal('not-readable', 'The master PINs never leave the tag.');
      case 'pin-area':
        throw new TagRefusal('not-readable', 'The PIN area cannot be read.');
      case 'reserved':
        throw new TagRefusal('bad-address', `Addresses 0x${region.start.toString(16)}..0x${(region.end - 1).toString(16)} are reserved on this tag.`);
      case 'register':
        if (region.name === 'PA') return this.#pa;
        if (region.name === 'ID') return this.#id;
        if (region.name === 'NAME') return this.#name;
        throw new TagRefusal('not-readable', `${region.name}_REG is write-only.`);
      case 'unit':
        return this.#units.subarray(region.segment * UNIT_SIZE, (region.segment + 1) * UNIT_SIZE);
      case 'segment': {
        const unit = this.#unit(region.segment);
        if (!unit.read) throw new TagRefusal('segment-not-readable', `Segment ${region.segment} does not allow reads (RD is clear).`);
        if (unit.readPin && this.#validated.read !== unit.readPinIndex) {
          throw new TagRefusal(
            'pin-required',
            `Segment ${region.segment} is read only after its read PIN (index ${unit.readPinIndex}) has been presented since the tag entered the field.`,
          );
        }
        return this.#segments.subarray(region.segment * SEGMENT_SIZE, (region.segment + 1) * SEGMENT_SIZE);
      }
    }
  }

  #info(): Uint8Array {
    const info = new Uint8Array(INFO_SIZE);
    info.set(counterBytes(this.#counter), INFO.counter);
    info[INFO.status] = this.#usageFlag ? STATUS_USAGE_FLAG : 0;
    info[INFO.layoutVersion] = LAYOUT_VERSION;
    info[INFO.segmentCount] = SEGMENT_COUNT;
    info[INFO.masterPinCount] = this.#masters.length;
    info[INFO.segmentSize] = SEGMENT_SIZE >>> 8;
    info[INFO.segmentSize + 1] = SEGMENT_SIZE & 0xff;
    return info;
  }

  #unit(segment: number) {
    return decodeUnit(this.#units, segment * UNIT_SIZE);
  }

  #pinAt(position: number): Uint8Array | undefined {
    if (position === 0) return new Uint8Array(BLOCK_SIZE);
    if (position >= MASTER_PIN_FIRST_POSITION) return this.#masters[position - MASTER_PIN_FIRST_POSITION];
    return this.#pins.get(position);
  }

  // --- writes -------------------------------------------------------------------------------------

  #writeCounter(data: Uint8Array): void {
    if (this.#counter === MAX_COUNTER) {
      throw new TagRefusal('counter-not-next', 'The roll-back counter has reached its last value and cannot advance.');
    }
    if (readCounter(data) !== this.#counter + 1n) {
      throw new TagRefusal('counter-not-next', 'The roll-back counter accepts only its current value plus one.');
    }
    this.#counter += 1n;
    this.#usageFlag = false;
  }

  #writeRegister(name: RegisterName, data: Uint8Array): void {
    if (name === 'PA') {
      this.#pa = data.slice();
      return;
    }
    if (name === 'ID') {
      this.#id = data.slice();
      return;
    }
    // Every counter-mode register: the write is refused while the counter is used, and uses it otherwise.
    if (this.#usageFlag) {
      throw new TagRefusal(
        'usage-flag-set',
        `${name}_REG was not written: the roll-back counter has been used since its last update, so it must be advanced first.`,
      );
    }
    this.#usageFlag = true;
    const kind = PIN_KIND_BY_REGISTER[name];
    if (kind) return this.#usePin(kind, data);
    if (name === 'NAME') return this.#writeName(data);
    return this.#commitPin(data);
  }

  #usePin(kind: PinKind, presented: Uint8Array): void {
    const index = this.#pa[PA.useIndex]!;
    const pin = this.#pinAt(index);
    if (!pin || !bytesEqual(encryptCounter(pin, this.#counter), presented)) {
      // A failed proof also withdraws an earlier one of the same kind.
      this.#validated[kind] = 0;
      throw new TagRefusal('wrong-pin', `The ${kind} PIN presented for PIN index ${index} does not match the PIN the tag holds there.`);
    }
    this.#validated[kind] = index;
  }

  #writeName(data: Uint8Array): void {
    const index = this.#pa[PA.useIndex]!;
    const pin = this.#pinAt(index);
    if (!pin) throw new TagRefusal('wrong-pin', `NAME_REG was not written: PIN index ${index} holds no PIN.`);
    this.#name = xorBlocks(data, encryptCounter(pin, this.#counter));
  }

  #commitPin(commit: Uint8Array): void {
    const position = this.#pa[PA.transferPosition]!;
    const masterIndex = this.#pa[PA.masterIndex]!;
    if (!isTransferablePosition(position)) {
      throw new TagRefusal(
        'bad-address',
        `The PIN transfer was refused: position ${position} cannot be written (0 is the zero PIN, 0xFC..0xFF are the master PINs).`,
      );
    }
    const master = masterIndex < MASTER_PIN_SLOTS ? this.#masters[masterIndex] : undefined;
    if (!master) throw new TagRefusal('wrong-pin', `The PIN transfer was refused: the tag has no master PIN ${masterIndex}.`);
    if (!bytesEqual(dosValue(master, commit), this.#pa.subarray(PA.dos, PA.dos + PA.dosLength))) {
      throw new TagRefusal(
        'dos-mismatch',
        `The PIN transfer to position ${position} was refused: the DoS value in PA_REG does not match COMMIT_REG under master PIN ${masterIndex}.`,
      );
    }
    this.#pins.set(position, xorBlocks(commit, encryptCounter(master, this.#counter)));
  }

  #editUnit(segment: number, offset: number, data: Uint8Array): void {
    const unit = this.#unit(segment);
    if (unit.noEdit) throw new TagRefusal('edit-locked', `The management unit of segment ${segment} is locked (nE is set).`);
    if (this.#validated.edit !== unit.editPinIndex) {
      throw new TagRefusal(
        'pin-required',
        `The management unit of segment ${segment} is edited only after its edit PIN (index ${unit.editPinIndex}) has been presented since the tag entered the field.`,
      );
    }
    this.#units.set(data, offset);
  }

  #writeSegments(addr: number, data: Uint8Array): void {
    const end = addr + data.length;
    if (end > PIN_AREA_ADDR) throw new TagRefusal('bad-address', 'The write runs past the last segment into the PIN area.');
    // Check every segment the write touches before changing any, so a refusal leaves memory as it was.
    for (let a = addr; a < end; a += SEGMENT_SIZE - ((a - SEGMENT_AREA_ADDR) % SEGMENT_SIZE)) {
      const segment = Math.floor((a - SEGMENT_AREA_ADDR) / SEGMENT_SIZE);
      const unit = this.#unit(segment);
      if (!unit.write) throw new TagRefusal('segment-not-writable', `Segment ${segment} does not allow writes (WR is clear).`);
      if (unit.writePin && this.#validated.write !== unit.writePinIndex) {
        throw new TagRefusal(
          'pin-required',
          `Segment ${segment} is written only after its write PIN (index ${unit.writePinIndex}) has been presented since the tag entered the field.`,
        );
      }
    }
    this.#segments.set(data, addr - SEGMENT_AREA_ADDR);
  }
}

function factoryUnits(): Uint8Array {
  const units = new Uint8Array(SEGMENT_COUNT * UNIT_SIZE);
  for (let s = 0; s < SEGMENT_COUNT; s++) {
    units[s * UNIT_SIZE + UNIT.ctrl] = FACTORY_CTRL;
    units[s * UNIT_SIZE + UNIT.editPinIndex] = FACTORY_EDIT_PIN_INDEX;
  }
  return units;
}

function copyBlock(bytes: Uint8Array, what: string): Uint8Array {
  return copyExact(bytes, BLOCK_SIZE, what);
}

function copyExact(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length !== length) throw new RangeError(`${what} must be ${length} bytes, got ${bytes.length}`);
  return bytes.slice();
}

export const TAG_JSON_FORMAT = 'readerdesk/wireless-memory-tag';

const hexOf = (bytes: number) =>
  z.string().refine((s) => s.length === bytes * 2 && isHex(s), `expected ${bytes} bytes of hex`);

const tagJsonSchema = z.object({
  format: z.literal(TAG_JSON_FORMAT),
  layoutVersion: z.literal(LAYOUT_VERSION),
  masterPins: z.array(hexOf(BLOCK_SIZE)).max(MASTER_PIN_SLOTS),
  counter: hexOf(RBPCTR_SIZE),
  usageFlag: z.boolean(),
  name: hexOf(BLOCK_SIZE),
  pins: z.record(z.string(), hexOf(BLOCK_SIZE)).superRefine((pins, ctx) => {
    for (const key of Object.keys(pins)) {
      if (!/^\d+$/.test(key) || !isTransferablePosition(Number(key))) {
        ctx.addIssue({ code: 'custom', path: [key], message: `PIN position ${key} cannot hold a transferred PIN (1..${MASTER_PIN_FIRST_POSITION - 1} can)` });
      }
    }
  }),
  units: hexOf(SEGMENT_COUNT * UNIT_SIZE),
  segments: hexOf(SEGMENT_COUNT * SEGMENT_SIZE),
});

export type WirelessMemoryTagJson = z.infer<typeof tagJsonSchema>;
