// VHL group (0x01) entries used for wireless-memory tags (docs/wireless-memory.md, "Over BRP").
// Layouts, codes and timeouts follow the BALTECH reference (refman/cmds/vhl): VHL.Select selects
// the tag in the field, VHL.ResolveFilename finds the VHL file the reader configuration provides
// for it, VHL.Read and VHL.Write move bytes at a byte address of that file. Requests may carry
// counter-mode register values (E_PIN(RBPCTR), commit blocks), so describeRequest reports
// addresses and lengths only.

import { asciiBytes, bytesToText } from '../../bytes.ts';
import { defineCommand, EMPTY } from '../command.ts';
import { VHL_STATUS } from '../status.ts';

export { VHL_STATUS };

/**
 * The name ReaderDesk resolves (VHL.ResolveFilename) to find the VHL file that describes a
 * wireless-memory tag: VhlCfg/File/Filename (0x03nn/0x00) of the reader configuration.
 */
export const WIRELESS_MEMORY_VHL_FILE = 'WirelessMemory';

/** VhlCfg (MasterKey 0x03): SubKey 0x03nn describes VHL file id nn; Filename is its value 0x00. */
export const VHL_CFG_FILE_KEY_FIRST = 0x0300;
export const VHL_CFG_FILE_KEY_LAST = 0x03fb;
export const VHL_CFG_FILENAME_VALUE = 0x00;

/** CardFamiliesFilter bits of VHL.Select (SDK CardFamilies); bit 1 (0x0002) and 0xF000 are unused. */
export const CARD_FAMILIES = {
  Iso14443A: 0x0001,
  Iso15693: 0x0004,
  Iso14443B: 0x0008,
  IClassIso14B: 0x0010,
  IClass: 0x0020,
  Felica: 0x0040,
  Khz125Part1: 0x0080,
  Srix: 0x0100,
  Khz125Part2: 0x0200,
  BluetoothMce: 0x0400,
  LEGICPrime: 0x0800,
} as const;

/** Every card family: the wireless memory has no family of its own, so hosts scan them all. */
export const CARD_FAMILIES_ALL = Object.values(CARD_FAMILIES).reduce((a, b) => a | b, 0);

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

/** The id of the VHL file whose VhlCfg/File/Filename equals the name exactly; VHL.ErrConfig unless exactly one does. */
export const VHLResolveFilename = defineCommand<{ fileName: string }, { id: number }>({
  name: 'VHL.ResolveFilename',
  code: 0x0110,
  timeoutMs: 100,
  request: {
    encode: (v, w) => w.lenBytes8(asciiBytes(v.fileName), 'FileName'),
    decode: (r) => ({ fileName: bytesToText(r.lenBytes8('FileName')) }),
  },
  response: { encode: (v, w) => w.u8(v.id, 'Id'), decode: (r) => ({ id: r.u8('Id') }) },
  describeRequest: (req) => `"${req.fileName}"`,
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

/** Refusals that are a failed or missing proof of a PIN: a reader reports them as an authentication error. */
const AUTH_REFUSALS: ReadonlySet<WirelessMemoryRefusal> = new Set(['wrong-pin', 'dos-mismatch', 'pin-required']);

/**
 * The status a reader answers for a refusal: only codes the SDK defines. A missing tag is
 * VHL.ErrNoTag, a failed or missing PIN proof VHL.ErrAuth, every other rule VHL.ErrRead or
 * VHL.ErrWrite by the kind of access; the host finds out which rule applied (electron/host/tags).
 */
export function refusalStatus(reason: WirelessMemoryRefusal, access: 'read' | 'write'): number {
  if (reason === 'no-tag') return VHL_STATUS.ErrNoTag;
  if (AUTH_REFUSALS.has(reason)) return VHL_STATUS.ErrAuth;
  return access === 'read' ? VHL_STATUS.ErrRead : VHL_STATUS.ErrWrite;
}
