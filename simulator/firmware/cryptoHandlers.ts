import { concatBytes, fromHex, wipe } from '../../shared/bytes.ts';
import { aesCbcEncrypt } from '../../shared/crypto/aes.ts';
import { sha256 } from '../../shared/crypto/sha256.ts';
import { sealFrameWithEmbeddedKey } from '../../shared/bec2/index.ts';
import * as Crypto from '../../shared/brp/commands/crypto.ts';
import { CRYPTO_STATUS } from '../../shared/brp/status.ts';
import { StatusReply, type VirtualReader } from './virtualReader.ts';
import { DEFAULT_CUSTOMER_KEY } from '../state/readerState.ts';


/** Custom/Crypto/Key: KeyIndex n is configuration value 0x80 + n (real-readers.md, Keys). */
const KEY_LIST = 0x0601;
const MAX_KEY_INDEX = 0x7f;
const EMBEDDED_KEY_LENGTH = 10;

/**
 * A key signature identifies a key without revealing it. BALTECH's algorithm is not public; the
 * virtual reader uses the first 4 bytes of a domain-separated SHA-256, which serves the same purpose.
 */
export function keySignature(key: Uint8Array): number {
  const h = sha256(concatBytes(new TextEncoder().encode('BRP key signature\0'), key));
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

export function registerCryptoHandlers(reader: VirtualReader): void {
  const { state } = reader;

  // Copies Device/Run/CustomerKey (0202/85, kept as factory data here) into the key list; this
  // writes configuration memory, like on a real reader.
  reader.on(Crypto.CryptoCopyConfigKey, (req) => {
    if (req.keyIndex === 0 || req.keyIndex > MAX_KEY_INDEX) throw new StatusReply(CRYPTO_STATUS.CrptErrWriteConfigkey);
    const key = req.forceDefaultKey ? DEFAULT_CUSTOMER_KEY : state.factory.customerKey;
    reader.config.set(KEY_LIST, 0x80 + req.keyIndex, fromHex(key));
    reader.persist();
    return undefined;
  });

  reader.on(Crypto.CryptoGetKeySig, (req) => {
    let key: Uint8Array | undefined;
    if (req.keyIndex === 0) key = req.keyValue;
    else key = reader.config.get(KEY_LIST, 0x80 + req.keyIndex);
    if (!key) throw new StatusReply(CRYPTO_STATUS.CrptErrKeyNotFound);
    return { keySignature: keySignature(key) };
  });

  reader.on(Crypto.CryptoBalKeyEncryptBuffer, (req) => {
    // Only AES (KeyVersion 3) under the internal crypto key is offered by this reader.
    if (req.keyVersion !== 3) throw new StatusReply(CRYPTO_STATUS.CrptErrKeyNotFound);
    if (req.buffer.length === 0 || req.buffer.length % 16 !== 0) throw new StatusReply(CRYPTO_STATUS.CrptErrInvalidBlock);
    if (req.initialVector.length !== 0 && req.initialVector.length !== 16) throw new StatusReply(CRYPTO_STATUS.CrptErrInvalidBlock);
    const iv = req.initialVector.length === 16 ? req.initialVector : undefined;
    const cryptoKey = fromHex(state.factory.cryptoKey);
    try {
      if (req.embeddedKeyIndex === 0) {
        const encrypted = aesCbcEncrypt(cryptoKey, req.buffer, iv);
        return { encryptedBuffer: encrypted, nextInitialVector: encrypted.slice(encrypted.length - 16) };
      }
      // The key inserted is whatever the named key-list entry holds (a copy made by CopyConfigKey).
      const entry = req.embeddedKeyIndex <= MAX_KEY_INDEX ? reader.config.get(KEY_LIST, 0x80 + req.embeddedKeyIndex) : undefined;
      if (!entry) throw new StatusReply(CRYPTO_STATUS.CrptErrKeyNotFound);
      if (entry.length < EMBEDDED_KEY_LENGTH) throw new StatusReply(CRYPTO_STATUS.CrptErrInvalidKey);
      let encrypted: Uint8Array;
      try {
        // Inserts the key, writes the container's CRC into the last two bytes, encrypts (decisions.md, Keys).
        encrypted = sealFrameWithEmbeddedKey(cryptoKey, req.buffer, req.embeddedKeyPos, entry.subarray(0, EMBEDDED_KEY_LENGTH), iv);
      } catch {
        throw new StatusReply(CRYPTO_STATUS.CrptErrInvalidBlock);
      }
      return { encryptedBuffer: encrypted, nextInitialVector: encrypted.slice(encrypted.length - 16) };
    } finally {
      wipe(cryptoKey);
    }
  });
}
