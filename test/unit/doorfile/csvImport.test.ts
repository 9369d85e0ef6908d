import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bytes.ts';
import { readCsv } from '../../../shared/doorfile/csv.ts';
import { pinBits } from '../../../shared/doorfile/pin.ts';
import { importUsersCsv } from '../../../shared/doorfile/userCsv.ts';

const errors = (text: string) => importUsersCsv(text).issues.filter((i) => i.severity === 'error');

describe('CSV reader', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const { records, problems } = readCsv('\uFEFFa,b\r\n"x, ""y""",2\r\n"two\nlines",3\r\n\r\nlast,4');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', '2'] },
      { line: 3, fields: ['two\nlines', '3'] },
      { line: 6, fields: ['last', '4'] },
    ]);
  });
  it('reports an unclosed quote with the line it opens on', () => {
    const { problems } = readCsv('a,b\n1,"open\n2,3\n');
    expect(problems[0]!.message).toMatch(/^Line 2: a quoted field is never closed/);
  });
});

describe('PINs as BCD nibbles', () => {
  it('writes each digit as one nibble, left-justified', () => {
    expect(pinBits('1234')).toEqual({ value: 0x1234n, bitCount: 16 });
  });
  it('adds an F nibble to an odd number of digits so 123 and 1230 stay different', () => {
    expect(pinBits('123')).toEqual({ value: 0x123fn, bitCount: 16 });
    expect(pinBits('1230').value).not.toBe(pinBits('123').value);
  });
});

describe('users CSV import', () => {
  it('reads every format and the optional columns, with their defaults', () => {
    const csv = [
      'user_id,format,facility,card,raw_hex,raw_bits,pin,secondary_format,secondary_pin,active,attribute,activation,expiration,schedule',
      '1,h10301,30,11456,,,,,,,,,,',
      '2,c1000-35,42,69,,,,pin,2468,no,7,2025-01-01,2026-12-31,3',
      '3,h10304,42,69,,,,,,,,,,',
      '4,h10302,,69,,,,,,,,,,',
      '5,raw,,,0x9400016009A4,48,,,,,,,,',
      '6,pin,,,,,1234,,,yes,normal,20250101083000,20250102170000,',
    ].join('\n');
    const { users, issues } = importUsersCsv(csv);
    expect(issues).toEqual([]);
    expect(users.map((u) => toHex(u.primary.block).slice(0, 12))).toEqual([
      '8F166040FFFF',
      '80A8001140FF', // 0x40540008A << 5
      '8015000450FF',
      '0000000450FF',
      '9400016009A4',
      '1234FFFFFFFF',
    ]);
    expect(users[0]).toMatchObject({ active: true, attribute: 0, schedule: 0, activation: '20000101000000', expiration: '21790606235959', secondary: null });
    expect(users[1]).toMatchObject({ active: false, attribute: 7, schedule: 3, activation: '20250101000000', expiration: '20261231235959' });
    expect(toHex(users[1]!.secondary!.block).slice(0, 6)).toBe('2468FF');
    expect(users[5]!.primary.type).toBe('pin');
    expect(users[5]).toMatchObject({ activation: '20250101083000', expiration: '20250102170000' });
  });

  it('names line, column and the allowed range for a facility code out of range', () => {
    const [e] = errors('user_id,format,facility,card\n1,h10301,30,1\n2,h10301,256,1\n');
    expect(e!.message).toBe('Line 3, column facility: 256 is out of range for h10301; the allowed range is 0 to 255.');
    expect(e).toMatchObject({ line: 3, column: 'facility' });
  });

  it('checks card numbers against the format they belong to', () => {
    expect(errors('user_id,format,facility,card\n1,h10304,42,524288\n')[0]!.message).toMatch(/column card: 524288 is out of range for h10304; the allowed range is 0 to 524287/);
    expect(errors('user_id,format,facility,card\n1,c1000-35,4095,1048575\n')).toEqual([]);
  });

  it('reports the problems of the secondary credential under the secondary_ columns', () => {
    expect(errors('user_id,format,pin,secondary_format,secondary_pin\n1,pin,1234,pin,12a4\n')[0]).toMatchObject({ line: 2, column: 'secondary_pin' });
  });

  it('rejects raw values wider than raw_bits and unknown formats', () => {
    expect(errors('user_id,format,raw_hex,raw_bits\n1,raw,1FF,8\n')[0]!.message).toMatch(/Line 2, column raw_hex: 0x1FF needs 9 bits but raw_bits says 8/);
    expect(errors('user_id,format\n1,h10305\n')[0]!.message).toMatch(/Line 2, column format: "h10305" is not a credential format/);
  });

  it('rejects impossible dates and an expiration before the activation', () => {
    expect(errors('user_id,format,pin,activation\n1,pin,1234,2025-02-30\n')[0]!.message).toMatch(/Line 2, column activation: "2025-02-30" is not a date/);
    expect(errors('user_id,format,pin,activation,expiration\n1,pin,1234,2025-02-02,2025-02-01\n')[0]).toMatchObject({ line: 2, column: 'expiration' });
  });

  it('requires the user_id and format columns and a matching number of fields', () => {
    expect(errors('id,format\n1,pin\n')[0]!.message).toMatch(/no "user_id" column/);
    expect(errors('user_id,format,pin\n1,pin\n')[0]!.message).toMatch(/^Line 2: the line has 2 fields but the header has 3/);
  });

  it('warns about short PINs, unknown columns and values the format ignores', () => {
    const { issues } = importUsersCsv('user_id,format,card,pin,colour\n1,pin,77,12,red\n');
    expect(issues.map((i) => [i.severity, i.code, i.line, i.column])).toEqual([
      ['warning', 'unknown-column', 1, 'colour'],
      ['warning', 'ignored-value', 2, 'card'],
      ['warning', 'short-pin', 2, 'pin'],
    ]);
  });
});

describe('CSV line endings and stray characters', () => {
  const header = 'user_id,format,facility,card,raw_hex,raw_bits';
  const rows = ['1,raw,,,8F166045,32', '2,raw,,,8F166040,32', '3,raw,,,7F166040,32'];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR only', '\r'],
  ])('reads every user from a file with %s line endings and numbers lines as a spreadsheet does', (_name, eol) => {
    const r = importUsersCsv([header, ...rows].join(eol) + eol);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.users.map((u) => u.userId)).toEqual([1, 2, 3]);
  });

  it('reports a stray control character on its line instead of dropping the next user', () => {
    const r = importUsersCsv(`${header}\n${rows[0]}\n2,raw,,,8F16\u000b6040,32\n${rows[2]}\n`);
    expect(r.users.map((u) => u.userId)).toEqual([1, 3]);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/Line 3: a control character 0x0B/);
  });

  it('a lone CR between two rows is a line break, so both users are read', () => {
    const r = importUsersCsv(`${header}\n${rows[0]}\r${rows[1]}\n`);
    expect(r.users.map((u) => u.userId)).toEqual([1, 2]);
  });

  it('a header without user rows is an error, not an empty door file', () => {
    const r = importUsersCsv(`${header}\r\n`);
    expect(r.users).toEqual([]);
    expect(r.issues.some((i) => i.severity === 'error' && /no user rows/.test(i.message))).toBe(true);
  });
});
