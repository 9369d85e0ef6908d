import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/bytes.ts';
import { explainFrame } from '../../../shared/brp/explain.ts';

const GETINFO_RESPONSE =
  '2C 00 04 29 00 31 31 30 30 20 49 44 45 20 5A 20 20 20 20 20 31 2E 31 34 2E 30 30 20 31 32 2F 31 38 2F 31 39 20 34 33 38 39 33 31 32 36 00 E8 84';

const field = (ex: ReturnType<typeof explainFrame>, name: string) => ex.fields.find((f) => f.name === name);

describe('explainFrame', () => {
  it('explains the documented Sys.GetInfo command field by field', () => {
    const ex = explainFrame(fromHex('2C 00 04 00 00 4E 53'), 'command');
    expect(ex.direction).toBe('command');
    expect(ex.assumed).toBe(false);
    expect(ex.problems).toEqual([]);
    expect(ex.fields.map((f) => f.name)).toEqual(['FormatFlags', 'CmdCode', 'Length', 'Payload', 'Checksum']);
    expect(field(ex, 'FormatFlags')!.meaning).toMatch(/CRC16.*UncompressedLength.*UncompressedCmdCode.*Standard mode/);
    expect(field(ex, 'CmdCode')).toEqual({ name: 'CmdCode', hex: '00 04', meaning: 'Sys.GetInfo' });
    expect(field(ex, 'Checksum')).toEqual({ name: 'Checksum', hex: '4E 53', meaning: 'CRC16 ok' });
  });

  it('guesses that the documented Sys.GetInfo answer is a response and decodes the info text', () => {
    const ex = explainFrame(fromHex(GETINFO_RESPONSE));
    expect(ex.direction).toBe('response');
    expect(ex.assumed).toBe(true);
    expect(field(ex, 'Direction')!.meaning).toMatch(/assumed response/);
    expect(field(ex, 'Length')!.meaning).toMatch(/^41 bytes/);
    expect(field(ex, 'Payload')!.meaning).toContain('"1100 IDE Z     1.14.00 12/18/19 43893126"');
    expect(field(ex, 'Checksum')!.meaning).toBe('CRC16 ok');
    expect(ex.problems).toEqual([]);
  });

  it('reports a wrong checksum with the expected value', () => {
    const bytes = fromHex(GETINFO_RESPONSE);
    bytes[bytes.length - 1] = 0x85;
    const ex = explainFrame(bytes, 'response');
    expect(field(ex, 'Checksum')!.meaning).toBe('CRC16 wrong: expected E884');
    expect(ex.problems).toHaveLength(1);
  });

  it('explains an error response with the status name and meaning', () => {
    const ex = explainFrame(fromHex('AC 00 08 01 00 03 66 4B'));
    expect(ex.direction).toBe('response');
    expect(field(ex, 'FormatFlags')!.meaning).toMatch(/Failure/);
    expect(field(ex, 'Status')!.meaning).toMatch(/^Sys.ErrCfgNotFound: /);
    expect(ex.problems).toEqual([]);
  });

  it('decodes a request payload through the command table', () => {
    const ex = explainFrame(fromHex('2C 00 08 03 00 06 20 01 1C 16'));
    expect(ex.direction).toBe('command');
    expect(field(ex, 'Payload')!.meaning).toMatch(/Sys.CfgGetValue request: key = 1568 \(0x620\), value = 1/);
  });

  it('lists problems for truncated, trailing and unknown input without throwing', () => {
    expect(explainFrame(fromHex('2C 00')).problems[0]).toMatch(/header/);
    expect(explainFrame(fromHex('2C 00 08 03 00 06')).problems[0]).toMatch(/incomplete/);
    expect(explainFrame(fromHex('0C 00 04 00 00 FF')).problems).toEqual(['1 byte follows the end of the frame']);
    const unknown = explainFrame(fromHex('0C F0 AB 01 00 99'), 'command');
    expect(field(unknown, 'CmdCode')!.meaning).toBe('Command 0xF0AB');
    expect(unknown.problems).toEqual([]);
    expect(explainFrame(new Uint8Array(0)).problems).toEqual(['the frame is empty']);
    expect(explainFrame(fromHex('4C 00 04 00 00'), 'command').problems[0]).toMatch(/reserved/);
  });

  it('flags a payload that does not fit the command layout', () => {
    const ex = explainFrame(fromHex('0C 00 05 02 00 00 01'), 'response');
    expect(ex.problems[0]).toMatch(/Sys.GetBootStatus.*too short/);
  });
});
