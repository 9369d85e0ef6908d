import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/bytes.ts';
import { bcc8, checksumLength, crc16Ccitt } from '../../../shared/brp/checksum.ts';

describe('BRP checksums', () => {
  it('CRC16 reproduces the checksums of the documented Sys.GetInfo frames', () => {
    expect(crc16Ccitt(fromHex('2C 00 04 00 00'))).toBe(0x4e53);
    const response = fromHex(
      '2C 00 04 29 00 31 31 30 30 20 49 44 45 20 5A 20 20 20 20 20 31 2E 31 34 2E 30 30 20 31 32 2F 31 38 2F 31 39 20 34 33 38 39 33 31 32 36 00',
    );
    expect(crc16Ccitt(response)).toBe(0xe884);
  });

  it('CRC16 matches the CCITT-FALSE check value and can be chained over split blocks', () => {
    const text = new TextEncoder().encode('123456789');
    expect(crc16Ccitt(text)).toBe(0x29b1);
    expect(crc16Ccitt(text.subarray(4), crc16Ccitt(text.subarray(0, 4)))).toBe(0x29b1);
  });

  it('CRC16 from its lookup table equals the bit-by-bit definition for every byte and start value', () => {
    // The polynomial division as CCITT-FALSE defines it, one bit at a time.
    const bitwise = (data: Uint8Array, start: number) => {
      let crc = start;
      for (const b of data) {
        crc ^= b << 8;
        for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
      }
      return crc;
    };
    const differing: string[] = [];
    for (let start = 0; start <= 0xffff; start += 0x0101) {
      for (let b = 0; b < 256; b++) {
        if (crc16Ccitt(Uint8Array.of(b), start) !== bitwise(Uint8Array.of(b), start)) differing.push(`byte ${b} from ${start}`);
      }
    }
    expect(differing).toEqual([]);
    const frame = Uint8Array.from({ length: 300 }, (_, i) => (i * 151 + 7) & 0xff);
    expect(crc16Ccitt(frame)).toBe(bitwise(frame, 0xffff));
  });

  it('BCC8 is the XOR of all bytes', () => {
    expect(bcc8(fromHex('1C 00 04 00 00'))).toBe(0x18);
    expect(bcc8(fromHex('FF 0F F0'))).toBe(0x00);
    expect(bcc8(new Uint8Array(0))).toBe(0);
  });

  it('knows how many bytes each kind adds', () => {
    expect([checksumLength('none'), checksumLength('bcc8'), checksumLength('crc16'), checksumLength('bcc16')]).toEqual([0, 1, 2, 2]);
  });
});
