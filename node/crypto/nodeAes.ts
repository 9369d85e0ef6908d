// AES-256-ECB from node:crypto (OpenSSL, AES-NI) behind the door-file cipher interface: a door file
// with a million credentials is two million independent blocks, which the shared @noble/ciphers AES
// handles too, only about ten times slower (243 ms against 23 ms for 16 MB here). ECB has no state
// between blocks, so one cipher object serves every call.

import { createCipheriv, createDecipheriv } from 'node:crypto';
import { requireAesKey } from '../../shared/crypto/aes.ts';
import { blockCipherFrom, type BlockCipherFactory } from '../../shared/doorfile/cipher.ts';

export const nodeAesFactory: BlockCipherFactory = (key) => {
  requireAesKey(key);
  const name = `aes-${key.length * 8}-ecb`;
  const enc = createCipheriv(name, key, null).setAutoPadding(false);
  const dec = createDecipheriv(name, key, null).setAutoPadding(false);
  return blockCipherFrom({
    encrypt: (src) => enc.update(src),
    decrypt: (src) => dec.update(src),
    // final() releases OpenSSL's context, which holds the expanded key.
    dispose: () => {
      enc.final();
      dec.final();
    },
  });
};
