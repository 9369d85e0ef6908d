// The block cipher door files are encrypted with, behind a factory so that the Node layer can
// hand in node:crypto for files with a million credentials while the browser and the tests use
// the shared TypeScript AES. Each credential is its own block (CBC with a zero IV over one
// block is ECB of that block), so nothing here chains blocks.

import { AesKey } from '../crypto/aes.ts';

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
  const aes = new AesKey(key);
  const each = (src: Uint8Array, dst: Uint8Array, op: (s: Uint8Array, so: number, d: Uint8Array, dO: number) => void) => {
    if (src.length % 16 !== 0 || dst.length < src.length) throw new RangeError('block data must be whole 16-byte blocks with room for the output');
    for (let off = 0; off < src.length; off += 16) op(src, off, dst, off);
  };
  return {
    encryptBlock16: (s, so, d, dO) => aes.encryptBlock(s, so, d, dO),
    decryptBlock16: (s, so, d, dO) => aes.decryptBlock(s, so, d, dO),
    encryptBlocks: (s, d) => each(s, d, (a, b, c, e) => aes.encryptBlock(a, b, c, e)),
    decryptBlocks: (s, d) => each(s, d, (a, b, c, e) => aes.decryptBlock(a, b, c, e)),
    dispose: () => aes.dispose(),
  };
};
