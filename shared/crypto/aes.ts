// AES-128/192/256 in ECB and CBC without padding, from the audited @noble/ciphers (pure JavaScript,
// so the simulator and the host share it). No padding is added or removed here, because the BEC2
// format and door files carry their own lengths; this module only adds ReaderDesk's error sentences.

import { cbc, ecb } from '@noble/ciphers/aes.js';

const ZERO_IV = new Uint8Array(16);
const RAW = { disablePadding: true } as const;

/** Throws a sentence unless the key has one of AES's three lengths. */
export function requireAesKey(key: Uint8Array): void {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new Error(`an AES key has 16, 24 or 32 bytes, not ${key.length}`);
  }
}

function requireBlocks(data: Uint8Array, what: string): void {
  if (data.length % 16 !== 0) throw new Error(`${what}: ${data.length} bytes is not a whole number of 16-byte blocks`);
}

function requireIv(iv: Uint8Array): void {
  if (iv.length !== 16) throw new Error(`an AES-CBC IV has 16 bytes, not ${iv.length}`);
}

/** AES-CBC without padding; `data` must be a multiple of 16 bytes. */
export function aesCbcEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  requireAesKey(key);
  requireIv(iv);
  requireBlocks(data, 'AES-CBC encrypt');
  return cbc(key, iv, RAW).encrypt(data);
}

/** AES-CBC decryption without removing anything: callers know their own lengths. */
export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  requireAesKey(key);
  requireIv(iv);
  requireBlocks(data, 'AES-CBC decrypt');
  return cbc(key, iv, RAW).decrypt(data);
}

/** AES-ECB: each 16-byte block on its own with the same key (door-file credentials are separate blocks). */
export function aesEcbEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireAesKey(key);
  requireBlocks(data, 'AES-ECB encrypt');
  return ecb(key, RAW).encrypt(data);
}

export function aesEcbDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireAesKey(key);
  requireBlocks(data, 'AES-ECB decrypt');
  return ecb(key, RAW).decrypt(data);
}
