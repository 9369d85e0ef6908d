// XXTEA (Wheeler & Needham, "Correction to xtea", 1998) exactly as published: the cipher runs on
// the caller's words, with no length word and no padding. The npm "xxtea" packages add both, so
// they cannot produce the raw 16-byte blocks the wireless memory exchanges (domain.md B.4).

const DELTA = 0x9e3779b9;

function checkArgs(v: Uint32Array, k: Uint32Array): void {
  if (v.length < 2) throw new RangeError(`XXTEA needs at least 2 data words, got ${v.length}`);
  if (k.length !== 4) throw new RangeError(`XXTEA needs a key of 4 words, got ${k.length}`);
}

function mx(sum: number, y: number, z: number, p: number, e: number, k: Uint32Array): number {
  // Every intermediate is folded back to 32 bits by `^`; `>>>` keeps the right shifts logical.
  return ((((z >>> 5) ^ (y << 2)) + ((y >>> 3) ^ (z << 4))) ^ ((sum ^ y) + (k[(p & 3) ^ e]! ^ z))) >>> 0;
}

/** Encrypts n >= 2 words under a 4-word key; returns new words and leaves `v` untouched. */
export function xxteaEncryptWords(v: Uint32Array, k: Uint32Array): Uint32Array {
  checkArgs(v, k);
  const w = Uint32Array.from(v);
  const n = w.length;
  let rounds = 6 + Math.floor(52 / n);
  let sum = 0;
  let z = w[n - 1]!;
  while (rounds-- > 0) {
    sum = (sum + DELTA) >>> 0;
    const e = (sum >>> 2) & 3;
    for (let p = 0; p < n; p++) {
      const y = w[(p + 1) % n]!;
      w[p] = w[p]! + mx(sum, y, z, p, e, k);
      z = w[p]!;
    }
  }
  return w;
}

/** Inverse of xxteaEncryptWords. */
export function xxteaDecryptWords(v: Uint32Array, k: Uint32Array): Uint32Array {
  checkArgs(v, k);
  const w = Uint32Array.from(v);
  const n = w.length;
  const rounds = 6 + Math.floor(52 / n);
  // A plain `*` would lose bits above 2^53; Math.imul wraps like the C code.
  let sum = Math.imul(rounds, DELTA) >>> 0;
  let y = w[0]!;
  while (sum !== 0) {
    const e = (sum >>> 2) & 3;
    for (let p = n - 1; p >= 0; p--) {
      const z = w[(p + n - 1) % n]!;
      w[p] = w[p]! - mx(sum, y, z, p, e, k);
      y = w[p]!;
    }
    sum = (sum - DELTA) >>> 0;
  }
  return w;
}

/** Byte 0 becomes the lowest byte of word 0 (decisions.md: the C reference on little-endian hosts). */
export function wordsFromBytesLe(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new RangeError(`XXTEA data must be whole 32-bit words, got ${bytes.length} bytes`);
  const w = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < bytes.length; i++) w[i >>> 2] = w[i >>> 2]! | (bytes[i]! << ((i & 3) * 8));
  return w;
}

export function bytesFromWordsLe(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  for (let i = 0; i < out.length; i++) out[i] = (words[i >>> 2]! >>> ((i & 3) * 8)) & 0xff;
  return out;
}

function blockOp(op: (v: Uint32Array, k: Uint32Array) => Uint32Array, block: Uint8Array, key: Uint8Array): Uint8Array {
  if (block.length !== 16) throw new RangeError(`an XXTEA block is 16 bytes, got ${block.length}`);
  if (key.length !== 16) throw new RangeError(`an XXTEA key is 16 bytes, got ${key.length}`);
  const k = wordsFromBytesLe(key);
  const v = wordsFromBytesLe(block);
  const r = op(v, k);
  const out = bytesFromWordsLe(r);
  // The key is usually a PIN; do not leave copies of it in word form behind.
  k.fill(0);
  v.fill(0);
  r.fill(0);
  return out;
}

/** E_K(block) on a 16-byte block and a 16-byte key, both read as little-endian words. */
export function xxteaEncryptBlock(block: Uint8Array, key: Uint8Array): Uint8Array {
  return blockOp(xxteaEncryptWords, block, key);
}

export function xxteaDecryptBlock(block: Uint8Array, key: Uint8Array): Uint8Array {
  return blockOp(xxteaDecryptWords, block, key);
}
