// The door file as JSON. Writing follows the seed's field names (primeCred, prCrTyp, scndCr,
// scndCrTyp, with the string "null" for a missing secondary); reading also takes Allegion's
// primeCr spelling, string or number values, and the db.usrRcrd.add wrapper of its JSON pages.

import { z } from 'zod';
import type { BuiltDoorFile, BuiltRecord } from './build.ts';
import { parseJsonText } from '../jsonText.ts';

export type PrimaryFieldName = 'primeCred' | 'primeCr';
export const DOOR_FILE_FORMAT = 'readerdesk-door-file';
export const DOOR_FILE_VERSION = 1;

export interface DoorJsonOptions {
  primaryField?: PrimaryFieldName;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0').toUpperCase());

/** Table-driven: the general toHex costs seconds over a million records. */
function blockHex(block: Uint8Array): string {
  let s = '';
  for (let i = 0; i < block.length; i++) s += HEX[block[i]!]!;
  return s;
}

/**
 * Written field by field rather than with JSON.stringify, which is the slowest step for a
 * million records; every value is a number or a string from a closed alphabet (hex, digits,
 * type tokens), so nothing needs escaping.
 */
function recordJson(r: BuiltRecord, primaryField: PrimaryFieldName): string {
  const u = r.user;
  const scndCr = r.scndCr ? blockHex(r.scndCr) : 'null';
  const scndCrTyp = u.secondary ? u.secondary.type : 'null';
  const crSch = u.schedule === 0 ? '[]' : `[${u.schedule}]`;
  return (
    `{"usrID":${u.userId},"${primaryField}":"${blockHex(r.primeCred)}","prCrTyp":"${u.primary.type}",` +
    `"scndCr":"${scndCr}","scndCrTyp":"${scndCrTyp}","active":${u.active ? 1 : 0},"attribute":${u.attribute},` +
    `"actDtTm":"${u.activation}","expDtTm":"${u.expiration}","crSch":${crSch}}`
  );
}

/**
 * The file in pieces, one user per line, so that a million users can be written without
 * building one string of several hundred megabytes.
 */
export function* doorJsonChunks(file: BuiltDoorFile, options: DoorJsonOptions = {}): Generator<string> {
  const field = options.primaryField ?? 'primeCred';
  yield `{"format":"${DOOR_FILE_FORMAT}","version":${DOOR_FILE_VERSION},"userCount":${file.records.length},"users":[`;
  for (let i = 0; i < file.records.length; i++) yield (i === 0 ? '\n' : ',\n') + recordJson(file.records[i]!, field);
  yield '\n]}\n';
}

export function renderDoorJson(file: BuiltDoorFile, options: DoorJsonOptions = {}): string {
  return [...doorJsonChunks(file, options)].join('');
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
  if (!parsed.ok) throw new Error(`The door file is not valid JSON${parsed.where}; check that it was copied completely and that --in names the door file, not the key file.`);
  const raw = parsed.value;
  const top = fileSchema.safeParse(raw);
  if (!top.success) throw new Error('The door file has neither a "users" list nor a "db.usrRcrd.add" list; it does not look like a door file.');
  const list: unknown[] = 'users' in top.data ? (top.data.users as unknown[]) : top.data.db.usrRcrd.add;
  return list.map((item, i) => {
    const position = i + 1;
    const e = entrySchema.safeParse(item);
    if (!e.success) throw new Error(`Door-file record ${position} is malformed (${e.error.issues[0]?.message ?? 'unknown problem'}); regenerate the file.`);
    const primeCred = e.data.primeCred ?? e.data.primeCr;
    if (primeCred === undefined) throw new Error(`Door-file record ${position} has neither "primeCred" nor "primeCr"; every record needs its primary credential.`);
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
