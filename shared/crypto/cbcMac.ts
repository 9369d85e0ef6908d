// The MAC of the BF3/BEC2 format. The reference library calls it "cmac", but it is a plain
// AES-CBC-MAC: zero-pad to whole blocks, CBC-encrypt with the given IV, keep the last block.
// No CMAC subkeys, no length prefix; do not swap in RFC 4493 CMAC, the files would not verify.

import { aesCbcEncrypt } from './aes.ts';

const ZERO_IV = new Uint8Array(16);

export function cbcMac(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  if (data.length === 0) {
    // The reference cannot MAC an empty string either, so no valid file contains one.
    throw new Error('a CBC-MAC needs at least one byte of data; empty payloads cannot be authenticated');
  }
  if (iv.length !== 16) throw new Error(`a CBC-MAC IV has 16 bytes, not ${iv.length}`);
  const padded = new Uint8Array(Math.ceil(data.length / 16) * 16);
  padded.set(data);
  const chain = aesCbcEncrypt(key, padded, iv);
  const mac = chain.slice(chain.length - 16);
  chain.fill(0);
  padded.fill(0);
  return mac;
}

