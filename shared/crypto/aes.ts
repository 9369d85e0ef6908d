// AES-128/192/256 in ECB and CBC without padding, from the audited @noble/ciphers (pure JavaScript,
// so the simulator and the host share it). No padding is added or removed here, because the BEC2
// format and door files carry their own lengths; this module only adds ReaderDesk's error sentences.

import { cbc, ecb } from '@noble/ciphers/aes.js';

const ZERO_IV = new Uint8Array(16);
const RAW = { disablePadding: true } as const;

/**
 * The AES primitive the functions below run on, after their checks. @noble/ciphers by default, so
 * the renderer can use this module; the host and the virtual reader install OpenSSL's through
 * node:crypto (node/crypto/nodeAesEngine.ts), about ten times faster on a 27 KB BEC2.
 */
export interface AesEngine {
  cbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  cbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  ecbEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array;
  ecbDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array;
}

export const pureAesEngine: AesEngine = {
  cbcEncrypt: (key, iv, data) => cbc(key, iv, RAW).encrypt(data),
  cbcDecrypt: (key, iv, data) => cbc(key, iv, RAW).decrypt(data),
  ecbEncrypt: (key, data) => ecb(key, RAW).encrypt(data),
  ecbDecrypt: (key, data) => ecb(key, RAW).decrypt(data),
};

let engine: AesEngine = pureAesEngine;

/** Runs AES on `next` from now on, in this process or page. Both engines give the same bytes (test/unit/crypto). */
export function installAesEngine(next: AesEngine): void {
  engine = next;
}

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
  return engine.cbcEncrypt(key, iv, data);
}

/** AES-CBC decryption without removing anything: callers know their own lengths. */
export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  requireAesKey(key);
  requireIv(iv);
  requireBlocks(data, 'AES-CBC decrypt');
  return engine.cbcDecrypt(key, iv, data);
}

/** AES-ECB: each 16-byte block on its own with the same key (door-file credentials are separate blocks). */
export function aesEcbEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireAesKey(key);
  requireBlocks(data, 'AES-ECB encrypt');
  return engine.ecbEncrypt(key, data);
}

export function aesEcbDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  requireAesKey(key);
  requireBlocks(data, 'AES-ECB decrypt');
  return engine.ecbDecrypt(key, data);
}
