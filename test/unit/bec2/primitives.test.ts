import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import { cbcMac } from '../../../shared/crypto/cbcMac.ts';
import { crc8404b, crc8404bBytes } from '../../../shared/crypto/crc8404b.ts';
import { securityCodeKey } from '../../../shared/bec2/index.ts';
import { vectorJson } from './vectors.ts';

const prim = vectorJson('primitives.json');

describe('the BF3/BEC2 MAC', () => {
  it.each(prim.mac_is_cbc_mac.cases as { data_hex: string; iv_hex: string; mac_hex: string }[])(
    'is CBC-MAC with zero padding ($data_hex)',
    ({ data_hex, iv_hex, mac_hex }) => {
      expect(toHex(cbcMac(fromHex(prim.mac_is_cbc_mac.key_hex), fromHex(data_hex), fromHex(iv_hex)))).toBe(mac_hex);
    },
  );

  it('is not NIST CMAC', () => {
    expect(toHex(cbcMac(fromHex(prim.mac_is_cbc_mac.key_hex), fromHex('6BC1BEE22E409F96E93D7E117393172A')))).not.toBe(
      '070A16B46B4D4144F79BDD9DD04A287C',
    );
  });

  it('refuses empty data, which the format cannot authenticate', () => {
    expect(() => cbcMac(new Uint8Array(16), new Uint8Array(0))).toThrow(/empty/);
  });
});

describe('CRC-16 8404B', () => {
  it.each(prim.crc8404B.cases as { data_hex: string; crc_hex: string }[])('matches $data_hex -> $crc_hex', ({ data_hex, crc_hex }) => {
    expect(toHex(crc8404bBytes(fromHex(data_hex)))).toBe(crc_hex);
    expect(crc8404b(fromHex(data_hex))).toBe(parseInt(crc_hex, 16));
  });
});

describe('security-code key', () => {
  it('is the first 16 bytes of SHA-256(code)', () => {
    const c = prim.config_security_code_key;
    expect(toHex(securityCodeKey(fromHex(c.security_code_hex)))).toBe(c.aes_key_hex);
  });
});
