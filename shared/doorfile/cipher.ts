// The block cipher door files are encrypted with, behind a factory so that the Node layer can
// hand in node:crypto for files with a million credentials while the browser and the tests use
// the shared AES (@noble/ciphers). Each credential is its own block (CBC with a zero IV over one
// block is ECB of that block), so nothing here chains blocks.

import { aesEcbDecrypt, aesEcbEncrypt, requireAesKey } from '../crypto/aes.ts';

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

/** What a block cipher engine must do: ECB over whole blocks, in one call. */
export interface EcbEngine {
  encrypt(src: Uint8Array): Uint8Array;
  decrypt(src: Uint8Array): Uint8Array;
  dispose(): void;
}

/** The door-file interface over an ECB engine: bounds checks, output placement, and wiping of the engine's output. */
export function blockCipherFrom(engine: EcbEngine): BlockCipher16 {
  const run = (op: (src: Uint8Array) => Uint8Array, src: Uint8Array, dst: Uint8Array, dstOff: number) => {
    if (src.length === 0) return;
    const out = op(src);
    if (out.length !== src.length) throw new Error(`the AES engine returned ${out.length} bytes for ${src.length}`);
    dst.set(out, dstOff);
    out.fill(0);
  };
  const wholeBlocks = (src: Uint8Array, dst: Uint8Array) => {
    if (src.length % 16 !== 0 || dst.length < src.length) throw new RangeError('block data must be whole 16-byte blocks with room for the output');
  };
  const encrypt = (src: Uint8Array) => engine.encrypt(src);
  const decrypt = (src: Uint8Array) => engine.decrypt(src);
  return {
    encryptBlock16: (src, srcOff, dst, dstOff) => run(encrypt, src.subarray(srcOff, srcOff + 16), dst, dstOff),
    decryptBlock16: (src, srcOff, dst, dstOff) => run(decrypt, src.subarray(srcOff, srcOff + 16), dst, dstOff),
    encryptBlocks: (src, dst) => {
      wholeBlocks(src, dst);
      run(encrypt, src, dst, 0);
    },
    decryptBlocks: (src, dst) => {
      wholeBlocks(src, dst);
      run(decrypt, src, dst, 0);
    },
    dispose: () => engine.dispose(),
  };
}

export const pureAesFactory: BlockCipherFactory = (key) => {
  requireAesKey(key);
  // A private copy, so that dispose() can wipe it without touching the caller's key.
  const own = key.slice();
  return blockCipherFrom({
    encrypt: (src) => aesEcbEncrypt(own, src),
    decrypt: (src) => aesEcbDecrypt(own, src),
    dispose: () => own.fill(0),
  });
};
