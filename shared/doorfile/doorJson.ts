// The door file as JSON. Writing follows the seed's field names (primeCred, prCrTyp, scndCr,
// scndCrTyp, with the string "null" for a missing secondary); reading also takes Allegion's
// primeCr spelling, string or number values, and the db.usrRcrd.add wrapper of its JSON pages.

import { z } from 'zod';
import type { BuiltDoorFile } from './build.ts';
import { CREDENTIAL_BYTES } from './credential.ts';
import { CREDENTIAL_TYPE_CODES } from './userTable.ts';
import { parseJsonText } from '../jsonText.ts';
import { HostError } from '../errors/hostError.ts';

export type PrimaryFieldName = 'primeCred' | 'primeCr';
export const DOOR_FILE_FORMAT = 'readerdesk-door-file';
export const DOOR_FILE_VERSION = 1;

export interface DoorJsonOptions {
  primaryField?: PrimaryFieldName;
}

const encoder = new TextEncoder();
const ascii = (text: string) => encoder.encode(text);

/** The two ASCII digits of every byte value in upper-case hex. */
const HEX_DIGITS = ascii(Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0').toUpperCase()).join(''));
const TYPE_TOKENS = { card: ascii('card'), pin: ascii('pin'), null: ascii('null') };

/** The file is written in pieces of this size, so a million users never become one giant string. */
const CHUNK_BYTES = 1 << 20;
/** More than the longest record (about 300 bytes): a record always fits once this much is free. */
const RECORD_ROOM = 1024;

// Plain functions over (buffer, position) that return the next position: V8 inlines them into
// the record loop, which writes bytes without building a string per record.

function put(buf: Uint8Array, pos: number, piece: Uint8Array): number {
  for (let k = 0; k < piece.length; k++) buf[pos + k] = piece[k]!;
  return pos + piece.length;
}

/** An integer from 0 to 2^31 - 1 as exactly `width` decimal digits (leading zeros kept); integer arithmetic only. */
function putDigits(buf: Uint8Array, pos: number, value: number, width: number): number {
  let v = value | 0;
  for (let k = pos + width - 1; k >= pos; k--) {
    const q = (v / 10) | 0;
    buf[k] = 0x30 + (v - q * 10);
    v = q;
  }
  return pos + width;
}

/** A non-negative integer in decimal. */
function putNumber(buf: Uint8Array, pos: number, value: number): number {
  let width = 1;
  for (let limit = 10; value >= limit; limit *= 10) width++;
  return putDigits(buf, pos, value, width);
}

/** YYYYMMDDHHMMSS held as a number (both halves fit in 31 bits). */
function putDateTime(buf: Uint8Array, pos: number, value: number): number {
  const day = Math.floor(value / 1_000_000);
  return putDigits(buf, putDigits(buf, pos, day, 8), value - day * 1_000_000, 6);
}

function putHexBlock(buf: Uint8Array, pos: number, src: Uint8Array, off: number): number {
  let p = pos;
  for (let k = off; k < off + CREDENTIAL_BYTES; k++) {
    const b = src[k]! * 2;
    buf[p++] = HEX_DIGITS[b]!;
    buf[p++] = HEX_DIGITS[b + 1]!;
  }
  return p;
}

/** The constant parts of a record; every value is a number or comes from a closed alphabet, so nothing needs escaping. */
function recordPieces(field: PrimaryFieldName) {
  return {
    first: ascii('\n{"usrID":'),
    next: ascii(',\n{"usrID":'),
    primeKey: ascii(`,"${field}":"`),
    prCrTyp: ascii('","prCrTyp":"'),
    scndCr: ascii('","scndCr":"'),
    scndCrTyp: ascii('","scndCrTyp":"'),
    active: ascii('","active":'),
    attribute: ascii(',"attribute":'),
    actDtTm: ascii(',"actDtTm":"'),
    expDtTm: ascii('","expDtTm":"'),
    crSch: ascii('","crSch":'),
  };
}

/** Where writing stands: the next user in lock order and the next secondary block. */
interface Cursor {
  k: number;
  s: number;
}

/** Writes records from `at.k` on into `buf` until it is nearly full or all are written; returns the end. */
function putRecords(file: BuiltDoorFile, pieces: ReturnType<typeof recordPieces>, buf: Uint8Array, start: number, at: Cursor): number {
  const { table, primeCreds, secondCreds } = file;
  const n = table.count;
  let pos = start;
  let k = at.k;
  let s = at.s;
  for (; k < n && pos <= CHUNK_BYTES - RECORD_ROOM; k++) {
    pos = put(buf, pos, k === 0 ? pieces.first : pieces.next);
    pos = putNumber(buf, pos, table.userIds[k]!);
    pos = put(buf, pos, pieces.primeKey);
    pos = putHexBlock(buf, pos, primeCreds, k * CREDENTIAL_BYTES);
    pos = put(buf, pos, pieces.prCrTyp);
    pos = put(buf, pos, table.primaryTypes[k] === CREDENTIAL_TYPE_CODES.pin ? TYPE_TOKENS.pin : TYPE_TOKENS.card);
    pos = put(buf, pos, pieces.scndCr);
    const secondType = table.secondaryTypes[k]!;
    pos = secondType === CREDENTIAL_TYPE_CODES.none ? put(buf, pos, TYPE_TOKENS.null) : putHexBlock(buf, pos, secondCreds, s++ * CREDENTIAL_BYTES);
    pos = put(buf, pos, pieces.scndCrTyp);
    pos = put(buf, pos, secondType === CREDENTIAL_TYPE_CODES.none ? TYPE_TOKENS.null : secondType === CREDENTIAL_TYPE_CODES.pin ? TYPE_TOKENS.pin : TYPE_TOKENS.card);
    pos = put(buf, pos, pieces.active);
    pos = putNumber(buf, pos, table.active[k]!);
    pos = put(buf, pos, pieces.attribute);
    pos = putNumber(buf, pos, table.attributes[k]!);
    pos = put(buf, pos, pieces.actDtTm);
    pos = putDateTime(buf, pos, table.activations[k]!);
    pos = put(buf, pos, pieces.expDtTm);
    pos = putDateTime(buf, pos, table.expirations[k]!);
    pos = put(buf, pos, pieces.crSch);
    const schedule = table.schedules[k]!;
    buf[pos++] = 0x5b; // [
    if (schedule !== 0) pos = putNumber(buf, pos, schedule);
    buf[pos++] = 0x5d; // ]
    buf[pos++] = 0x7d; // }
  }
  at.k = k;
  at.s = s;
  return pos;
}

/**
 * The file in byte chunks, one user per line, written straight from the built buffers. The chunks
 * share one buffer: each is valid until the next is asked for (a writer that awaits each write, as
 * writeFileAtomic does, is fine; a caller that keeps chunks must copy them). That keeps the memory
 * of a 200 MB door file at one megabyte instead of leaving dead chunks to the garbage collector.
 */
export function* doorJsonChunks(file: BuiltDoorFile, options: DoorJsonOptions = {}): Generator<Uint8Array> {
  const pieces = recordPieces(options.primaryField ?? 'primeCred');
  const at: Cursor = { k: 0, s: 0 };
  const buf = new Uint8Array(CHUNK_BYTES);
  let pos = put(buf, 0, ascii(`{"format":"${DOOR_FILE_FORMAT}","version":${DOOR_FILE_VERSION},"userCount":${file.count},"users":[`));
  while (at.k < file.count) {
    pos = putRecords(file, pieces, buf, pos, at);
    if (at.k < file.count) {
      yield buf.subarray(0, pos);
      pos = 0;
    }
  }
  pos = put(buf, pos, ascii('\n]}\n'));
  yield buf.subarray(0, pos);
}

export function renderDoorJson(file: BuiltDoorFile, options: DoorJsonOptions = {}): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of doorJsonChunks(file, options)) text += decoder.decode(chunk);
  return text;
}

