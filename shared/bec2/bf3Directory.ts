// The BF3 directory and component payloads: the part shared by .bf3 and .bec2 images.
// Every entry and every payload carries a CBC-MAC under the session key (16 zero bytes for a
// plain .bf3); components whose description says ENC=02 are AES-CBC encrypted with it.

import { aesCbcDecrypt, aesCbcEncrypt } from '../crypto/aes.ts';
import { cbcMac } from '../crypto/cbcMac.ts';
import { bytesEqual, concatBytes, readU32be, toHex, u32be } from '../bytes.ts';
import { Bec2FormatError, Bec2InputError } from './errors.ts';

/** Description tags (spec §3.4). The container treats all of them as opaque bytes. */
export const DescTag = {
  FMT: 0xc1,
  ENC: 0xc2,
  TYPE: 0xc3,
  HWCID: 0xc4,
  REBOOT: 0xc5,
  INTF: 0xc6,
  CRC: 0xc7,
  FWVER: 0xc8,
  PFID2: 0xc9,
} as const;

export const ENC_SESSION_KEY = 0x02;

export interface DescriptionTag {
  tag: number;
  value: Uint8Array;
}

/** A component as the caller sees it: `data` is always the plaintext. */
export interface Bf3Component {
  /** In file order; the writer keeps the order given. */
  description: DescriptionTag[];
  data: Uint8Array;
}

/** A directory entry as stored, before any MAC has been checked. */
export interface Bf3Entry {
  /** 1-based position; it is the IV of the entry MAC. */
  index: number;
  address: number;
  totalLength: number;
  payloadLength: number;
  payloadMac: Uint8Array;
  description: DescriptionTag[];
  /** The entry bytes the entry MAC covers (everything but the MAC itself). */
  macedBytes: Uint8Array;
  entryMac: Uint8Array;
}

const ENTRY_FIXED = 4 + 4 + 4 + 16 + 1 + 16;

export function descriptionValue(description: readonly DescriptionTag[], tag: number): Uint8Array | undefined {
  return description.find((d) => d.tag === tag)?.value;
}

export function isEncryptedBySessionKey(description: readonly DescriptionTag[]): boolean {
  const enc = descriptionValue(description, DescTag.ENC);
  return enc !== undefined && enc.length === 1 && enc[0] === ENC_SESSION_KEY;
}

export function entryMacIv(index: number): Uint8Array {
  const iv = new Uint8Array(16);
  iv.set(u32be(index), 12);
  return iv;
}

/**
 * Encodes directory + payloads. `headerLength` is the number of bytes in front of the
 * directory (5 for "BF3\0\0", the auth-block header for BEC2): addresses are absolute.
 */
export function encodeBf3Body(components: readonly Bf3Component[], sessionKey: Uint8Array, headerLength: number): Uint8Array {
  const stored = components.map((c, i) => storedPayload(c, sessionKey, i + 1));
  const descs = components.map((c, i) => encodeDescription(c.description, i + 1));
  let dirSize = 1;
  for (const d of descs) dirSize += 1 + ENTRY_FIXED + d.length;
  let address = headerLength + 4 + dirSize;
  const parts: Uint8Array[] = [u32be(dirSize)];
  stored.forEach((s, i) => {
    const maced = concatBytes(
      u32be(address),
      u32be(s.bytes.length),
      u32be(s.payloadLength),
      cbcMac(sessionKey, s.bytes),
      Uint8Array.of(descs[i]!.length),
      descs[i]!,
    );
    const entry = concatBytes(maced, cbcMac(sessionKey, maced, entryMacIv(i + 1)));
    parts.push(Uint8Array.of(entry.length), entry);
    address += s.bytes.length;
  });
  parts.push(Uint8Array.of(0), ...stored.map((s) => s.bytes));
  return concatBytes(...parts);
}

function storedPayload(c: Bf3Component, sessionKey: Uint8Array, index: number): { bytes: Uint8Array; payloadLength: number } {
  if (c.data.length === 0) {
    throw new Bec2InputError(`component ${index} is empty; the format cannot authenticate an empty payload, so leave it out`);
  }
  if (!isEncryptedBySessionKey(c.description)) return { bytes: c.data, payloadLength: c.data.length };
  const padded = new Uint8Array(Math.ceil(c.data.length / 16) * 16);
  padded.set(c.data);
  const bytes = aesCbcEncrypt(sessionKey, padded);
  padded.fill(0);
  return { bytes, payloadLength: c.data.length };
}

function encodeDescription(description: readonly DescriptionTag[], index: number): Uint8Array {
  const seen = new Set<number>();
  const parts: Uint8Array[] = [];
  for (const { tag, value } of description) {
    if (!Number.isInteger(tag) || tag < 0 || tag > 0xff) {
      throw new Bec2InputError(`component ${index} has description tag ${tag}; tags are single bytes (0..255)`);
    }
    if (seen.has(tag)) throw new Bec2InputError(`component ${index} lists description tag ${hexByte(tag)} twice; keep one`);
    if (value.length > 0xff) {
      throw new Bec2InputError(`description tag ${hexByte(tag)} of component ${index} has ${value.length} bytes; at most 255 fit`);
    }
    seen.add(tag);
    parts.push(Uint8Array.of(tag, value.length), value);
  }
  const out = concatBytes(...parts);
  if (out.length > 0xff - ENTRY_FIXED) {
    throw new Bec2InputError(
      `the description of component ${index} takes ${out.length} bytes; a directory entry leaves room for ${0xff - ENTRY_FIXED}`,
    );
  }
  return out;
}

