import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../shared/csvWriter.ts';
import { readCsv } from '../../shared/doorfile/csv.ts';

describe('the CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1+cmd|"/c calc"!A0', `"'+1+cmd|""/c calc""!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralizes a cell that a spreadsheet would run: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
    // Read back, the value is the text itself behind an apostrophe that keeps it from running.
    expect(readCsv(`${cell}\r\n`).records[0]!.fields).toEqual([`'${value}`]);
  });

  it('leaves plain text and numbers as they are; a negative number is not a formula', () => {
    expect(csvCell('/dev/ttyUSB0')).toBe('/dev/ttyUSB0');
    expect(csvCell('tcp://127.0.0.1:4000')).toBe('tcp://127.0.0.1:4000');
    expect(csvCell(1234)).toBe('1234');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('')).toBe('');
  });

  it('quotes line breaks, quotes, commas and semicolons so that a field cannot start a row or a column', () => {
    const hostile = ['ok\r\nfake-port,accepted,ok', 'say "hi"', 'a,b', 'a;b', 'line\nbreak', 'carriage\rreturn'];
    const text = csvDocument(['first', 'second'], hostile.map((h) => [h, 'next']));
    const { records, problems } = readCsv(text);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([['first', 'second'], ...hostile.map((h) => [h, 'next'])]);
  });

  it('writes a header and one CRLF-ended line per row', () => {
    expect(csvDocument(['port', 'bytes'], [['/dev/ttyS0', 10], ['COM3', 0]])).toBe('port,bytes\r\n/dev/ttyS0,10\r\nCOM3,0\r\n');
    expect(csvDocument(['port'], [])).toBe('port\r\n');
  });
});
