import type { HostText } from '../../errors/hostText.ts';
import type { MethodNames } from '../methodNames.ts';

// Tags slice of the ReaderDesk API: the wireless-memory tag in a connected reader's field
// (docs/wireless-memory.md). PINs and master PINs travel as 32 hex digits in the one call that needs
// them; no result, event or error ever holds one.
// Every method added to TagsApi needs its name in TAGS_METHODS and a schema in
// shared/api/params/tags.ts (the host validates every call before it runs); the type check says which is missing.

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

/** The methods of TagsApi by name; their parameter schemas are in shared/api/params/tags.ts. */
export const TAGS_METHODS = {
  tagInfo: true,
  tagCounter: true,
  tagSetPin: true,
  tagProtect: true,
  tagRead: true,
  tagWrite: true,
} as const satisfies MethodNames<TagsApi>;

export const TAG_SEGMENTS = 16;
export const TAG_SEGMENT_SIZE = 256;
/** Positions a PIN transfer may write: never the zero PIN (0) nor a master PIN (252..255). */
export const TAG_PIN_POSITION_MAX = 251;

export type TagsEvent = never;
