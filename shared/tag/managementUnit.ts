// A segment's management unit as a value: the CTRL bits as booleans and the three PIN pointers.
// Encoding lives here so the tag and the host read the same 4 bytes the same way.

import { CTRL, PIN_COUNT, UNIT, UNIT_SIZE } from './layout.ts';

export interface ManagementUnit {
  /** RD: the segment may be read. */
  read: boolean;
  /** RD PIN: reading also needs the read PIN at readPinIndex. */
  readPin: boolean;
  /** WR: the segment may be written. */
  write: boolean;
  /** WR PIN: writing also needs the write PIN at writePinIndex. */
  writePin: boolean;
  /** nE: set means the unit can never be edited again. */
  noEdit: boolean;
  readPinIndex: number;
  writePinIndex: number;
  editPinIndex: number;
}

export function encodeUnit(unit: ManagementUnit): Uint8Array {
  const out = new Uint8Array(UNIT_SIZE);
  out[UNIT.ctrl] =
    (unit.read ? CTRL.RD : 0) |
    (unit.readPin ? CTRL.RD_PIN : 0) |
    (unit.write ? CTRL.WR : 0) |
    (unit.writePin ? CTRL.WR_PIN : 0) |
    (unit.noEdit ? CTRL.NE : 0);
  out[UNIT.readPinIndex] = pinIndex(unit.readPinIndex, 'read');
  out[UNIT.writePinIndex] = pinIndex(unit.writePinIndex, 'write');
  out[UNIT.editPinIndex] = pinIndex(unit.editPinIndex, 'edit');
  return out;
}

export function decodeUnit(bytes: Uint8Array, offset = 0): ManagementUnit {
  if (bytes.length < offset + UNIT_SIZE) throw new RangeError(`a management unit is ${UNIT_SIZE} bytes`);
  const ctrl = bytes[offset + UNIT.ctrl]!;
  return {
    read: (ctrl & CTRL.RD) !== 0,
    readPin: (ctrl & CTRL.RD_PIN) !== 0,
    write: (ctrl & CTRL.WR) !== 0,
    writePin: (ctrl & CTRL.WR_PIN) !== 0,
    noEdit: (ctrl & CTRL.NE) !== 0,
    readPinIndex: bytes[offset + UNIT.readPinIndex]!,
    writePinIndex: bytes[offset + UNIT.writePinIndex]!,
    editPinIndex: bytes[offset + UNIT.editPinIndex]!,
  };
}

function pinIndex(index: number, kind: string): number {
  if (!Number.isInteger(index) || index < 0 || index >= PIN_COUNT) {
    throw new RangeError(`the ${kind} PIN index ${index} is outside 0..${PIN_COUNT - 1}`);
  }
  return index;
}
