// Host side of the wireless-memory PIN protocol as plain data: each plan is the list of memory
// writes (address + bytes) a host performs through whatever reader and transport it has.
//
// Counter discipline: every write to a counter-mode register (READ/WRITE/EDIT_PIN_REG, NAME_REG,
// COMMIT_REG) needs a fresh counter. Read the public info, apply planCounterUpdate(current), and
// pass the new value as `counter` to exactly one of planUsePin / planPinTransfer / planWriteName.

import {
  BLOCK_SIZE,
  INFO,
  INFO_ADDR,
  INFO_SIZE,
  LAYOUT_VERSION,
  MASTER_PIN_SLOTS,
  PA,
  PIN_COUNT,
  RBPCTR_ADDR,
  REG,
  STATUS_USAGE_FLAG,
  UNIT_SIZE,
  isTransferablePosition,
  unitAddress,
} from './layout.ts';
import { encodeUnit, type ManagementUnit } from './managementUnit.ts';
import { MAX_COUNTER, checkCounter, counterBytes, dosValue, encryptCounter, readCounter, xorBlocks } from './pinCrypto.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export type PinKind = 'read' | 'write' | 'edit';

export const PIN_REGISTER: Readonly<Record<PinKind, number>> = {
  read: REG.READ_PIN,
  write: REG.WRITE_PIN,
  edit: REG.EDIT_PIN,
};

/** The PIN kind as a clause ("present the read PIN"). */
export function pinKindText(kind: PinKind): HostText {
  return hostText(kind === 'read' ? 'tag.pin.read' : kind === 'write' ? 'tag.pin.write' : 'tag.pin.edit', {});
}

export interface MemoryWrite {
  addr: number;
  data: Uint8Array;
  /** Names the step for messages (a catalogue clause completing "could not …"); never contains key material. */
  what: HostText;
}

export interface MemoryRead {
  addr: number;
  length: number;
  what: HostText;
}

export interface PublicInfo {
  counter: bigint;
  usageFlagSet: boolean;
  layoutVersion: number;
  segmentCount: number;
  segmentSize: number;
  masterPinCount: number;
}

export function planReadPublicInfo(): MemoryRead {
  return { addr: INFO_ADDR, length: INFO_SIZE, what: hostText('tag.step.read-info', {}) };
}

export function parsePublicInfo(bytes: Uint8Array): PublicInfo {
  if (bytes.length !== INFO_SIZE) {
    throw new RangeError(`the public information block is ${INFO_SIZE} bytes, but ${bytes.length} were read`);
  }
  const layoutVersion = bytes[INFO.layoutVersion]!;
  if (layoutVersion !== LAYOUT_VERSION) {
    throw new Error(`the tag uses wireless-memory layout ${layoutVersion}; ReaderDesk knows only layout ${LAYOUT_VERSION}`);
  }
  return {
    counter: readCounter(bytes, INFO.counter),
    usageFlagSet: (bytes[INFO.status]! & STATUS_USAGE_FLAG) !== 0,
    layoutVersion,
    segmentCount: bytes[INFO.segmentCount]!,
    segmentSize: (bytes[INFO.segmentSize]! << 8) | bytes[INFO.segmentSize + 1]!,
    masterPinCount: bytes[INFO.masterPinCount]!,
  };
}

/** The tag accepts only current + 1; the result is the counter to use for the next PIN register write. */
export function planCounterUpdate(current: bigint): { writes: MemoryWrite[]; counter: bigint } {
  checkCounter(current);
  if (current === MAX_COUNTER) throw new RangeError('the roll-back counter has reached its last value and cannot advance');
  const counter = current + 1n;
  return { writes: [{ addr: RBPCTR_ADDR, data: counterBytes(counter), what: hostText('tag.step.advance-counter', {}) }], counter };
}

/** Presents PIN `index` for reads, writes or edits: select it in PA_REG, then write E_PIN(RBPCTR). */
export function planUsePin(kind: PinKind, index: number, pin: Uint8Array, counter: bigint): MemoryWrite[] {
  checkIndex(index, 'PIN index', PIN_COUNT);
  checkBlock(pin, `${kind} PIN`);
  const pa = new Uint8Array(BLOCK_SIZE);
  pa[PA.useIndex] = index;
  return [
    { addr: REG.PA, data: pa, what: hostText('tag.step.select-pin', { index: String(index) }) },
    { addr: PIN_REGISTER[kind], data: encryptCounter(pin, counter), what: hostText('tag.step.present-pin', { kind: pinKindText(kind) }) },
  ];
}

