// NIST known-answer tests for the AES that BEC2 files and door files are encrypted with: the
// example vectors of FIPS-197 appendix C (one block) and SP 800-38A appendix F.1 (ECB) and F.2 (CBC).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import { aesCbcDecrypt, aesCbcEncrypt, aesEcbDecrypt, aesEcbEncrypt, installAesEngine, pureAesEngine } from '../../../shared/crypto/aes.ts';
import { nodeAesEngine } from '../../../node/crypto/nodeAesEngine.ts';
import { pureAesFactory } from '../../../shared/doorfile/cipher.ts';
import { nodeAesFactory } from '../../../node/crypto/nodeAes.ts';

const FIPS197_PLAINTEXT = '00112233445566778899AABBCCDDEEFF';
const FIPS197 = [
  { bits: 128, key: '000102030405060708090A0B0C0D0E0F', ciphertext: '69C4E0D86A7B0430D8CDB78070B4C55A' },
  { bits: 192, key: '000102030405060708090A0B0C0D0E0F1011121314151617', ciphertext: 'DDA97CA4864CDFE06EAF70A0EC0D7191' },
  { bits: 256, key: '000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', ciphertext: '8EA2B7CA516745BFEAFC49904B496089' },
];

// SP 800-38A: the same four plaintext blocks for every example.
const SP800_38A_PLAINTEXT =
  '6BC1BEE22E409F96E93D7E117393172A' + 'AE2D8A571E03AC9C9EB76FAC45AF8E51' + '30C81C46A35CE411E5FBC1191A0A52EF' + 'F69F2445DF4F9B17AD2B417BE66C3710';
const SP800_38A_IV = '000102030405060708090A0B0C0D0E0F';
const SP800_38A_KEYS = {
  128: '2B7E151628AED2A6ABF7158809CF4F3C',
  192: '8E73B0F7DA0E6452C810F32B809079E562F8EAD2522C6B7B',
  256: '603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4',
} as const;
const ECB = [
  { section: 'F.1.1/F.1.2', bits: 128, ciphertext: '3AD77BB40D7A3660A89ECAF32466EF97' + 'F5D3D58503B9699DE785895A96FDBAAF' + '43B1CD7F598ECE23881B00E3ED030688' + '7B0C785E27E8AD3F8223207104725DD4' },
  { section: 'F.1.3/F.1.4', bits: 192, ciphertext: 'BD334F1D6E45F25FF712A214571FA5CC' + '974104846D0AD3AD7734ECB3ECEE4EEF' + 'EF7AFD2270E2E60ADCE0BA2FACE6444E' + '9A4B41BA738D6C72FB16691603C18E0E' },
  { section: 'F.1.5/F.1.6', bits: 256, ciphertext: 'F3EED1BDB5D2A03C064B5A7E3DB181F8' + '591CCB10D410ED26DC5BA74A31362870' + 'B6ED21B99CA6F4F9F153E7B1BEAFED1D' + '23304B7A39F9F3FF067D8D8F9E24ECC7' },
] as const;
const CBC = [
  { section: 'F.2.1/F.2.2', bits: 128, ciphertext: '7649ABAC8119B246CEE98E9B12E9197D' + '5086CB9B507219EE95DB113A917678B2' + '73BED6B8E3C1743B7116E69E22229516' + '3FF1CAA1681FAC09120ECA307586E1A7' },
  { section: 'F.2.3/F.2.4', bits: 192, ciphertext: '4F021DB243BC633D7178183A9FA071E8' + 'B4D9ADA9AD7DEDF4E5E738763F69145A' + '571B242012FB7AE07FA9BAAC3DF102E0' + '08B0E27988598881D920A9E64F5615CD' },
  { section: 'F.2.5/F.2.6', bits: 256, ciphertext: 'F58C4C04D6E5F1BA779EABFB5F7BFBD6' + '9CFC4E967EDB808D679F777BC6702C7D' + '39F23369A9D9BACFA530E26304231461' + 'B2EB05E2C39BE9FCDA6C19078C6A9D1B' },
] as const;

