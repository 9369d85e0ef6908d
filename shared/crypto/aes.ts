// AES (FIPS-197) for 128/192/256-bit keys, in plain TypeScript so that the pure layer,
// the simulator and the browser share one implementation. Modes are raw: no padding is
// added or removed here, because the BEC2 format and door files carry their own lengths.

const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
const T0 = new Uint32Array(256), T1 = new Uint32Array(256), T2 = new Uint32Array(256), T3 = new Uint32Array(256);
const D0 = new Uint32Array(256), D1 = new Uint32Array(256), D2 = new Uint32Array(256), D3 = new Uint32Array(256);

(function buildTables() {
  const exp = new Uint8Array(256);
  const log = new Uint8Array(256);
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x ^= (x << 1) ^ (x & 0x80 ? 0x1b : 0);
    x &= 0xff;
  }
  const mul = (a: number, b: number) => (a && b ? exp[(log[a]! + log[b]!) % 255]! : 0);
  for (let i = 0; i < 256; i++) {
    const inv = i === 0 ? 0 : exp[(255 - log[i]!) % 255]!;
    let s = inv;
    let r = inv;
    for (let k = 0; k < 4; k++) {
      r = ((r << 1) | (r >>> 7)) & 0xff;
      s ^= r;
    }
    s ^= 0x63;
    SBOX[i] = s;
    INV_SBOX[s] = i;
  }
  for (let i = 0; i < 256; i++) {
    const s = SBOX[i]!;
    const t = (mul(s, 2) << 24) | (s << 16) | (s << 8) | mul(s, 3);
    T0[i] = t >>> 0;
    T1[i] = ((t >>> 8) | (t << 24)) >>> 0;
    T2[i] = ((t >>> 16) | (t << 16)) >>> 0;
    T3[i] = ((t >>> 24) | (t << 8)) >>> 0;
    const v = INV_SBOX[i]!;
    const d = (mul(v, 14) << 24) | (mul(v, 9) << 16) | (mul(v, 13) << 8) | mul(v, 11);
    D0[i] = d >>> 0;
    D1[i] = ((d >>> 8) | (d << 24)) >>> 0;
    D2[i] = ((d >>> 16) | (d << 16)) >>> 0;
    D3[i] = ((d >>> 24) | (d << 8)) >>> 0;
  }
})();

/** An expanded AES key. Call `dispose()` when done so the schedule does not linger in memory. */
export class AesKey {
  private readonly enc: Uint32Array;
  private readonly dec: Uint32Array;
  readonly rounds: number;

  constructor(key: Uint8Array) {
    if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
      throw new Error(`an AES key has 16, 24 or 32 bytes, not ${key.length}`);
    }
    const nk = key.length / 4;
    this.rounds = nk + 6;
    const total = 4 * (this.rounds + 1);
    const w = new Uint32Array(total);
    for (let i = 0; i < nk; i++) {
      w[i] = ((key[4 * i]! << 24) | (key[4 * i + 1]! << 16) | (key[4 * i + 2]! << 8) | key[4 * i + 3]!) >>> 0;
    }
    let rcon = 1;
    for (let i = nk; i < total; i++) {
      let t = w[i - 1]!;
      if (i % nk === 0) {
        t = ((t << 8) | (t >>> 24)) >>> 0;
        t = subWord(t) ^ (rcon << 24);
        rcon = (rcon << 1) ^ (rcon & 0x80 ? 0x1b : 0);
      } else if (nk > 6 && i % nk === 4) {
        t = subWord(t);
      }
      w[i] = (w[i - nk]! ^ t) >>> 0;
    }
    this.enc = w;
    // Equivalent inverse cipher: reversed round keys with InvMixColumns applied to the middle ones.
    const d = new Uint32Array(total);
    for (let r = 0; r <= this.rounds; r++) {
      for (let c = 0; c < 4; c++) {
        const k = w[(this.rounds - r) * 4 + c]!;
        d[r * 4 + c] =
          r === 0 || r === this.rounds
            ? k
            : (D0[SBOX[k >>> 24]!]! ^ D1[SBOX[(k >>> 16) & 0xff]!]! ^ D2[SBOX[(k >>> 8) & 0xff]!]! ^ D3[SBOX[k & 0xff]!]!) >>> 0;
      }
    }
    this.dec = d;
  }

  encryptBlock(input: Uint8Array, inOff: number, out: Uint8Array, outOff: number): void {
    const k = this.enc;
    let s0 = readWord(input, inOff) ^ k[0]!;
    let s1 = readWord(input, inOff + 4) ^ k[1]!;
    let s2 = readWord(input, inOff + 8) ^ k[2]!;
    let s3 = readWord(input, inOff + 12) ^ k[3]!;
    let ki = 4;
    for (let r = 1; r < this.rounds; r++) {
      const t0 = T0[s0 >>> 24]! ^ T1[(s1 >>> 16) & 0xff]! ^ T2[(s2 >>> 8) & 0xff]! ^ T3[s3 & 0xff]! ^ k[ki]!;
      const t1 = T0[s1 >>> 24]! ^ T1[(s2 >>> 16) & 0xff]! ^ T2[(s3 >>> 8) & 0xff]! ^ T3[s0 & 0xff]! ^ k[ki + 1]!;
      const t2 = T0[s2 >>> 24]! ^ T1[(s3 >>> 16) & 0xff]! ^ T2[(s0 >>> 8) & 0xff]! ^ T3[s1 & 0xff]! ^ k[ki + 2]!;
      const t3 = T0[s3 >>> 24]! ^ T1[(s0 >>> 16) & 0xff]! ^ T2[(s1 >>> 8) & 0xff]! ^ T3[s2 & 0xff]! ^ k[ki + 3]!;
      s0 = t0; s1 = t1; s2 = t2; s3 = t3;
      ki += 4;
    }
    writeWord(out, outOff, lastRound(SBOX, s0, s1, s2, s3) ^ k[ki]!);
    writeWord(out, outOff + 4, lastRound(SBOX, s1, s2, s3, s0) ^ k[ki + 1]!);
    writeWord(out, outOff + 8, lastRound(SBOX, s2, s3, s0, s1) ^ k[ki + 2]!);
    writeWord(out, outOff + 12, lastRound(SBOX, s3, s0, s1, s2) ^ k[ki + 3]!);
  }

  decryptBlock(input: Uint8Array, inOff: number, out: Uint8Array, outOff: number): void {
    const k = this.dec;
    let s0 = readWord(input, inOff) ^ k[0]!;
    let s1 = readWord(input, inOff + 4) ^ k[1]!;
    let s2 = readWord(input, inOff + 8) ^ k[2]!;
    let s3 = readWord(input, inOff + 12) ^ k[3]!;
    let ki = 4;
    for (let r = 1; r < this.rounds; r++) {
      const t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 0xff]! ^ D2[(s2 >>> 8) & 0xff]! ^ D3[s1 & 0xff]! ^ k[ki]!;
      const t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 0xff]! ^ D2[(s3 >>> 8) & 0xff]! ^ D3[s2 & 0xff]! ^ k[ki + 1]!;
      const t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 0xff]! ^ D2[(s0 >>> 8) & 0xff]! ^ D3[s3 & 0xff]! ^ k[ki + 2]!;
      const t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 0xff]! ^ D2[(s1 >>> 8) & 0xff]! ^ D3[s0 & 0xff]! ^ k[ki + 3]!;
      s0 = t0; s1 = t1; s2 = t2; s3 = t3;
      ki += 4;
    }
    writeWord(out, outOff, lastRound(INV_SBOX, s0, s3, s2, s1) ^ k[ki]!);
    writeWord(out, outOff + 4, lastRound(INV_SBOX, s1, s0, s3, s2) ^ k[ki + 1]!);
    writeWord(out, outOff + 8, lastRound(INV_SBOX, s2, s1, s0, s3) ^ k[ki + 2]!);
    writeWord(out, outOff + 12, lastRound(INV_SBOX, s3, s2, s1, s0) ^ k[ki + 3]!);
  }

  dispose(): void {
    this.enc.fill(0);
    this.dec.fill(0);
  }
}

