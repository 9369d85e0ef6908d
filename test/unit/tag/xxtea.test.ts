import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import {
  bytesFromWordsLe,
  wordsFromBytesLe,
  xxteaDecryptBlock,
  xxteaDecryptWords,
  xxteaEncryptBlock,
  xxteaEncryptWords,
} from '../../../shared/tag/xxtea.ts';

// Vectors from /work/shared/spec/domain.md, "Test vectors" T1 and T2.

const words = (...w: number[]) => Uint32Array.from(w);
const hex = (b: Uint8Array) => toHex(b, false);

describe('XXTEA on 16-byte blocks, little-endian words (T1)', () => {
  const cases = [
    ['T1a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '0102040810204080fffefcf8f0e0c080', 'c0a19f06ebb0d63925aa27f74cc6b2d0'],
    ['T1b', '9e3779b99b9773e9b979379e6b695156', '0102040810204080fffefcf8f0e0c080', '01b815fd2e4894d13555da434c9d868a'],
  ] as const;
  for (const [name, key, pt, ct] of cases) {
    it(`${name} encrypts and decrypts`, () => {
      expect(hex(xxteaEncryptBlock(fromHex(pt), fromHex(key)))).toBe(ct);
      expect(hex(xxteaDecryptBlock(fromHex(ct), fromHex(key)))).toBe(pt);
    });
  }

  it('T1b in the SmokeRand word form gives the same words', () => {
    const k = words(0xb979379e, 0xe973979b, 0x9e3779b9, 0x5651696b);
    const pt = words(0x08040201, 0x80402010, 0xf8fcfeff, 0x80c0e0f0);
    expect([...xxteaEncryptWords(pt, k)]).toEqual([0xfd15b801, 0xd194482e, 0x43da5535, 0x8a869d4c]);
  });
});

describe('XXTEA on words (T2, TeaCrypt)', () => {
  const zeroKey = words(0, 0, 0, 0);
  it('T2a and T2b in word form', () => {
    expect([...xxteaEncryptWords(words(0, 0, 0, 0), zeroKey)]).toEqual([0xe6c8d5ff, 0x070fb6e4, 0x98a534f7, 0xac03e399]);
    const b = words(0x00010203, 0x04050607, 0x08090a0b, 0x0c0d0e0f);
    const cb = xxteaEncryptWords(b, zeroKey);
    expect([...cb]).toEqual([0xaf5cfb0e, 0xae73552b, 0x1d968a9f, 0x5cb94509]);
    expect([...xxteaDecryptWords(cb, zeroKey)]).toEqual([...b]);
  });

  it('T2a and T2b in their little-endian byte form', () => {
    const key = new Uint8Array(16);
    expect(hex(xxteaEncryptBlock(new Uint8Array(16), key))).toBe('ffd5c8e6e4b60f07f734a59899e303ac');
    expect(hex(xxteaEncryptBlock(fromHex('03020100070605040b0a09080f0e0d0c'), key))).toBe('0efb5caf2b5573ae9f8a961d0945b95c');
    expect(hex(xxteaDecryptBlock(fromHex('0efb5caf2b5573ae9f8a961d0945b95c'), key))).toBe('03020100070605040b0a09080f0e0d0c');
  });

  it('n = 2 word vectors', () => {
    const k = words(0x00112233, 0x44556677, 0x8899aabb, 0xccddeeff);
    expect([...xxteaEncryptWords(words(0, 0), zeroKey)]).toEqual([0x053704ab, 0x575d8c80]);
    expect([...xxteaEncryptWords(words(0x01020304, 0x05060708), zeroKey)]).toEqual([0xe6911910, 0x0c35dcda]);
    expect([...xxteaEncryptWords(words(0x01020304, 0x05060708), k)]).toEqual([0x961d49fc, 0x61ff12d6]);
    expect([...xxteaEncryptWords(words(0x01234567, 0x89abcdef), k)]).toEqual([0x34354989, 0xdd7d1a7a]);
  });

  it('does not modify the words it is given', () => {
    const v = words(1, 2, 3, 4);
    xxteaEncryptWords(v, zeroKey);
    xxteaDecryptWords(v, zeroKey);
    expect([...v]).toEqual([1, 2, 3, 4]);
  });
});

describe('XXTEA on other block sizes (T1 source, little-endian bytes)', () => {
  const cases = [
    ['n=2 zero key', '00000000000000000000000000000000', '0000000000000000', 'ab043705808c5d57'],
    ['n=2', '0102040810204080fffefcf8f0e0c080', '0000000000000000', 'd1e78be2c746728a'],
    ['n=2 ones', '9e3779b99b9773e9b979379e6b695156', 'ffffffffffffffff', '67ed0ea8e8973fc5'],
    ['n=3', 'ffffffffffffffffffffffffffffffff', '157c13a850ba5e57306d7791', 'b2601cefb078b772abccba6a'],
    ['n=5', '0102040810204080fffefcf8f0e0c080', '157c13a850ba5e57306d77916fa2c37be1949616', '51f0ffeb46012a245e0c6c4fa097db27caec698d'],
    [
      'n=8',
      '0102040810204080fffefcf8f0e0c080',
      'db9af3c96e36a30c643c6e97f4d75b7a4b51a40e9d8759e581e3c40b341b4436',
      '5ef1b6e010a2227ba337374b59beffc5263503054745fb513000641e2c7dd107',
    ],
  ] as const;
  for (const [name, key, pt, ct] of cases) {
    it(`${name} encrypts and decrypts`, () => {
      const k = wordsFromBytesLe(fromHex(key));
      expect(hex(bytesFromWordsLe(xxteaEncryptWords(wordsFromBytesLe(fromHex(pt)), k)))).toBe(ct);
      expect(hex(bytesFromWordsLe(xxteaDecryptWords(wordsFromBytesLe(fromHex(ct)), k)))).toBe(pt);
    });
  }
});

describe('XXTEA argument checks', () => {
  it('refuses a single word, a short key and a block that is not 16 bytes', () => {
    expect(() => xxteaEncryptWords(words(1), words(0, 0, 0, 0))).toThrow(/at least 2 data words/);
    expect(() => xxteaEncryptWords(words(1, 2), words(0, 0, 0))).toThrow(/key of 4 words/);
    expect(() => xxteaEncryptBlock(new Uint8Array(8), new Uint8Array(16))).toThrow(/16 bytes, got 8/);
    expect(() => xxteaDecryptBlock(new Uint8Array(16), new Uint8Array(15))).toThrow(/key is 16 bytes, got 15/);
  });
});
