import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';

// Hex is how frames, keys and configuration values appear to the user and in files.
describe('hex text', () => {
  it('writes every byte value as two digits, upper case unless asked otherwise', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toHex(all);
    expect(text).toHaveLength(512);
    expect(text.slice(0, 8)).toBe('00010203');
    expect(text.slice(-4)).toBe('FEFF');
    expect(toHex(Uint8Array.of(0xab, 0x0c), false)).toBe('ab0c');
    expect(fromHex(text)).toEqual(all);
  });

  it('reads either case and ignores spaces and colons', () => {
    expect(fromHex('de:AD be EF\n01')).toEqual(Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 0x01));
    expect(fromHex('')).toEqual(new Uint8Array(0));
  });

  it('says which character is no hex digit, and when a digit is missing', () => {
    expect(() => fromHex('0G')).toThrow('hex text contains "G", which is not a hex digit');
    expect(() => fromHex('12x4')).toThrow('hex text contains "x", which is not a hex digit');
    expect(() => fromHex('ü0')).toThrow('hex text contains "ü", which is not a hex digit');
    expect(() => fromHex('123')).toThrow('hex text has an odd number of digits (3)');
  });
});
