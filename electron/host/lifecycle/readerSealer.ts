import * as Crypto from '../../../shared/brp/commands/crypto.ts';
import type { CustomerKeySealer } from '../../../shared/bec2/index.ts';
import type { BrpSession } from '../brp/session.ts';

/** bec2format's software sealer encrypts with a zero IV; the SDK has no default, so send it (real-readers.md). */
const ZERO_IV = new Uint8Array(16);

/**
 * Seals the InitCustKey block on the connected reader with Crypto.BalKeyEncryptBuffer: the reader
 * inserts the key held in key-list entry `keyIndex` (a copy of its customer key, see
 * withBorrowedCustomerKey), writes the CRC and encrypts under its internal key. The host sees neither key.
 */
export function readerSealer(session: BrpSession, keyIndex: number): CustomerKeySealer {
  return {
    async seal(plainFrame: Uint8Array, embeddedKeyPos: number): Promise<Uint8Array> {
      const res = await session.execute(Crypto.CryptoBalKeyEncryptBuffer, {
        keyVersion: Crypto.BAL_KEY_VERSION.Aes,
        embeddedKeyIndex: keyIndex,
        embeddedKeyPos,
        buffer: plainFrame,
        initialVector: ZERO_IV,
      });
      return res.encryptedBuffer;
    },
  };
}
