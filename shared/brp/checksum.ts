// Frame checksums of BRP (brp.md 1.4). BCC8 as the XOR of all covered bytes is ReaderDesk's
// reading of a docs section that could not be retrieved (decisions.md, Link); BCC16 is only named.

export type ChecksumKind = 'none' | 'bcc8' | 'crc16' | 'bcc16';

/** The kinds a user can pick for a link (BCC16 is only named, never sent). */
export const LINK_CHECKSUMS = ['none', 'crc16', 'bcc8'] as const satisfies readonly ChecksumKind[];
export type LinkChecksumKind = (typeof LINK_CHECKSUMS)[number];

/** The CheckSumAlgo field value (flag bits 0x30 shifted down) for each kind. */
export const CHECKSUM_ALGO: Readonly<Record<ChecksumKind, number>> = { none: 0, bcc8: 1, crc16: 2, bcc16: 3 };

const KIND_BY_ALGO: readonly ChecksumKind[] = ['none', 'bcc8', 'crc16', 'bcc16'];

export function checksumKindFromFlags(flags: number): ChecksumKind {
  return KIND_BY_ALGO[(flags >> 4) & 0x03]!;
}

/** CRC-16/CCITT-FALSE of every byte value, so a frame costs one lookup per byte instead of eight shifts. */
const CRC16_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    t[i] = c;
  }
  return t;
})();

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, MSB first, no final XOR. The start value is a parameter
 * because the docs allow computing the CRC over split blocks by chaining the previous result.
 */
export function crc16Ccitt(data: Uint8Array, start = 0xffff): number {
  let crc = start & 0xffff;
  for (const b of data) crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[(crc >>> 8) ^ b]!;
  return crc;
}

export function bcc8(data: Uint8Array): number {
  let x = 0;
  for (const b of data) x ^= b;
  return x;
}

export function checksumLength(kind: ChecksumKind): 0 | 1 | 2 {
  switch (kind) {
    case 'none':
      return 0;
    case 'bcc8':
      return 1;
    case 'crc16':
    case 'bcc16':
      return 2;
  }
}

/** Computes the checksum of the covered bytes, or undefined for BCC16, which ReaderDesk cannot compute. */
export function computeChecksum(kind: ChecksumKind, covered: Uint8Array): number | undefined {
  switch (kind) {
    case 'none':
      return 0;
    case 'bcc8':
      return bcc8(covered);
    case 'crc16':
      return crc16Ccitt(covered);
    case 'bcc16':
      return undefined;
  }
}

/** Reads the checksum that trails a frame (16-bit values are sent MSB first). */
export function readChecksum(kind: ChecksumKind, bytes: Uint8Array, offset: number): number {
  const len = checksumLength(kind);
  if (len === 0) return 0;
  if (len === 1) return bytes[offset]!;
  return (bytes[offset]! << 8) | bytes[offset + 1]!;
}

/** Formats a checksum value with as many hex digits as the kind has bytes. */
export function formatChecksum(kind: ChecksumKind, value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(checksumLength(kind) * 2, '0')}`;
}
