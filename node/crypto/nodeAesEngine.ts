// AES for the host and the virtual reader from node:crypto (OpenSSL, AES-NI where the CPU has it).
// The shared module has already checked key, IV and block lengths; padding stays off because the
// BEC2 format and door files carry their own lengths.

import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto';
import { installAesEngine, type AesEngine } from '../../shared/crypto/aes.ts';

function run(cipher: Cipher | Decipher, data: Uint8Array): Uint8Array {
  cipher.setAutoPadding(false);
  const first = cipher.update(data);
  // final() also releases OpenSSL's context, which holds the expanded key.
  const last = cipher.final();
  const out = last.length === 0 ? first : Buffer.concat([first, last]);
  // A plain Uint8Array, as the pure engine returns: callers compare and serialize them alike.
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const name = (key: Uint8Array, mode: 'cbc' | 'ecb') => `aes-${key.length * 8}-${mode}`;

export const nodeAesEngine: AesEngine = {
  cbcEncrypt: (key, iv, data) => run(createCipheriv(name(key, 'cbc'), key, iv), data),
  cbcDecrypt: (key, iv, data) => run(createDecipheriv(name(key, 'cbc'), key, iv), data),
  ecbEncrypt: (key, data) => run(createCipheriv(name(key, 'ecb'), key, null), data),
  ecbDecrypt: (key, data) => run(createDecipheriv(name(key, 'ecb'), key, null), data),
};

/** Makes this process's AES (shared/crypto/aes.ts) run on OpenSSL. */
export function useNodeAes(): void {
  installAesEngine(nodeAesEngine);
}