/** Reads the directory at `offset` and checks its structure; MACs are checked by openBf3Components. */
export function parseBf3Directory(binary: Uint8Array, offset: number): Bf3Entry[] {
  const fail = (what: string): never => {
    throw new Bec2FormatError('format', `the BF3 directory is damaged: ${what}`);
  };
  if (offset + 4 > binary.length) fail('the file ends before the directory size');
  const dirSize = readU32be(binary, offset);
  const dirStart = offset + 4;
  const dirEnd = dirStart + dirSize;
  if (dirEnd > binary.length) fail(`it claims ${dirSize} bytes but the file ends after ${binary.length - dirStart}`);
  const entries: Bf3Entry[] = [];
  let pos = dirStart;
  let expectedAddress = dirEnd;
  for (;;) {
    if (pos >= dirEnd) fail('the terminating 00 byte is missing');
    const entryLength = binary[pos++]!;
    if (entryLength === 0) break;
    const index = entries.length + 1;
    if (pos + entryLength > dirEnd) fail(`entry ${index} runs past the end of the directory`);
    if (entryLength < ENTRY_FIXED) fail(`entry ${index} has ${entryLength} bytes, fewer than the ${ENTRY_FIXED} every entry needs`);
    const e = binary.subarray(pos, pos + entryLength);
    const descLength = e[28]!;
    if (ENTRY_FIXED + descLength !== entryLength) fail(`entry ${index}: its description length does not match its size`);
    const address = readU32be(e, 0);
    const totalLength = readU32be(e, 4);
    const payloadLength = readU32be(e, 8);
    if (address !== expectedAddress) {
      fail(`component ${index} starts at ${address}, but the previous data ends at ${expectedAddress}`);
    }
    if (payloadLength > totalLength) fail(`component ${index} claims ${payloadLength} meaningful bytes of ${totalLength} stored`);
    if (totalLength === 0) fail(`component ${index} is empty`);
    entries.push({
      index,
      address,
      totalLength,
      payloadLength,
      payloadMac: e.slice(12, 28),
      description: parseDescription(e.subarray(29, 29 + descLength), index),
      macedBytes: e.slice(0, 29 + descLength),
      entryMac: e.slice(29 + descLength),
    });
    expectedAddress = address + totalLength;
    pos += entryLength;
  }
  if (pos !== dirEnd) fail(`${dirEnd - pos} bytes follow the terminating 00 inside the directory`);
  if (expectedAddress !== binary.length) {
    fail(
      expectedAddress > binary.length
        ? `the last component ends at ${expectedAddress}, after the end of the file (${binary.length})`
        : `${binary.length - expectedAddress} unexpected bytes follow the last component`,
    );
  }
  return entries;
}

function parseDescription(bytes: Uint8Array, index: number): DescriptionTag[] {
  const out: DescriptionTag[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (pos + 2 > bytes.length || pos + 2 + bytes[pos + 1]! > bytes.length) {
      throw new Bec2FormatError('format', `the description of component ${index} is truncated`);
    }
    const tag = bytes[pos]!;
    if (out.some((d) => d.tag === tag)) {
      throw new Bec2FormatError('format', `component ${index} lists description tag ${hexByte(tag)} twice`);
    }
    out.push({ tag, value: bytes.slice(pos + 2, pos + 2 + bytes[pos + 1]!) });
    pos += 2 + bytes[pos + 1]!;
  }
  return out;
}

/** Verifies every MAC with `sessionKey` and returns the components, decrypted where needed. */
export function openBf3Components(binary: Uint8Array, entries: readonly Bf3Entry[], sessionKey: Uint8Array): Bf3Component[] {
  return entries.map((e) => {
    if (!bytesEqual(cbcMac(sessionKey, e.macedBytes, entryMacIv(e.index)), e.entryMac)) {
      throw new Bec2FormatError('mac', `the MAC of directory entry ${e.index} is wrong: the file was altered or uses another session key`);
    }
    const stored = binary.subarray(e.address, e.address + e.totalLength);
    if (!bytesEqual(cbcMac(sessionKey, stored), e.payloadMac)) {
      throw new Bec2FormatError('mac', `the MAC of component ${e.index}'s data is wrong: the file was altered or uses another session key`);
    }
    if (!isEncryptedBySessionKey(e.description)) {
      return { description: e.description, data: stored.slice(0, e.payloadLength) };
    }
    if (e.totalLength % 16 !== 0) {
      throw new Bec2FormatError('format', `component ${e.index} is marked encrypted but its ${e.totalLength} bytes are not whole AES blocks`);
    }
    // No zero-stripping here: the explicit payload length says where the data ends.
    const plain = aesCbcDecrypt(sessionKey, stored);
    const data = plain.slice(0, e.payloadLength);
    plain.fill(0);
    return { description: e.description, data };
  });
}

function hexByte(b: number): string {
  return toHex(Uint8Array.of(b));
}