// The host and the virtual reader run AES on node:crypto, the renderer on @noble/ciphers: both give these answers.
describe.each([
  ['@noble/ciphers', pureAesEngine],
  ['node:crypto', nodeAesEngine],
] as const)('AES on %s', (_name, engine) => {
  beforeAll(() => installAesEngine(engine));
  afterAll(() => installAesEngine(pureAesEngine));

  describe('AES known answers (FIPS-197 appendix C)', () => {
    it.each(FIPS197)('AES-$bits encrypts and decrypts the example block', ({ key, ciphertext }) => {
      expect(toHex(aesEcbEncrypt(fromHex(key), fromHex(FIPS197_PLAINTEXT)))).toBe(ciphertext);
      expect(toHex(aesEcbDecrypt(fromHex(key), fromHex(ciphertext)))).toBe(FIPS197_PLAINTEXT);
    });
  });

  describe('AES-ECB known answers (SP 800-38A F.1)', () => {
    it.each(ECB)('ECB-AES$bits ($section)', ({ bits, ciphertext }) => {
      const key = fromHex(SP800_38A_KEYS[bits]);
      expect(toHex(aesEcbEncrypt(key, fromHex(SP800_38A_PLAINTEXT)))).toBe(ciphertext);
      expect(toHex(aesEcbDecrypt(key, fromHex(ciphertext)))).toBe(SP800_38A_PLAINTEXT);
    });
  });

  describe('AES-CBC known answers (SP 800-38A F.2)', () => {
    it.each(CBC)('CBC-AES$bits ($section)', ({ bits, ciphertext }) => {
      const key = fromHex(SP800_38A_KEYS[bits]);
      const iv = fromHex(SP800_38A_IV);
      expect(toHex(aesCbcEncrypt(key, fromHex(SP800_38A_PLAINTEXT), iv))).toBe(ciphertext);
      expect(toHex(aesCbcDecrypt(key, fromHex(ciphertext), iv))).toBe(SP800_38A_PLAINTEXT);
    });

    it('chains from a zero IV when none is given, as the BEC2 format does', () => {
      const key = fromHex(SP800_38A_KEYS[128]);
      const first = fromHex(SP800_38A_PLAINTEXT).subarray(0, 16);
      expect(toHex(aesCbcEncrypt(key, first))).toBe(toHex(aesEcbEncrypt(key, first)));
    });
  });

  it('returns plain Uint8Arrays, which compare equal to the other engine\'s', () => {
    const out = aesCbcEncrypt(fromHex(SP800_38A_KEYS[256]), fromHex(SP800_38A_PLAINTEXT));
    expect(Object.getPrototypeOf(out)).toBe(Uint8Array.prototype);
    expect(out).toEqual(pureAesEngine.cbcEncrypt(fromHex(SP800_38A_KEYS[256]), new Uint8Array(16), fromHex(SP800_38A_PLAINTEXT)));
  });
});

describe('the door-file block ciphers', () => {
  // Both factories must give the SP 800-38A ECB answers, block by block and in bulk.
  it.each([
    ['shared (@noble/ciphers)', pureAesFactory],
    ['Node (node:crypto)', nodeAesFactory],
  ] as const)('%s matches SP 800-38A F.1 for every key size', (_name, factory) => {
    for (const { bits, ciphertext } of ECB) {
      const cipher = factory(fromHex(SP800_38A_KEYS[bits]));
      const plain = fromHex(SP800_38A_PLAINTEXT);
      const bulk = new Uint8Array(64);
      cipher.encryptBlocks(plain, bulk);
      expect(toHex(bulk)).toBe(ciphertext);
      const single = new Uint8Array(32);
      cipher.decryptBlock16(bulk, 48, single, 16);
      expect(toHex(single.subarray(16))).toBe(SP800_38A_PLAINTEXT.slice(96));
      const back = new Uint8Array(64);
      cipher.decryptBlocks(bulk, back);
      expect(toHex(back)).toBe(SP800_38A_PLAINTEXT);
      cipher.dispose();
    }
  });
});

describe('AES input checks', () => {
  it('says what is wrong with a key, an IV or a partial block', () => {
    expect(() => aesEcbEncrypt(new Uint8Array(15), new Uint8Array(16))).toThrow('an AES key has 16, 24 or 32 bytes, not 15');
    expect(() => aesCbcEncrypt(new Uint8Array(16), new Uint8Array(16), new Uint8Array(8))).toThrow('an AES-CBC IV has 16 bytes, not 8');
    expect(() => aesCbcDecrypt(new Uint8Array(16), new Uint8Array(17))).toThrow('17 bytes is not a whole number of 16-byte blocks');
    expect(() => pureAesFactory(new Uint8Array(20))).toThrow('not 20');
  });
});