/** One record as read back, still encrypted. */
export interface DoorEntry {
  /** 1-based position in the file, i.e. in the lock's search order. */
  position: number;
  userId: number | null;
  primeCred: string;
  prCrTyp: string;
  /** Null when the file says "null" or leaves the secondary out. */
  scndCr: string | null;
  scndCrTyp: string;
}

const text = z.union([z.string(), z.number()]).transform(String);
const entrySchema = z.looseObject({
  usrID: text.optional(),
  primeCred: z.string().optional(),
  primeCr: z.string().optional(),
  prCrTyp: text.optional(),
  scndCr: z.string().nullable().optional(),
  scndCrTyp: z.string().nullable().optional(),
});
const fileSchema = z.union([
  z.looseObject({ users: z.array(z.unknown()) }),
  z.looseObject({ db: z.looseObject({ usrRcrd: z.looseObject({ add: z.array(z.unknown()) }) }) }),
]);

export function parseDoorJson(source: string): DoorEntry[] {
  const parsed = parseJsonText(source);
  if (!parsed.ok) throw new HostError('doorjson.not-json', { where: parsed.where });
  const raw = parsed.value;
  const top = fileSchema.safeParse(raw);
  if (!top.success) throw new HostError('doorjson.no-users', {});
  const list: unknown[] = 'users' in top.data ? (top.data.users as unknown[]) : top.data.db.usrRcrd.add;
  return list.map((item, i) => {
    const position = i + 1;
    const e = entrySchema.safeParse(item);
    if (!e.success) throw new HostError('doorjson.bad-record', { position: String(position), problem: e.error.issues[0]?.message ?? 'unknown problem' });
    const primeCred = e.data.primeCred ?? e.data.primeCr;
    if (primeCred === undefined) throw new HostError('doorjson.no-primary', { position: String(position) });
    const scnd = e.data.scndCr;
    const userId = e.data.usrID !== undefined && /^\d+$/.test(e.data.usrID) ? Number(e.data.usrID) : null;
    return {
      position,
      userId,
      primeCred,
      prCrTyp: e.data.prCrTyp ?? 'card',
      scndCr: scnd === undefined || scnd === null || scnd === 'null' ? null : scnd,
      scndCrTyp: e.data.scndCrTyp ?? 'null',
    };
  });
}
