// The counter-mode computations both ends of a PIN exchange perform (seed 004, decisions.md):
// E_K(RBPCTR), the commit value E_master(RBPCTR) XOR PIN and the DoS value.

import { BLOCK_SIZE, PA, RBPCTR_SIZE } from './layout.ts';
import { xxteaEncryptBlock } from './xxtea.ts';

export const MAX_COUNTER = (1n << 64n) - 1n;

export function checkCounter(counter: bigint): void {
  if (counter < 0n || counter > MAX_COUNTER) throw new RangeError('the roll-back counter is an unsigned 64-bit value');
}

/** The 8 counter bytes as stored on the tag: big-endian. */
export function counterBytes(counter: bigint): Uint8Array {
  checkCounter(counter);
  const out = new Uint8Array(RBPCTR_SIZE);
  let v = counter;
  for (let i = RBPCTR_SIZE - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export function readCounter(bytes: Uint8Array, offset = 0): bigint {
  if (bytes.length < offset + RBPCTR_SIZE) throw new RangeError('the roll-back counter needs 8 bytes');
  let v = 0n;
  for (let i = 0; i < RBPCTR_SIZE; i++) v = (v << 8n) | BigInt(bytes[offset + i]!);
  return v;
}

/** The XXTEA block for RBPCTR: the 8 counter bytes big-endian, then 8 zero bytes. */
export function counterBlock(counter: bigint): Uint8Array {
  const block = new Uint8Array(BLOCK_SIZE);
  block.set(counterBytes(counter), 0);
  return block;
}

/** E_K(RBPCTR): what a host writes to prove it knows PIN K, and the key stream for transfers. */
export function encryptCounter(key: Uint8Array, counter: bigint): Uint8Array {
  return xxteaEncryptBlock(counterBlock(counter), key);
}

export function xorBlocks(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new RangeError(`cannot XOR ${a.length} bytes with ${b.length} bytes`);
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** The DoS value: bytes 4..15 of E_master(commit), where commit = E_master(RBPCTR) XOR PIN. */
export function dosValue(masterPin: Uint8Array, commit: Uint8Array): Uint8Array {
  return xxteaEncryptBlock(commit, masterPin).slice(PA.dos, PA.dos + PA.dosLength);
}
