// Configuration operations <-> TLV blocks (spec §4). The packing copies the reference exactly,
// including the missing FF after the last record, because the resulting bytes are MACed and
// must match files produced elsewhere. Values longer than 111 bytes are refused instead of
// reproducing the reference's empty-block bug, which would hide the whole configuration.

import { bytesEqual, concatBytes, toHex } from '../bytes.ts';
import { Bec2FormatError, Bec2InputError } from './errors.ts';

/**
 * One configuration change. `value: null` deletes the whole key (content is ignored);
 * `content: null` deletes one value; otherwise the value is set (content may be empty).
 */
export interface ConfigOp {
  key: number;
  value: number | null;
  content: Uint8Array | null;
}

export const MAX_TLV_BLOCK_LENGTH = 117;
/** 117 minus the record header (3), value id and length (2) and the closing FF (1). */
export const MAX_VALUE_CONTENT_LENGTH = 111;

const REC_VALUES = 0x01;
const REC_DELETE_KEY = 0x02;
const END_OF_VALUES = 0xff;
const DELETE_MARK = 0xff;

export function configOpId(op: Pick<ConfigOp, 'key' | 'value'>): string {
  const k = op.key.toString(16).toUpperCase().padStart(4, '0');
  return op.value === null ? `${k}/--` : `${k}/${op.value.toString(16).toUpperCase().padStart(2, '0')}`;
}

function isDelete(op: ConfigOp): boolean {
  return op.value === null || op.content === null;
}

/** Deletes first, then sets; each group by key, then value (a delete-key before a delete-value of the same key). */
export function sortConfigOps(config: readonly ConfigOp[]): ConfigOp[] {
  const byKeyValue = (a: ConfigOp, b: ConfigOp) => a.key - b.key || (a.value ?? -1) - (b.value ?? -1);
  return [...config.filter(isDelete).sort(byKeyValue), ...config.filter((op) => !isDelete(op)).sort(byKeyValue)];
}

function validate(config: readonly ConfigOp[]): void {
  const seen = new Set<string>();
  for (const op of config) {
    if (!Number.isInteger(op.key) || op.key < 0 || op.key > 0xffff) {
      throw new Bec2InputError(`configuration key ${op.key} is out of range; keys are 16-bit (0000..FFFF)`);
    }
    if (op.value !== null && (!Number.isInteger(op.value) || op.value < 0 || op.value > 0xfe)) {
      throw new Bec2InputError(`value id ${op.value} of key ${configOpId({ key: op.key, value: null })} is out of range; use 00..FE (FF is the terminator)`);
    }
    const id = configOpId(op);
    if (seen.has(id)) throw new Bec2InputError(`the configuration lists ${id} more than once; keep one entry per value`);
    seen.add(id);
    if (op.value !== null && op.content !== null && op.content.length > MAX_VALUE_CONTENT_LENGTH) {
      throw new Bec2InputError(
        `value ${id} has ${op.content.length} bytes, but a BEC2 configuration value holds at most ${MAX_VALUE_CONTENT_LENGTH}; shorten it or split it over several values`,
      );
    }
  }
}

interface Part {
  preface: Uint8Array;
  data: Uint8Array;
  postface: Uint8Array;
}

function toPart(op: ConfigOp): Part {
  const keyBytes = [op.key >>> 8, op.key & 0xff];
  if (op.value === null) {
    return { preface: Uint8Array.of(REC_DELETE_KEY, ...keyBytes), data: new Uint8Array(0), postface: new Uint8Array(0) };
  }
  const data =
    op.content === null
      ? Uint8Array.of(op.value, DELETE_MARK)
      : concatBytes(Uint8Array.of(op.value, op.content.length), op.content);
  return { preface: Uint8Array.of(REC_VALUES, ...keyBytes), data, postface: Uint8Array.of(END_OF_VALUES) };
}

export function encodeConfigBlocks(config: readonly ConfigOp[]): Uint8Array[] {
  validate(config);
  const blocks: Uint8Array[][] = [[]];
  const length = (b: Uint8Array[]) => b.reduce((n, p) => n + p.length, 0);
  let openPreface: Uint8Array = new Uint8Array(0);
  let openPostface: Uint8Array = new Uint8Array(0);
  for (const { preface, data, postface } of sortConfigOps(config).map(toPart)) {
    const current = blocks[blocks.length - 1]!;
    // Like the reference, the size check assumes a new record even when the part would merge.
    const probe = length(current) + openPostface.length + preface.length + data.length + postface.length;
    if (probe > MAX_TLV_BLOCK_LENGTH) {
      current.push(openPostface);
      blocks.push([preface, data]);
      openPreface = preface;
      openPostface = postface;
    } else if (bytesEqual(preface, openPreface) && bytesEqual(postface, openPostface)) {
      current.push(data);
    } else {
      current.push(openPostface, preface, data);
      openPreface = preface;
      openPostface = postface;
    }
  }
  // The open record of the last block stays unterminated, as in the reference.
  return blocks.map((parts) => concatBytes(...parts)).filter((b) => b.length > 0);
}

/** The configuration component payload: each block with a length byte, then a 00 terminator. */
export function encodeConfigPayload(blocks: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const b of blocks) {
    if (b.length === 0 || b.length > 0xff) throw new Bec2InputError(`a TLV block must have 1..255 bytes, not ${b.length}`);
    parts.push(Uint8Array.of(b.length), b);
  }
  return concatBytes(...parts, Uint8Array.of(0));
}

export function decodeConfigPayload(payload: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  let pos = 0;
  for (;;) {
    if (pos >= payload.length) throw new Bec2FormatError('config', 'the configuration data ends without its 00 terminator');
    const n = payload[pos++]!;
    if (n === 0) break;
    if (pos + n > payload.length) throw new Bec2FormatError('config', `configuration block ${blocks.length + 1} is truncated`);
    blocks.push(payload.slice(pos, pos + n));
    pos += n;
  }
  if (pos !== payload.length) {
    throw new Bec2FormatError('config', `${payload.length - pos} bytes follow the end of the configuration data`);
  }
  return blocks;
}

/** Parses blocks back into operations in stream order. A record may end at the block's end without FF. */
export function decodeConfigBlocks(blocks: readonly Uint8Array[]): ConfigOp[] {
  const ops: ConfigOp[] = [];
  blocks.forEach((block, blockIndex) => {
    const fail = (what: string): never => {
      throw new Bec2FormatError('config', `configuration block ${blockIndex + 1} is malformed: ${what}`);
    };
    let pos = 0;
    while (pos < block.length) {
      const type = block[pos]!;
      if (pos + 3 > block.length) fail('a record header is cut off');
      const key = (block[pos + 1]! << 8) | block[pos + 2]!;
      pos += 3;
      if (type === REC_DELETE_KEY) {
        ops.push({ key, value: null, content: null });
        continue;
      }
      if (type !== REC_VALUES) fail(`record type ${toHex(Uint8Array.of(type))} is unknown (expected 01 or 02)`);
      while (pos < block.length) {
        const value = block[pos++]!;
        if (value === END_OF_VALUES) break;
        if (pos >= block.length) fail(`value ${configOpId({ key, value })} has no length byte`);
        const len = block[pos++]!;
        if (len === DELETE_MARK) {
          ops.push({ key, value, content: null });
          continue;
        }
        if (pos + len > block.length) fail(`value ${configOpId({ key, value })} is cut off`);
        ops.push({ key, value, content: block.slice(pos, pos + len) });
        pos += len;
      }
    }
  });
  return ops;
}
