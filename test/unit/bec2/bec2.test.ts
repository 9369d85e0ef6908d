import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, randomBytes, toHex } from '../../../shared/bytes.ts';
import { aesCbcEncrypt } from '../../../shared/crypto/aes.ts';
import { crc8404b } from '../../../shared/crypto/crc8404b.ts';
import {
  Bec2FormatError,
  buildBec2,
  INIT_CUST_KEY_EMBEDDED_KEY_POS,
  initCustKeyPlainFrame,
  openBec2Components,
  openBec2InitCustKey,
  openBec2InitEcc,
  openBec2Update,
  parseBec2File,
  parseInitEccBlock,
  readBec2Configuration,
  softwareCustomerKeySealer,
  type Bec2Image,
  type CustomerKeySealer,
  type EccEphemeralAgreement,
  type EccRecipientKey,
} from '../../../shared/bec2/index.ts';
import { thrownBy } from '../../helpers/thrownBy.ts';
import { CRYPTO_KEY, opsAsJson, SECURITY_CODE, SESSION_KEY, toOps, vectorJson, vectorText } from './vectors.ts';

const ZERO_CUSTOMER_KEY = new Uint8Array(10);

const failure = (f: () => unknown) => thrownBy(Bec2FormatError, f);

const CUSTKEY_VECTORS = ['v02_bec2_custkey_update_v9.bec2', 'v09_bec2_devsettings_busaddr_update_v3.bec2'];

describe.each(CUSTKEY_VECTORS)('customer-key BEC2 vector %s', (name) => {
  const json = vectorJson(`${name}.json`);
  const config = toOps(json.inputs.config);
  const comments = Object.entries(json.inputs.initial_comments as Record<string, string>).map(([n, value]) => ({ name: n, value }));

  it('is reproduced byte for byte with the software sealer and an all-zero customer key', async () => {
    const built = await buildBec2({
      config,
      sessionKey: SESSION_KEY,
      sealer: softwareCustomerKeySealer(CRYPTO_KEY, ZERO_CUSTOMER_KEY),
      comments,
    });
    expect(toHex(built.binary)).toBe(json.expected.binary_hex);
    expect(built.text).toBe(vectorText(name));
  });

  it('opens with the reader crypto key and with the security code, and yields the configuration', () => {
    const image = parseBec2File(vectorText(name));
    const init = openBec2InitCustKey(image, CRYPTO_KEY);
    expect(toHex(init.customerKey)).toBe('00000000000000000000');
    expect(toHex(init.sessionKey)).toBe(toHex(SESSION_KEY));
    const update = openBec2Update(image, SECURITY_CODE);
    expect(toHex(update.sessionKey)).toBe(toHex(SESSION_KEY));
    expect(update.version).toBe(json.expected.parsed.auth_blocks[1].version);
    expect(opsAsJson(readBec2Configuration(image, update.sessionKey)!)).toEqual(opsAsJson(toOps(json.expected.parsed.configuration)));
  });
});

describe('finalization on a reader', () => {
  it('hands the sealer a 32-byte frame with a zero key placeholder at EmbeddedKeyPos and a zero CRC', async () => {
    let seen: { frame: Uint8Array; pos: number } | undefined;
    const recorder: CustomerKeySealer = {
      seal: async (frame, pos) => {
        seen = { frame: new Uint8Array(frame), pos };
        return softwareCustomerKeySealer(CRYPTO_KEY, ZERO_CUSTOMER_KEY).seal(frame, pos);
      },
    };
    await buildBec2({ config: [], sessionKey: SESSION_KEY, sealer: recorder });
    expect(seen!.pos).toBe(INIT_CUST_KEY_EMBEDDED_KEY_POS);
    expect(toHex(seen!.frame)).toBe('421C' + '0000' + '00'.repeat(10) + toHex(SESSION_KEY) + '0000');
    expect(toHex(initCustKeyPlainFrame(SESSION_KEY))).toBe(toHex(seen!.frame));
  });

  it('round-trips a real customer key inserted by the sealer', async () => {
    const customerKey = fromHex('C1C2C3C4C5C6C7C8C9CA');
    const built = await buildBec2({ config: [], sessionKey: SESSION_KEY, sealer: softwareCustomerKeySealer(CRYPTO_KEY, customerKey) });
    const opened = openBec2InitCustKey(parseBec2File(built.text), CRYPTO_KEY);
    expect(toHex(opened.customerKey)).toBe('C1C2C3C4C5C6C7C8C9CA');
    expect(toHex(opened.sessionKey)).toBe(toHex(SESSION_KEY));
  });

  it('rejects a sealer answer of the wrong size', async () => {
    const bad: CustomerKeySealer = { seal: async () => new Uint8Array(16) };
    await expect(buildBec2({ config: [], sealer: bad })).rejects.toThrow(/returned 16 bytes instead of 32/);
  });
});

