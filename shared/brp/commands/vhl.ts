// VHL group (0x01) entries used for wireless-memory tags (docs/wireless-memory.md, "Over BRP").
// Layouts, codes and timeouts follow the BALTECH reference (refman/cmds/vhl): VHL.Select selects
// the tag in the field, VHL.Read and VHL.Write move bytes at a byte address of the tag memory.
// Requests may carry counter-mode register values (E_PIN(RBPCTR), commit blocks), so
// describeRequest reports addresses and lengths only.

import { defineCommand, EMPTY } from '../command.ts';

/**
 * VHL file ID of a dynamic VHL file (VHL.Setup). For a wireless-memory tag, ReaderDesk uses it to
 * mean "the tag memory, byte-addressed as in docs/wireless-memory.md".
 */
export const VHL_TAG_MEMORY_FILE = 0xff;

/** CardFamiliesFilter bits of VHL.Select (bit mask, 16 bits); the wireless memory answers to any. */
export const CARD_FAMILIES_ALL = 0x0fff;

export interface VhlSelectRequest {
  cardFamiliesFilter: number;
  reselect: boolean;
  acceptConfCard: boolean;
}

/** Selects the next tag in the field; only a selected tag answers VHL.Read and VHL.Write. */
export const VHLSelect = defineCommand<VhlSelectRequest, { selectedCardType: number }>({
  name: 'VHL.Select',
  code: 0x0100,
  timeoutMs: 3000,
  request: {
    encode: (v, w) => w.u16(v.cardFamiliesFilter, 'CardFamiliesFilter').bool(v.reselect).bool(v.acceptConfCard),
    decode: (r) => ({ cardFamiliesFilter: r.u16('CardFamiliesFilter'), reselect: r.bool('Reselect'), acceptConfCard: r.bool('AcceptConfCard') }),
  },
  response: { encode: (v, w) => w.u8(v.selectedCardType, 'SelectedCardType'), decode: (r) => ({ selectedCardType: r.u8('SelectedCardType') }) },
  describeRequest: (req) => `card families 0x${req.cardFamiliesFilter.toString(16).padStart(4, '0')}${req.reselect ? ', reselect' : ''}`,
});

export interface VhlReadRequest {
  id: number;
  adr: number;
  len: number;
}

/** The reference page gives no separate timeout for VHL.Read; it is taken as VHL.Write's 3000 ms. */
export const VHLRead = defineCommand<VhlReadRequest, { data: Uint8Array }>({
  name: 'VHL.Read',
  code: 0x0102,
  timeoutMs: 3000,
  request: {
    encode: (v, w) => w.u8(v.id, 'Id').u16(v.adr, 'Adr').u16(v.len, 'Len'),
    decode: (r) => ({ id: r.u8('Id'), adr: r.u16('Adr'), len: r.u16('Len') }),
  },
  response: { encode: (v, w) => w.bytes(v.data, 'Data'), decode: (r) => ({ data: r.rest() }) },
  describeRequest: (req) => `${req.len} bytes at 0x${req.adr.toString(16).padStart(4, '0')} of VHL file 0x${req.id.toString(16)}`,
});

export interface VhlWriteRequest {
  id: number;
  adr: number;
  data: Uint8Array;
}

export const VHLWrite = defineCommand<VhlWriteRequest, void>({
  name: 'VHL.Write',
  code: 0x0103,
  timeoutMs: 3000,
  request: {
    encode: (v, w) => w.u8(v.id, 'Id').u16(v.adr, 'Adr').lenBytes16(v.data, 'Data'),
    decode: (r) => ({ id: r.u8('Id'), adr: r.u16('Adr'), data: r.lenBytes16('Data') }),
  },
  response: EMPTY,
  // Never the data: it may be a PIN proof or a commit block.
  describeRequest: (req) => `${req.data.length} bytes at 0x${req.adr.toString(16).padStart(4, '0')} of VHL file 0x${req.id.toString(16)}`,
});

/** Checks that the tag selected last is still in the field. */
export const VHLIsSelected = defineCommand<void, void>({
  name: 'VHL.IsSelected',
  code: 0x0104,
  timeoutMs: 3000,
  request: EMPTY,
  response: EMPTY,
});

/**
 * Status codes of the VHL group. 0x01..0x0D are documented by BALTECH; 0x20..0x29 are ReaderDesk
 * simulator codes that say which wireless-memory rule the tag applied (a real reader reports those
 * refusals as VHL.ErrRead or VHL.ErrWrite, which the host explains in general terms).
 */
export const VHL_STATUS = {
  ErrNoTag: 0x01,
  ErrCardNotSelected: 0x02,
  ErrHf: 0x03,
  ErrConfig: 0x04,
  ErrAuth: 0x05,
  ErrRead: 0x06,
  ErrWrite: 0x07,
  SimErrUsageFlagSet: 0x20,
  SimErrDosMismatch: 0x21,
  SimErrPinRequired: 0x22,
  SimErrSegmentNotReadable: 0x23,
  SimErrSegmentNotWritable: 0x24,
  SimErrEditLocked: 0x25,
  SimErrCrossesUnit: 0x26,
  SimErrCounterNotNext: 0x27,
  SimErrNotReadable: 0x28,
  SimErrBadAddress: 0x29,
} as const;

/** Every reason a wireless-memory tag gives for a refusal; the tag itself (simulator/tag) uses this type. */
export type WirelessMemoryRefusal =
  | 'usage-flag-set'
  | 'dos-mismatch'
  | 'wrong-pin'
  | 'pin-required'
  | 'segment-not-readable'
  | 'segment-not-writable'
  | 'edit-locked'
  | 'crosses-unit'
  | 'counter-not-next'
  | 'not-readable'
  | 'no-tag'
  | 'bad-address';

/** The status a reader answers for each refusal: documented codes where one fits, else a simulator code. */
export const REFUSAL_STATUS: Readonly<Record<WirelessMemoryRefusal, number>> = {
  'no-tag': VHL_STATUS.ErrNoTag,
  'wrong-pin': VHL_STATUS.ErrAuth,
  'usage-flag-set': VHL_STATUS.SimErrUsageFlagSet,
  'dos-mismatch': VHL_STATUS.SimErrDosMismatch,
  'pin-required': VHL_STATUS.SimErrPinRequired,
  'segment-not-readable': VHL_STATUS.SimErrSegmentNotReadable,
  'segment-not-writable': VHL_STATUS.SimErrSegmentNotWritable,
  'edit-locked': VHL_STATUS.SimErrEditLocked,
  'crosses-unit': VHL_STATUS.SimErrCrossesUnit,
  'counter-not-next': VHL_STATUS.SimErrCounterNotNext,
  'not-readable': VHL_STATUS.SimErrNotReadable,
  'bad-address': VHL_STATUS.SimErrBadAddress,
};

/** The refusal a status stands for, or undefined for codes that name no single rule (ErrRead, ErrHf, ...). */
export function refusalOfStatus(status: number): WirelessMemoryRefusal | undefined {
  for (const [reason, code] of Object.entries(REFUSAL_STATUS)) if (code === status) return reason as WirelessMemoryRefusal;
  return undefined;
}
