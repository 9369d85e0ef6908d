// AES-256-ECB from node:crypto (OpenSSL, AES-NI) behind the door-file cipher interface: a door file
// with a million credentials is two million independent blocks, which the shared @noble/ciphers AES
// handles too, only about ten times slower (243 ms against 23 ms for 16 MB here). ECB has no state
// between blocks, so one cipher object serves every call.

import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto';
import type { BlockCipher16, BlockCipherFactory } from '../../../shared/doorfile/cipher.ts';

function algorithm(key: Uint8Array): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new Error(`an AES key has 16, 24 or 32 bytes, not ${key.length}`);
  }
  return `aes-${key.length * 8}-ecb`;
}

function run(c: Cipher | Decipher, src: Uint8Array, dst: Uint8Array, dstOff: number): void {
  const out = c.update(src);
  if (out.length !== src.length) throw new Error(`the AES engine returned ${out.length} bytes for ${src.length}`);
  dst.set(out, dstOff);
  out.fill(0);
}

export const nodeAesFactory: BlockCipherFactory = (key): BlockCipher16 => {
  const name = algorithm(key);
  const enc = createCipheriv(name, key, null).setAutoPadding(false);
  const dec = createDecipheriv(name, key, null).setAutoPadding(false);
  const wholeBlocks = (src: Uint8Array, dst: Uint8Array) => {
    if (src.length % 16 !== 0 || dst.length < src.length) throw new RangeError('block data must be whole 16-byte blocks with room for the output');
  };
  return {
    encryptBlock16: (src, srcOff, dst, dstOff) => run(enc, src.subarray(srcOff, srcOff + 16), dst, dstOff),
    decryptBlock16: (src, srcOff, dst, dstOff) => run(dec, src.subarray(srcOff, srcOff + 16), dst, dstOff),
    encryptBlocks: (src, dst) => {
      wholeBlocks(src, dst);
      if (src.length > 0) run(enc, src, dst, 0);
    },
    decryptBlocks: (src, dst) => {
      wholeBlocks(src, dst);
      if (src.length > 0) run(dec, src, dst, 0);
    },
    // final() releases OpenSSL's context, which holds the expanded key.
    dispose: () => {
      enc.final();
      dec.final();
    },
  };
};