describe('BEC2 reader failures', () => {
  const text = vectorText('v02_bec2_custkey_update_v9.bec2');

  it('names a wrong security code as an Update auth-block failure', () => {
    const e = failure(() => openBec2Update(parseBec2File(text), fromHex('0000000000000000')));
    expect(['auth-block', 'crc']).toContain(e.reason);
    expect(e.authBlock).toBe('update');
    expect(e.message).not.toContain('0000000000000000');
  });

  it('names a wrong crypto key as an InitCustKey auth-block failure', () => {
    const e = failure(() => openBec2InitCustKey(parseBec2File(text), new Uint8Array(16)));
    expect(['auth-block', 'crc']).toContain(e.reason);
    expect(e.authBlock).toBe('init-cust-key');
  });

  it('reports a missing auth block', () => {
    const v09 = parseBec2File(vectorText('v09_bec2_devsettings_busaddr_update_v3.bec2'));
    const noUpdate: Bec2Image = { ...v09, authBlocks: v09.authBlocks.filter((b) => b.tag !== 2) };
    const e = failure(() => openBec2Update(noUpdate, SECURITY_CODE));
    expect(e.reason).toBe('missing-auth-block');
  });

  it('reports a damaged auth-block CRC as "crc"', () => {
    // A frame whose CRC is wrong but whose container is otherwise valid.
    const image = parseBec2File(text);
    const frame = initCustKeyPlainFrame(SESSION_KEY);
    frame[31] = 0x01;
    image.authBlocks[0] = { tag: 1, value: aesCbcEncrypt(CRYPTO_KEY, frame) };
    expect(failure(() => openBec2InitCustKey(image, CRYPTO_KEY)).reason).toBe('crc');
  });

  it('reports MAC failures for a wrong session key and for altered data', () => {
    const image = parseBec2File(text);
    expect(failure(() => openBec2Components(image, new Uint8Array(16))).reason).toBe('mac');
    const lines = text.split('\r\n');
    lines[lines.length - 3] = lines[lines.length - 3]!.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(failure(() => openBec2Components(parseBec2File(lines.join('\r\n')), SESSION_KEY)).reason).toBe('mac');
  });

  it('reports a damaged structure as a format error', () => {
    expect(failure(() => parseBec2File('A: b\r\n\r\n4245433200012000\r\n')).reason).toBe('format');
    expect(failure(() => parseBec2File('\r\n4246330000\r\n')).reason).toBe('format');
  });
});

describe('CRC or key ending in 00 (the reference reader rejects these valid files)', () => {
  it('round-trips a random session key whose Update-block CRC ends in 00', async () => {
    let sessionKey: Uint8Array;
    do {
      sessionKey = randomBytes(16);
      sessionKey[15] = 0x00;
    } while ((crc8404b(concatBytes(sessionKey, Uint8Array.of(9))) & 0xff) !== 0);
    const config = toOps(vectorJson('v02_bec2_custkey_update_v9.bec2.json').inputs.config);
    const built = await buildBec2({ config, sessionKey, sealer: softwareCustomerKeySealer(CRYPTO_KEY, ZERO_CUSTOMER_KEY) });
    const image = parseBec2File(built.text);
    const update = openBec2Update(image, SECURITY_CODE);
    expect(toHex(update.sessionKey)).toBe(toHex(sessionKey));
    expect(update.version).toBe(9);
    expect(toHex(openBec2InitCustKey(image, CRYPTO_KEY).sessionKey)).toBe(toHex(sessionKey));
    expect(readBec2Configuration(image, update.sessionKey)).toHaveLength(config.length);
  });
});

describe('ECC vector v06 (P-256 through an injected provider)', () => {
  const json = vectorJson('v06_bec2_ecc_testkey_update_v9.bec2.json');
  const recipientDer = fromHex(json.inputs.ecc_recipient_public_key_der_hex);
  const recipientXY = recipientDer.subarray(recipientDer.length - 64);

  const agreement: EccEphemeralAgreement = {
    agree: async (peer) => {
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(fromHex(json.inputs.ecc_ephemeral_private_scalar_hex));
      return {
        ephemeralPublicKey: new Uint8Array(ecdh.getPublicKey()).subarray(1),
        sharedX: new Uint8Array(ecdh.computeSecret(concatBytes(Uint8Array.of(4), peer))),
      };
    },
  };
  const reader: EccRecipientKey = {
    sharedX: async (eph) => {
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(fromHex(json.inputs.ecc_recipient_private_scalar_hex));
      return new Uint8Array(ecdh.computeSecret(concatBytes(Uint8Array.of(4), eph)));
    },
  };

  it('is reproduced byte for byte', async () => {
    const built = await buildBec2({
      config: toOps(json.inputs.config),
      sessionKey: fromHex(json.inputs.session_key),
      ecc: { keySelector: 0, agreement, recipientPublicKey: recipientXY },
    });
    expect(built.text).toBe(vectorText('v06_bec2_ecc_testkey_update_v9.bec2'));
  });

  it('parses, keeps the InitEcc block and opens it with the test private key', async () => {
    const image = parseBec2File(vectorText('v06_bec2_ecc_testkey_update_v9.bec2'));
    const block = parseInitEccBlock(image.authBlocks[0]!.value);
    expect(block.keySelector).toBe(0);
    const sessionKey = await openBec2InitEcc(image, reader);
    expect(toHex(sessionKey)).toBe(json.inputs.session_key);
    expect(toHex(openBec2Update(image, SECURITY_CODE).sessionKey)).toBe(json.inputs.session_key);
    expect(opsAsJson(readBec2Configuration(image, sessionKey)!)).toEqual(opsAsJson(toOps(json.expected.parsed.configuration)));
  });
});
