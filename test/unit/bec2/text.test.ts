import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import { Bec2FormatError, Bec2InputError, readTextContainer, writeTextContainer } from '../../../shared/bec2/index.ts';
import { vectorJson, vectorText } from './vectors.ts';

const FILES = [
  'v00_appnote_bf3.bf3',
  'v01_bf3_plain_component.bf3',
  'v02_bec2_custkey_update_v9.bec2',
  'v06_bec2_ecc_testkey_update_v9.bec2',
  'v09_bec2_devsettings_busaddr_update_v3.bec2',
];

describe('text container', () => {
  it.each(FILES)('reads and rewrites %s byte for byte', (name) => {
    const text = vectorText(name);
    const { comments, binary } = readTextContainer(text);
    const expected = vectorJson(`${name}.json`).expected;
    expect(toHex(binary)).toBe(expected.binary_hex);
    expect(Object.fromEntries(comments.map((c) => [c.name, c.value]))).toEqual(expected.comments ?? expected.parsed.comments);
    expect(writeTextContainer(comments, binary)).toBe(text);
  });

  it('writes the trailing empty hex line unless the length is 1 more than a multiple of 40', () => {
    expect(writeTextContainer([], new Uint8Array(40))).toBe(`\r\n${'00'.repeat(40)}\r\n\r\n`);
    expect(writeTextContainer([], new Uint8Array(41))).toBe(`\r\n${'00'.repeat(40)}\r\n00\r\n`);
    expect(writeTextContainer([], Uint8Array.of(0xab), '\n')).toBe('\nAB\n');
  });

  it('accepts LF line endings, lowercase hex and separators', () => {
    const lf = vectorText('v01_bf3_plain_component.bf3').replace(/\r\n/g, '\n').toLowerCase();
    const { binary, comments } = readTextContainer(lf);
    expect(toHex(binary)).toBe(vectorJson('v01_bf3_plain_component.bf3.json').expected.binary_hex);
    expect(comments[0]).toEqual({ name: 'firmwareid', value: '1234' });
    expect(toHex(readTextContainer('A: b\n\n01-02:03 04\n').binary)).toBe('01020304');
  });

  it('splits a comment at the first colon and trims the value', () => {
    expect(readTextContainer('Time:  12:30 \n\n00').comments).toEqual([{ name: 'Time', value: '12:30' }]);
  });

  it('rejects a header line without a colon, naming the line', () => {
    expect(() => readTextContainer('Creator: x\nnot a header\n\n00')).toThrow(/header line 2/);
  });

  it('rejects a file without the empty separator line', () => {
    const err = (() => {
      try {
        readTextContainer('Creator: x\r\n');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(Bec2FormatError);
    expect((err as Bec2FormatError).reason).toBe('format');
  });

  it('rejects non-hex data, odd digit counts and empty data', () => {
    expect(() => readTextContainer('\n0011\nZZ\n')).toThrow(/line 3 contains "Z"/);
    expect(() => readTextContainer('\n001\n')).toThrow(/odd number of digits/);
    expect(() => readTextContainer('A: b\n\n\n')).toThrow(/no hex data/);
  });

  it('refuses comments that would not read back the same', () => {
    expect(() => writeTextContainer([{ name: 'A:B', value: 'x' }], fromHex('00'))).toThrow(Bec2InputError);
    expect(() => writeTextContainer([{ name: 'A', value: 'x\ny' }], fromHex('00'))).toThrow(/line break/);
    expect(() => writeTextContainer([{ name: 'A', value: ' x' }], fromHex('00'))).toThrow(/whitespace/);
  });
});
