// Crypto group (0x02) entries used by ReaderDesk (brp.md 4.20). Requests here may carry key
// material, so describeRequest reports indexes and lengths only.

import { defineCommand, EMPTY } from '../command.ts';
import { BrpFrameError } from '../errors.ts';
import { hostText } from '../../errors/hostError.ts';

/** KeyVersion values of Crypto.BalKeyEncryptBuffer. */
export const BAL_KEY_VERSION = { SkipJack: 2, Aes: 3 } as const;

export interface BalKeyEncryptBufferRequest {
  keyVersion: number;
  /** 0 inserts nothing; otherwise the key whose 10 bytes replace Buffer at embeddedKeyPos. */
  embeddedKeyIndex: number;
  embeddedKeyPos: number;
  buffer: Uint8Array;
  initialVector: Uint8Array;
}

export interface BalKeyEncryptBufferResponse {
  encryptedBuffer: Uint8Array;
  nextInitialVector: Uint8Array;
}

/**
 * Encrypts with the reader's customer key; with an embedded key the reader also writes a
 * CRC-16 (8404B) into the last two bytes of Buffer first.
 */
export const CryptoBalKeyEncryptBuffer = defineCommand<BalKeyEncryptBufferRequest, BalKeyEncryptBufferResponse>({
  name: 'Crypto.BalKeyEncryptBuffer',
  code: 0x0204,
  timeoutMs: 100,
  request: {
    encode: (v, w) =>
      w
        .u8(v.keyVersion, 'KeyVersion')
        .u8(v.embeddedKeyIndex, 'EmbeddedKeyIndex')
        .u8(v.embeddedKeyPos, 'EmbeddedKeyPos')
        .lenBytes8(v.buffer, 'Buffer')
        .lenBytes8(v.initialVector, 'InitialVector'),
    decode: (r) => ({
      keyVersion: r.u8('KeyVersion'),
      embeddedKeyIndex: r.u8('EmbeddedKeyIndex'),
      embeddedKeyPos: r.u8('EmbeddedKeyPos'),
      buffer: r.lenBytes8('Buffer'),
      initialVector: r.lenBytes8('InitialVector'),
    }),
  },
  response: {
    encode: (v, w) => w.lenBytes8(v.encryptedBuffer, 'EncryptedBuffer').lenBytes8(v.nextInitialVector, 'NextInitialVector'),
    decode: (r) => ({ encryptedBuffer: r.lenBytes8('EncryptedBuffer'), nextInitialVector: r.lenBytes8('NextInitialVector') }),
  },
  describeRequest: (req) =>
    `key version ${req.keyVersion}, embedded key ${req.embeddedKeyIndex} at ${req.embeddedKeyPos}, ${req.buffer.length} bytes`,
});

export interface GetKeySigRequest {
  /** 0 means the key is given in keyValue; n selects Custom/Crypto/Key value 0x80 + n. */
  keyIndex: number;
  /** 10 bytes, only with keyIndex 0. */
  keyValue?: Uint8Array;
}

const KEY_VALUE_LENGTH = 10;

export const CryptoGetKeySig = defineCommand<GetKeySigRequest, { keySignature: number }>({
  name: 'Crypto.GetKeySig',
  code: 0x0210,
  timeoutMs: 100,
  request: {
    encode: (v, w) => {
      w.u8(v.keyIndex, 'KeyIndex');
      if (v.keyIndex === 0) {
        if (!v.keyValue) {
          throw new BrpFrameError(hostText('brp.why.keysig-needs-value', {}));
        }
        w.bytes(v.keyValue, 'KeyValue', KEY_VALUE_LENGTH);
      } else if (v.keyValue) {
        throw new BrpFrameError(hostText('brp.why.keysig-no-value', {}));
      }
    },
    decode: (r) => {
      const keyIndex = r.u8('KeyIndex');
      return keyIndex === 0 ? { keyIndex, keyValue: r.bytes(KEY_VALUE_LENGTH, 'KeyValue') } : { keyIndex };
    },
  },
  response: { encode: (v, w) => w.u32(v.keySignature, 'KeySignature'), decode: (r) => ({ keySignature: r.u32('KeySignature') }) },
  describeRequest: (req) => (req.keyIndex === 0 ? 'a key given in the request' : `key ${req.keyIndex}`),
});

/** Copies the customer key (or with forceDefaultKey the BALTECH standard key) into Custom/Crypto/Key[keyIndex]. */
export const CryptoCopyConfigKey = defineCommand<{ keyIndex: number; forceDefaultKey: boolean }, void>({
  name: 'Crypto.CopyConfigKey',
  changesReader: true,
  code: 0x0211,
  timeoutMs: 2000,
  request: {
    encode: (v, w) => w.u8(v.keyIndex, 'KeyIndex').bool(v.forceDefaultKey),
    decode: (r) => ({ keyIndex: r.u8('KeyIndex'), forceDefaultKey: r.bool('ForceDefaultKey') }),
  },
  response: EMPTY,
  describeRequest: (req) => `to key ${req.keyIndex}${req.forceDefaultKey ? ', standard key' : ''}`,
});
