import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bytes.ts';
import { credentialBlock, makeCredential } from '../../../shared/doorfile/credential.ts';
import { encodeWiegand } from '../../../shared/doorfile/wiegand.ts';

const hex = (v: bigint) => '0x' + v.toString(16).toUpperCase();

describe('Wiegand frames, parity included (domain.md T5/T6)', () => {
  it('H10301 FC 30 CN 11456 is the seed example 0x23C5981', () => {
    expect(encodeWiegand('h10301', 30, 11456)).toEqual({ value: 0x23c5981n, bitCount: 26 });
  });
  it('H10301 FC 42 CN 69 is 0x254008A', () => {
    expect(hex(encodeWiegand('h10301', 42, 69).value)).toBe('0x254008A');
  });
  it('H10301 sets both parity bits when each half has an even number of ones', () => {
    // FC 3 CN 3: two ones in bits 2..13 -> E=0; two ones in 14..25 -> O=1.
    expect(encodeWiegand('h10301', 3, 3).value).toBe((3n << 17n) | (3n << 1n) | 1n);
    // FC 1 CN 0: one 1 in the first half -> E=1; none in the second -> O=1.
    expect(encodeWiegand('h10301', 1, 0).value).toBe((1n << 25n) | (1n << 17n) | 1n);
  });
  it('Corporate 1000 35-bit company 42 CN 69 is 0x40540008A', () => {
    expect(encodeWiegand('c1000-35', 42, 69)).toEqual({ value: 0x40540008an, bitCount: 35 });
  });
  it('H10304 FC 42 CN 69 is 0x1002A0008A', () => {
    expect(encodeWiegand('h10304', 42, 69)).toEqual({ value: 0x1002a0008an, bitCount: 37 });
  });
  it('H10302 CN 69 is 0x8A and CN 2^34 sets both parity bits', () => {
    expect(encodeWiegand('h10302', null, 69)).toEqual({ value: 0x8an, bitCount: 37 });
    // The only one sits in bit 2: E over 2..19 -> 1; O over 19..36 sees no ones -> 1.
    expect(hex(encodeWiegand('h10302', null, 2 ** 34).value)).toBe('0x1800000001');
  });
  it('refuses values outside the format and names the range', () => {
    expect(() => encodeWiegand('h10301', 256, 1)).toThrow(/0 to 255/);
    expect(() => encodeWiegand('h10301', 1, 65536)).toThrow(/0 to 65535/);
    expect(() => encodeWiegand('c1000-35', 4096, 1)).toThrow(/0 to 4095/);
  });
});

describe('16-byte credential blocks', () => {
  it('left-justifies 26 bits by 6 and pads with 0xFF (T5)', () => {
    expect(toHex(credentialBlock(0x23c5981n, 26))).toBe('8F166040FFFFFFFFFFFFFFFFFFFFFFFF');
  });
  it('keeps a byte-aligned 48-bit frame as it is (T5)', () => {
    expect(toHex(credentialBlock(0x9400016009a4n, 48))).toBe('9400016009A4FFFFFFFFFFFFFFFFFFFF');
  });
  it('fills 37-bit frames to 40 bits with zeros', () => {
    expect(toHex(makeCredential('card', 0x1002a0008an, 37).block)).toBe('8015000450FFFFFFFFFFFFFFFFFFFFFF');
  });
  it('refuses frames longer than the 8 bytes the lock keeps', () => {
    expect(() => credentialBlock(1n, 65)).toThrow(/1 to 64 bits/);
  });
});
