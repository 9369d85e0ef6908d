import { concatBytes, fromHex } from '../../shared/bytes.ts';
import { aesCbcEncrypt } from '../../shared/crypto/aes.ts';
import { sha256 } from '../../shared/crypto/sha256.ts';
import { crc8404b } from '../../shared/crypto/crc8404b.ts';
import * as Crypto from '../../shared/brp/commands/crypto.ts';
import { StatusReply, type VirtualReader } from './virtualReader.ts';
import { DEFAULT_CUSTOMER_KEY } from '../state/readerState.ts';

export const CRYPTO_STATUS = { CrptErrInvalidBlock: 0x01, CrptErrAuth: 0x02, CrptErrKeyNotFound: 0x03 } as const;

/** EmbeddedKeyIndex that names the reader's customer key (docs/simulator.md). */
export const EMBED_CUSTOMER_KEY = 0x01;
const KEY_LIST = 0x0601;

/**
 * A key signature identifies a key without revealing it. BALTECH's algorithm is not public; the
 * virtual reader uses the first 4 bytes of a domain-separated SHA-256, which serves the same purpose.
 */
export function keySignature(key: Uint8Array): number {
  const h = sha256(concatBytes(new TextEncoder().encode('BRP key signature\0'), key));
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

export function registerCryptoHandlers(reader: VirtualReader): void {
  const { state, config } = reader;

  reader.on(Crypto.CryptoCopyConfigKey, (req) => {
    if (req.keyIndex === 0 || req.keyIndex >= 0x7f) throw new StatusReply(CRYPTO_STATUS.CrptErrKeyNotFound);
    const key = req.forceDefaultKey ? DEFAULT_CUSTOMER_KEY : state.factory.customerKey;
    config.set(KEY_LIST, 0x80 + req.keyIndex, fromHex(key));
    reader.persist();
    return undefined;
  });

  reader.on(Crypto.CryptoGetKeySig, (req) => {
    let key: Uint8Array | undefined;
    if (req.keyIndex === 0) key = req.keyValue;
    else key = config.get(KEY_LIST, 0x80 + req.keyIndex);
    if (!key) throw new StatusReply(CRYPTO_STATUS.CrptErrKeyNotFound);
    return { keySignature: keySignature(key) };
  });

  reader.on(Crypto.CryptoBalKeyEncryptBuffer, (req) => {
    // Only AES (KeyVersion 3) under the internal crypto key is offered by this reader.
    if (req.keyVersion !== 3) throw new StatusReply(CRYPTO_STATUS.CrptErrKeyNotFound);
    const buffer = req.buffer.slice();
    if (buffer.length === 0 || buffer.length % 16 !== 0) throw new StatusReply(CRYPTO_STATUS.CrptErrInvalidBlock);
    if (req.embeddedKeyIndex !== 0) {
      if (req.embeddedKeyIndex !== EMBED_CUSTOMER_KEY) throw new StatusReply(CRYPTO_STATUS.CrptErrKeyNotFound);
      const pos = req.embeddedKeyPos;
      if (pos + 10 > buffer.length - 2) throw new StatusReply(CRYPTO_STATUS.CrptErrInvalidBlock);
      buffer.set(fromHex(state.factory.customerKey), pos);
      // The CRC covers the "B" container's payload: from the first byte after the zero padding up to the CRC.
      const payloadLen = buffer[1]! - 2;
      const payloadStart = buffer.length - 2 - payloadLen;
      if (buffer[0] !== 0x42 || payloadLen < 0 || payloadStart < 2 || pos < payloadStart) {
        throw new StatusReply(CRYPTO_STATUS.CrptErrInvalidBlock);
      }
      const crc = crc8404b(buffer.subarray(payloadStart, buffer.length - 2));
      buffer[buffer.length - 2] = crc >> 8;
      buffer[buffer.length - 1] = crc & 0xff;
    }
    const iv = req.initialVector.length === 16 ? req.initialVector : new Uint8Array(16);
    const encrypted = aesCbcEncrypt(fromHex(state.factory.cryptoKey), buffer, iv);
    buffer.fill(0);
    return { encryptedBuffer: encrypted, nextInitialVector: encrypted.slice(encrypted.length - 16) };
  });
}
