import { z } from 'zod';
import type { HostText } from '../../errors/hostText.ts';

// Tags slice of the ReaderDesk API: the wireless-memory tag in a connected reader's field
// (docs/wireless-memory.md). PINs and master PINs travel as 32 hex digits in the one call that needs
// them; no result, event or error ever holds one.

export interface TagSegmentView {
  segment: number;
  /** RD: the segment may be read. */
  read: boolean;
  /** RD PIN: reading also needs the PIN at readPinIndex. */
  readPin: boolean;
  readPinIndex: number;
  /** WR: the segment may be written. */
  write: boolean;
  writePin: boolean;
  writePinIndex: number;
  editPinIndex: number;
  /** nE: the protection can never change again. */
  locked: boolean;
}

export type TagInfoResult =
  | { present: false; message: string; text: HostText }
  | {
      present: true;
      layoutVersion: number;
      segmentCount: number;
      segmentSize: number;
      masterPinCount: number;
      /** RBPCTR as a decimal string (64 bits). */
      counter: string;
      usageFlagSet: boolean;
      /** The name as text when it is printable, else null. */
      nameText: string | null;
      nameHex: string;
      segments: TagSegmentView[];
    };

export interface TagSetPinRequest {
  /** 1..251; 0 is the zero PIN and 252..255 are the master PINs. */
  position: number;
  masterIndex: number;
  masterPinHex: string;
  pinHex: string;
}

/** Fields left out stay as the tag holds them. */
export interface TagProtectRequest {
  segment: number;
  /** The PIN at the unit's current edit index (the master PIN 0 on a new tag). */
  editPinHex: string;
  read?: boolean;
  write?: boolean;
  /** A PIN index, or null for "no read PIN". */
  readPinIndex?: number | null;
  writePinIndex?: number | null;
  editPinIndex?: number;
  /** Sets nE: irreversible. */
  lock?: boolean;
}

export interface TagReadRequest {
  segment: number;
  pinHex?: string;
  offset?: number;
  length?: number;
}

export interface TagWriteRequest {
  segment: number;
  pinHex?: string;
  offset?: number;
  dataHex: string;
}

export interface TagsApi {
  tagInfo(readerId: string): Promise<TagInfoResult>;
  tagCounter(readerId: string): Promise<{ previous: string; counter: string }>;
  tagSetPin(readerId: string, request: TagSetPinRequest): Promise<{ position: number; message: string; text: HostText }>;
  tagProtect(readerId: string, request: TagProtectRequest): Promise<{ before: TagSegmentView; after: TagSegmentView; message: string; text: HostText }>;
  tagRead(readerId: string, request: TagReadRequest): Promise<{ segment: number; offset: number; hex: string }>;
  tagWrite(readerId: string, request: TagWriteRequest): Promise<{ segment: number; offset: number; bytes: number; message: string; text: HostText }>;
}

export const TAG_SEGMENTS = 16;
export const TAG_SEGMENT_SIZE = 256;
/** Positions a PIN transfer may write: never the zero PIN (0) nor a master PIN (252..255). */
export const TAG_PIN_POSITION_MAX = 251;

const readerId = z.string().min(1).max(64);
// Regex messages never repeat the value: it is a PIN.
const pinHex = z.string().regex(/^[0-9a-fA-F]{32}$/, 'a PIN is exactly 32 hex digits');
const segment = z.number().int().min(0).max(TAG_SEGMENTS - 1);
const offset = z.number().int().min(0).max(TAG_SEGMENT_SIZE - 1);
const pinIndex = z.number().int().min(0).max(255);

export const TAGS_PARAMS = {
  tagInfo: z.tuple([readerId]),
  tagCounter: z.tuple([readerId]),
  tagSetPin: z.tuple([
    readerId,
    z.strictObject({ position: z.number().int().min(1).max(TAG_PIN_POSITION_MAX), masterIndex: z.number().int().min(0).max(3), masterPinHex: pinHex, pinHex }),
  ]),
  tagProtect: z.tuple([
    readerId,
    z.strictObject({
      segment,
      editPinHex: pinHex,
      read: z.boolean().optional(),
      write: z.boolean().optional(),
      readPinIndex: pinIndex.nullable().optional(),
      writePinIndex: pinIndex.nullable().optional(),
      editPinIndex: pinIndex.optional(),
      lock: z.boolean().optional(),
    }),
  ]),
  tagRead: z.tuple([readerId, z.strictObject({ segment, pinHex: pinHex.optional(), offset: offset.optional(), length: z.number().int().min(1).max(TAG_SEGMENT_SIZE).optional() })]),
  tagWrite: z.tuple([
    readerId,
    z.strictObject({
      segment,
      pinHex: pinHex.optional(),
      offset: offset.optional(),
      dataHex: z.string().regex(/^([0-9a-fA-F]{2}){1,256}$/, 'the data is 1 to 256 whole bytes as hex digits'),
    }),
  ]),
} as const;

export type TagsEvent = never;
