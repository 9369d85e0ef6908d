// Byte helpers for the pure layer: Uint8Array only, never Buffer.

// Lookup tables: hex is on every frame of the frame log and every value of a reader's configuration.
const HEX_UPPER = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));
const HEX_LOWER = HEX_UPPER.map((h) => h.toLowerCase());
/** Character code -> nibble value, -1 for anything that is no hex digit. */
const NIBBLE = new Int8Array(128).fill(-1);
for (let c = 0; c < 16; c++) {
  NIBBLE[c.toString(16).charCodeAt(0)] = c;
  NIBBLE[c.toString(16).toUpperCase().charCodeAt(0)] = c;
}

/** One byte (0..255) as two upper-case hex digits. */
export function hexByte(b: number): string {
  return HEX_UPPER[b]!;
}

export function toHex(bytes: Uint8Array, upper = true): string {
  const table = upper ? HEX_UPPER : HEX_LOWER;
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += table[bytes[i]!];
  return s;
}

/** Parses hex, ignoring spaces, and throws a readable error on anything else. */
export function fromHex(hex: string): Uint8Array {
  const clean = /[\s:]/.test(hex) ? hex.replace(/[\s:]/g, '') : hex;
  if (clean.length % 2 !== 0) throw new Error(`hex text has an odd number of digits (${clean.length})`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) {
    const c1 = clean.charCodeAt(2 * i);
    const c2 = clean.charCodeAt(2 * i + 1);
    const hi = c1 < 128 ? NIBBLE[c1]! : -1;
    const lo = c2 < 128 ? NIBBLE[c2]! : -1;
    if (hi < 0 || lo < 0) throw new Error(`hex text contains "${hi < 0 ? clean[2 * i] : clean[2 * i + 1]}", which is not a hex digit`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

export function isHex(text: string): boolean {
  return /^([0-9a-fA-F]{2})*$/.test(text);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function u16be(v: number): Uint8Array {
  return Uint8Array.of((v >>> 8) & 0xff, v & 0xff);
}

export function u32be(v: number): Uint8Array {
  return Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

export function readU16be(b: Uint8Array, off: number): number {
  return ((b[off]! << 8) | b[off + 1]!) >>> 0;
}

export function readU32be(b: Uint8Array, off: number): number {
  return ((b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!) >>> 0;
}

export function asciiBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function bytesToText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** Overwrites key material in place; JavaScript cannot promise more than this. */
export function wipe(bytes: Uint8Array | undefined | null): void {
  if (bytes) bytes.fill(0);
}

/** Random bytes from the platform's CSPRNG (Web Crypto exists in Node 20 and in browsers). */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  // getRandomValues fills at most 64 KiB per call.
  for (let off = 0; off < n; off += 65536) globalThis.crypto.getRandomValues(out.subarray(off, Math.min(n, off + 65536)));
  return out;
}