export interface PinTransferInput {
  /** PIN-area position to fill: 1..0xFB (0 is the zero PIN, 0xFC..0xFF are the master PINs). */
  position: number;
  masterIndex: number;
  masterPin: Uint8Array;
  pin: Uint8Array;
  /** The counter the tag holds when COMMIT_REG is written (after planCounterUpdate). */
  counter: bigint;
}

export interface PinTransferPlan {
  paReg: Uint8Array;
  commit: Uint8Array;
  dos: Uint8Array;
  writes: MemoryWrite[];
}

export function planPinTransfer(input: PinTransferInput): PinTransferPlan {
  if (!isTransferablePosition(input.position)) {
    throw new RangeError(
      `PIN position ${input.position} cannot be written: position 0 holds the zero PIN and 0xFC..0xFF hold the master PINs`,
    );
  }
  checkIndex(input.masterIndex, 'master PIN index', MASTER_PIN_SLOTS);
  checkBlock(input.masterPin, 'master PIN');
  checkBlock(input.pin, 'PIN');
  const commit = xorBlocks(encryptCounter(input.masterPin, input.counter), input.pin);
  const dos = dosValue(input.masterPin, commit);
  const paReg = new Uint8Array(BLOCK_SIZE);
  paReg[PA.transferPosition] = input.position;
  paReg[PA.masterIndex] = input.masterIndex;
  paReg.set(dos, PA.dos);
  return {
    paReg,
    commit,
    dos,
    writes: [
      { addr: REG.PA, data: paReg, what: hostText('tag.step.select-transfer', { position: String(input.position), master: String(input.masterIndex) }) },
      { addr: REG.COMMIT, data: commit, what: hostText('tag.step.commit-pin', {}) },
    ],
  };
}

export interface ProtectSegmentInput {
  segment: number;
  unit: ManagementUnit;
  /** The edit PIN the unit points to now (or the master PIN position for group editing). */
  edit: { index: number; pin: Uint8Array; counter: bigint };
}

/** Presents the current edit PIN, then rewrites the segment's whole management unit in one write. */
export function planProtectSegment(input: ProtectSegmentInput): MemoryWrite[] {
  const data = encodeUnit(input.unit);
  return [
    ...planUsePin('edit', input.edit.index, input.edit.pin, input.edit.counter),
    { addr: unitAddress(input.segment), data, what: hostText('tag.step.write-unit', { segment: String(input.segment) }) },
  ];
}

export function planReadUnit(segment: number): MemoryRead {
  return { addr: unitAddress(segment), length: UNIT_SIZE, what: hostText('tag.step.read-unit', { segment: String(segment) }) };
}

/**
 * Writes the tag name in counter mode under PIN `index` (default: the zero PIN, which any host knows,
 * so hosts unaware of this tag's PINs can still name it).
 */
export function planWriteName(
  name: Uint8Array,
  counter: bigint,
  key: { index: number; pin: Uint8Array } = { index: 0, pin: new Uint8Array(BLOCK_SIZE) },
): MemoryWrite[] {
  if (name.length > BLOCK_SIZE) throw new RangeError(`a tag name is at most ${BLOCK_SIZE} bytes, got ${name.length}`);
  checkIndex(key.index, 'PIN index', PIN_COUNT);
  checkBlock(key.pin, 'PIN');
  const padded = new Uint8Array(BLOCK_SIZE);
  padded.set(name);
  const pa = new Uint8Array(BLOCK_SIZE);
  pa[PA.useIndex] = key.index;
  return [
    { addr: REG.PA, data: pa, what: hostText('tag.step.select-pin', { index: String(key.index) }) },
    { addr: REG.NAME, data: xorBlocks(encryptCounter(key.pin, counter), padded), what: hostText('tag.step.write-name', {}) },
  ];
}

/** The host identity for this session; sent in clear, as the seed says. */
export function planWriteHostId(id: Uint8Array): MemoryWrite[] {
  if (id.length > BLOCK_SIZE) throw new RangeError(`a host identity is at most ${BLOCK_SIZE} bytes, got ${id.length}`);
  const padded = new Uint8Array(BLOCK_SIZE);
  padded.set(id);
  return [{ addr: REG.ID, data: padded, what: hostText('tag.step.write-host-id', {}) }];
}

function checkBlock(bytes: Uint8Array, what: string): void {
  if (bytes.length !== BLOCK_SIZE) throw new RangeError(`a ${what} is ${BLOCK_SIZE} bytes, got ${bytes.length}`);
}

function checkIndex(index: number, what: string, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`${what} ${index} is outside 0..${count - 1}`);
  }
}
