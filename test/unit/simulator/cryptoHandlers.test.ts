import { describe, expect, it } from 'vitest';
import { MemoryTransport } from '../../../electron/host/transport/memoryTransport.ts';
import { BrpSession } from '../../../electron/host/brp/session.ts';
import { attachMemoryReader } from '../../../simulator/memoryReader.ts';
import * as Crypto from '../../../shared/brp/commands/crypto.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import { initCustKeyPlainFrame, INIT_CUST_KEY_EMBEDDED_KEY_POS, softwareCustomerKeySealer } from '../../../shared/bec2/index.ts';
import { tempDir } from '../../helpers/processes.ts';

const CRYPTO_KEY = '000102030405060708090A0B0C0D0E0F';
const CUSTOMER_KEY = 'C0C1C2C3C4C5C6C7C8C9';

async function reader() {
  const [host, far] = MemoryTransport.pair();
  await host.open();
  await attachMemoryReader(far, tempDir('rd-crypto-'), { cryptoKey: CRYPTO_KEY, customerKey: CUSTOMER_KEY });
  return new BrpSession(host, { checksum: 'none' });
}

const seal = (keyIndex: number, iv = new Uint8Array(16)) => ({
  keyVersion: Crypto.BAL_KEY_VERSION.Aes,
  embeddedKeyIndex: keyIndex,
  embeddedKeyPos: INIT_CUST_KEY_EMBEDDED_KEY_POS,
  buffer: initCustKeyPlainFrame(fromHex('00112233445566778899AABBCCDDEEFF')),
  initialVector: iv,
});

describe('virtual reader: Crypto.BalKeyEncryptBuffer with an embedded key', () => {
  it('answers CrptErrKeyNotFound when the named key-list entry is empty', async () => {
    const s = await reader();
    const err = await s.execute(Crypto.CryptoBalKeyEncryptBuffer, seal(0x10)).catch((e) => e);
    expect(err).toBeInstanceOf(ReaderStatusError);
    expect(err.status).toBe(0x03);
    expect(err.statusName).toBe('Crypto.CrptErrKeyNotFound');
  });

  it('inserts the key the entry holds, like bec2format’s software encryptor with a zero IV', async () => {
    const s = await reader();
    await s.execute(Crypto.CryptoCopyConfigKey, { keyIndex: 0x10, forceDefaultKey: false });
    const { encryptedBuffer } = await s.execute(Crypto.CryptoBalKeyEncryptBuffer, seal(0x10));
    const expected = await softwareCustomerKeySealer(fromHex(CRYPTO_KEY), fromHex(CUSTOMER_KEY)).seal(seal(0).buffer, INIT_CUST_KEY_EMBEDDED_KEY_POS);
    expect(toHex(encryptedBuffer)).toBe(toHex(expected));
  });

  it('refuses KeyIndex 0 for Crypto.CopyConfigKey', async () => {
    const s = await reader();
    const err = await s.execute(Crypto.CryptoCopyConfigKey, { keyIndex: 0, forceDefaultKey: false }).catch((e) => e);
    expect(err.statusName).toBe('Crypto.CrptErrWriteConfigkey');
  });
});
