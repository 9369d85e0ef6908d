// The wireless-memory layout, version 1: every number the seed leaves open, in one place.
// docs/wireless-memory.md explains each choice; the tag simulator and the host plans both read
// these constants, so they cannot disagree.

export const LAYOUT_VERSION = 1;

/** Registers, PINs, master PINs and XXTEA blocks are all 16 bytes. */
export const BLOCK_SIZE = 16;

// --- Master area: 0x0000..0x00FF -----------------------------------------------------------------
export const MASTER_AREA_ADDR = 0x0000;
export const MASTER_AREA_SIZE = 0x0100;

/** Public information block at the start of the master area (readable by anyone). */
export const INFO_ADDR = 0x0000;
export const INFO_SIZE = 16;
/** Offsets inside the information block. */
export const INFO = {
  /** RBPCTR, 8 bytes big-endian; the only writable part of the block (value + 1 only). */
  counter: 0,
  /** Status byte; bit 0 is the usage flag. Read-only. */
  status: 8,
  layoutVersion: 9,
  segmentCount: 10,
  masterPinCount: 11,
  /** Segment size, 2 bytes big-endian. */
  segmentSize: 12,
  /** Bytes 14 and 15 read as zero. */
} as const;
export const RBPCTR_ADDR = INFO_ADDR + INFO.counter;
export const RBPCTR_SIZE = 8;
export const STATUS_USAGE_FLAG = 0x01;

/** Master PIN storage: MASTER_PIN_SLOTS x 16 bytes, never readable, never writable. */
export const MASTER_PIN_STORE_ADDR = 0x0010;
export const MASTER_PIN_SLOTS = 4;

/** 0x0050..0x008F is reserved: any access is refused. */
export const MASTER_RESERVED_ADDR = MASTER_PIN_STORE_ADDR + MASTER_PIN_SLOTS * BLOCK_SIZE;

/** The seven 16-byte registers occupy the final 112 bytes of the master area. */
export const REG = {
  READ_PIN: 0x0090,
  WRITE_PIN: 0x00a0,
  EDIT_PIN: 0x00b0,
  NAME: 0x00c0,
  ID: 0x00d0,
  COMMIT: 0x00e0,
  PA: 0x00f0,
} as const;
export type RegisterName = keyof typeof REG;
export const REGISTER_SIZE = BLOCK_SIZE;

/** Registers whose write is guarded by the RBPCTR usage flag (the counter-mode ones). */
export const USAGE_FLAG_REGISTERS: readonly RegisterName[] = ['READ_PIN', 'WRITE_PIN', 'EDIT_PIN', 'NAME', 'COMMIT'];

/** PA_REG byte offsets (the seed's Figure 5.12 is not available; this is our layout). */
export const PA = {
  /** PIN index to use with READ/WRITE/EDIT_PIN_REG and NAME_REG. */
  useIndex: 0,
  /** PIN-area position a transfer through COMMIT_REG writes to. */
  transferPosition: 1,
  /** Master PIN index (0..MASTER_PIN_SLOTS-1) that encrypts a transfer. */
  masterIndex: 2,
  /** Byte 3 is reserved and ignored. */
  dos: 4,
  dosLength: 12,
} as const;

// --- Management area: one unit per segment -------------------------------------------------------
export const SEGMENT_COUNT = 16;
export const MGMT_AREA_ADDR = 0x0100;
export const UNIT_SIZE = 4;
/** Offsets inside a management unit. */
export const UNIT = { ctrl: 0, readPinIndex: 1, writePinIndex: 2, editPinIndex: 3 } as const;
/** 0x0140..0x01FF is reserved: any access is refused. */
export const MGMT_AREA_END = MGMT_AREA_ADDR + SEGMENT_COUNT * UNIT_SIZE;

/** CTRL byte bits. RD/WR set = allowed; RD_PIN/WR_PIN set = the PIN is required; NE set = locked. */
export const CTRL = {
  RD: 0x01,
  RD_PIN: 0x02,
  WR: 0x04,
  WR_PIN: 0x08,
  /** "not Editable": once set, the unit can never change again. */
  NE: 0x80,
} as const;

// --- Segment data ---------------------------------------------------------------------------------
export const SEGMENT_AREA_ADDR = 0x0200;
export const SEGMENT_SIZE = 0x0100;

// --- PIN area (256 x 16 bytes, never readable, written only through COMMIT_REG) -------------------
export const PIN_AREA_ADDR = SEGMENT_AREA_ADDR + SEGMENT_COUNT * SEGMENT_SIZE; // 0x1200
export const PIN_COUNT = 256;
/** Position 0 always holds sixteen zero bytes: the globally known PIN. */
export const ZERO_PIN_POSITION = 0;
/** Master PIN m is also PIN position 0xFC + m, so a unit can point at a master PIN (group editing). */
export const MASTER_PIN_FIRST_POSITION = PIN_COUNT - MASTER_PIN_SLOTS; // 0xFC

export const MEMORY_SIZE = PIN_AREA_ADDR + PIN_COUNT * BLOCK_SIZE; // 0x2200

// --- Factory state of a management unit -----------------------------------------------------------
/** Readable and writable without PINs, editable, edit PIN = master PIN 0 (only the owner configures). */
export const FACTORY_CTRL = CTRL.RD | CTRL.WR;
export const FACTORY_EDIT_PIN_INDEX = MASTER_PIN_FIRST_POSITION;

export function unitAddress(segment: number): number {
  checkSegment(segment);
  return MGMT_AREA_ADDR + segment * UNIT_SIZE;
}

export function segmentAddress(segment: number, offset = 0): number {
  checkSegment(segment);
  if (!Number.isInteger(offset) || offset < 0 || offset >= SEGMENT_SIZE) {
    throw new RangeError(`offset ${offset} is outside a ${SEGMENT_SIZE}-byte segment`);
  }
  return SEGMENT_AREA_ADDR + segment * SEGMENT_SIZE + offset;
}

export function masterPinPosition(masterIndex: number): number {
  if (!Number.isInteger(masterIndex) || masterIndex < 0 || masterIndex >= MASTER_PIN_SLOTS) {
    throw new RangeError(`master PIN index ${masterIndex} is outside 0..${MASTER_PIN_SLOTS - 1}`);
  }
  return MASTER_PIN_FIRST_POSITION + masterIndex;
}

/** Positions a PIN transfer may write: not the zero PIN, not a master PIN. */
export function isTransferablePosition(position: number): boolean {
  return Number.isInteger(position) && position > ZERO_PIN_POSITION && position < MASTER_PIN_FIRST_POSITION;
}

function checkSegment(segment: number): void {
  if (!Number.isInteger(segment) || segment < 0 || segment >= SEGMENT_COUNT) {
    throw new RangeError(`segment ${segment} does not exist; the tag has segments 0..${SEGMENT_COUNT - 1}`);
  }
}
