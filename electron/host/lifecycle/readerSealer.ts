import * as Crypto from '../../../shared/brp/commands/crypto.ts';
import type { CustomerKeySealer } from '../../../shared/bec2/index.ts';
import type { BrpSession } from '../brp/session.ts';

/** EmbeddedKeyIndex naming the reader's customer key for Crypto.BalKeyEncryptBuffer (docs/simulator.md). */
export const EMBED_CUSTOMER_KEY = 0x01;

/**
 * Seals the InitCustKey block on the connected reader: it inserts its customer key into the
 * placeholder, writes the CRC and encrypts under its internal key. The host never sees either key.
 */
export function readerSealer(session: BrpSession): CustomerKeySealer {
  return {
    async seal(plainFrame: Uint8Array, embeddedKeyPos: number): Promise<Uint8Array> {
      const res = await session.execute(Crypto.CryptoBalKeyEncryptBuffer, {
        keyVersion: Crypto.BAL_KEY_VERSION.Aes,
        embeddedKeyIndex: EMBED_CUSTOMER_KEY,
        embeddedKeyPos,
        buffer: plainFrame,
        initialVector: new Uint8Array(0),
      });
      return res.encryptedBuffer;
    },
  };
}