function subWord(w: number): number {
  return ((SBOX[w >>> 24]! << 24) | (SBOX[(w >>> 16) & 0xff]! << 16) | (SBOX[(w >>> 8) & 0xff]! << 8) | SBOX[w & 0xff]!) >>> 0;
}

function lastRound(box: Uint8Array, a: number, b: number, c: number, d: number): number {
  return ((box[a >>> 24]! << 24) | (box[(b >>> 16) & 0xff]! << 16) | (box[(c >>> 8) & 0xff]! << 8) | box[d & 0xff]!) >>> 0;
}

function readWord(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

function writeWord(b: Uint8Array, o: number, w: number): void {
  b[o] = w >>> 24;
  b[o + 1] = (w >>> 16) & 0xff;
  b[o + 2] = (w >>> 8) & 0xff;
  b[o + 3] = w & 0xff;
}

function requireBlocks(data: Uint8Array, what: string): void {
  if (data.length % 16 !== 0) throw new Error(`${what}: ${data.length} bytes is not a whole number of 16-byte blocks`);
}

const ZERO_IV = new Uint8Array(16);

/** AES-CBC without padding; `data` must be a multiple of 16 bytes. */
export function aesCbcEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  requireBlocks(data, 'AES-CBC encrypt');
  const k = new AesKey(key);
  const out = new Uint8Array(data.length);
  const chain = new Uint8Array(iv);
  const block = new Uint8Array(16);
  for (let off = 0; off < data.length; off += 16) {
    for (let i = 0; i < 16; i++) block[i] = data[off + i]! ^ chain[i]!;
    k.encryptBlock(block, 0, out, off);
    chain.set(out.subarray(off, off + 16));
  }
  k.dispose();
  block.fill(0);
  return out;
}

/** AES-CBC decryption without removing anything: callers know their own lengths. */
export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  requireBlocks(data, 'AES-CBC decrypt');
  const k = new AesKey(key);
  const out = new Uint8Array(data.length);
  let prev = new Uint8Array(iv);
  for (let off = 0; off < data.length; off += 16) {
    k.decryptBlock(data, off, out, off);
    for (let i = 0; i < 16; i++) out[off + i]! ^= prev[i]!;
    prev = data.slice(off, off + 16);
  }
  k.dispose();
  return out;
}

/** AES-ECB, one block at a time with the same key (door-file credentials are separate blocks). */
export function aesEcbEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireBlocks(data, 'AES-ECB encrypt');
  const k = new AesKey(key);
  const out = new Uint8Array(data.length);
  for (let off = 0; off < data.length; off += 16) k.encryptBlock(data, off, out, off);
  k.dispose();
  return out;
}

export function aesEcbDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireBlocks(data, 'AES-ECB decrypt');
  const k = new AesKey(key);
  const out = new Uint8Array(data.length);
  for (let off = 0; off < data.length; off += 16) k.decryptBlock(data, off, out, off);
  k.dispose();
  return out;
}
