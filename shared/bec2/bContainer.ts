// The AES "B" container that carries the session key in the InitCustKey and Update auth
// blocks: 'B', length (payload + 2), zero padding, payload, CRC-8404B(payload) MSB first,
// all AES-128-CBC encrypted with a zero IV. The padding sits in front of the payload.

import { aesCbcDecrypt, aesCbcEncrypt } from '../crypto/aes.ts';
import { crc8404b } from '../crypto/crc8404b.ts';
import { type AuthBlockKind, Bec2FormatError, Bec2InputError } from './errors.ts';

const MAGIC = 0x42;

/** Total frame size for an L-byte payload: always at least one padding byte, whole AES blocks. */
export function bFrameLength(payloadLength: number): number {
  return Math.ceil((payloadLength + 5) / 16) * 16;
}

/** Offset of the payload inside the plaintext frame. */
export function bFramePayloadOffset(payloadLength: number): number {
  return bFrameLength(payloadLength) - 2 - payloadLength;
}

/** The plaintext frame; `withCrc: false` leaves the CRC zero for a sealer that fills it in. */
export function buildBFrame(payload: Uint8Array, withCrc = true): Uint8Array {
  if (payload.length > 253) throw new Bec2InputError(`a "B" container holds at most 253 bytes, not ${payload.length}`);
  const frame = new Uint8Array(bFrameLength(payload.length));
  frame[0] = MAGIC;
  frame[1] = payload.length + 2;
  frame.set(payload, frame.length - 2 - payload.length);
  if (withCrc) writeBFrameCrc(frame);
  return frame;
}

/** Where the payload of a plaintext frame is, according to its own length byte. */
export function bFramePayloadRange(frame: Uint8Array): [start: number, end: number] | null {
  if (frame.length < 16 || frame.length % 16 !== 0 || frame[0] !== MAGIC) return null;
  const n = frame[1]!;
  if (n < 2 || n > frame.length - 2) return null;
  return [frame.length - n, frame.length - 2];
}

/** Recomputes the CRC over the payload into the frame's last two bytes. */
export function writeBFrameCrc(frame: Uint8Array): void {
  const range = bFramePayloadRange(frame);
  if (!range) throw new Bec2InputError('the buffer is not a "B" container frame (it needs B, a length byte and whole AES blocks)');
  const crc = crc8404b(frame.subarray(range[0], range[1]));
  frame[frame.length - 2] = crc >>> 8;
  frame[frame.length - 1] = crc & 0xff;
}

export function sealBContainer(key: Uint8Array, payload: Uint8Array): Uint8Array {
  const frame = buildBFrame(payload);
  const sealed = aesCbcEncrypt(key, frame);
  frame.fill(0);
  return sealed;
}

/** Decrypts and checks a container; returns the payload, which must have `expectedLength` bytes. */
export function openBContainer(key: Uint8Array, value: Uint8Array, expectedLength: number, kind: AuthBlockKind): Uint8Array {
  const label = kind === 'update' ? 'Update' : 'InitCustKey';
  if (value.length === 0 || value.length % 16 !== 0) {
    throw new Bec2FormatError('auth-block', `the ${label} auth block has ${value.length} bytes, which is not whole AES blocks`, kind);
  }
  const frame = aesCbcDecrypt(key, value);
  try {
    const range = bFramePayloadRange(frame);
    if (!range) {
      throw new Bec2FormatError('auth-block', `the ${label} auth block does not decrypt to a valid container: the key does not match`, kind);
    }
    const payload = frame.slice(range[0], range[1]);
    const crc = (frame[frame.length - 2]! << 8) | frame[frame.length - 1]!;
    if (crc8404b(payload) !== crc) {
      payload.fill(0);
      throw new Bec2FormatError('crc', `the ${label} auth block has a wrong CRC: the key does not match or the block is damaged`, kind);
    }
    if (payload.length !== expectedLength) {
      payload.fill(0);
      throw new Bec2FormatError('auth-block', `the ${label} auth block carries ${payload.length} bytes instead of ${expectedLength}`, kind);
    }
    return payload;
  } finally {
    frame.fill(0);
  }
}
