// The block cipher door files are encrypted with, behind a factory so that the Node layer can
// hand in node:crypto for files with a million credentials while the browser and the tests use
// the shared AES (@noble/ciphers). Each credential is its own block (CBC with a zero IV over one
// block is ECB of that block), so nothing here chains blocks.

import { aesEcbDecrypt, aesEcbEncrypt } from '../crypto/aes.ts';

export interface BlockCipher16 {
  encryptBlock16(src: Uint8Array, srcOff: number, dst: Uint8Array, dstOff: number): void;
  decryptBlock16(src: Uint8Array, srcOff: number, dst: Uint8Array, dstOff: number): void;
  /** Many independent blocks at once; `src.length` is a multiple of 16 and `dst` as long. */
  encryptBlocks(src: Uint8Array, dst: Uint8Array): void;
  decryptBlocks(src: Uint8Array, dst: Uint8Array): void;
  /** Forgets the expanded key. */
  dispose(): void;
}

export type BlockCipherFactory = (key: Uint8Array) => BlockCipher16;

export const pureAesFactory: BlockCipherFactory = (key) => {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new Error(`an AES key has 16, 24 or 32 bytes, not ${key.length}`);
  // A private copy, so that dispose() can wipe it without touching the caller's key.
  const own = key.slice();
  const run = (op: typeof aesEcbEncrypt, src: Uint8Array, dst: Uint8Array, dstOff: number) => {
    if (src.length === 0) return;
    const out = op(own, src);
    dst.set(out, dstOff);
    out.fill(0);
  };
  const wholeBlocks = (src: Uint8Array, dst: Uint8Array) => {
    if (src.length % 16 !== 0 || dst.length < src.length) throw new RangeError('block data must be whole 16-byte blocks with room for the output');
  };
  return {
    encryptBlock16: (src, srcOff, dst, dstOff) => run(aesEcbEncrypt, src.subarray(srcOff, srcOff + 16), dst, dstOff),
    decryptBlock16: (src, srcOff, dst, dstOff) => run(aesEcbDecrypt, src.subarray(srcOff, srcOff + 16), dst, dstOff),
    encryptBlocks: (src, dst) => {
      wholeBlocks(src, dst);
      run(aesEcbEncrypt, src, dst, 0);
    },
    decryptBlocks: (src, dst) => {
      wholeBlocks(src, dst);
      run(aesEcbDecrypt, src, dst, 0);
    },
    dispose: () => own.fill(0),
  };
};
