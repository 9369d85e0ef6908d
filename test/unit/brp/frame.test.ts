import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import {
  decodeCommandFrame,
  decodeResponseFrame,
  encodeCommandFrame,
  encodeResponseFrame,
  type ExecutionMode,
  type Phase,
} from '../../../shared/brp/frame.ts';
import { BrpChecksumError, BrpFrameError, UnsupportedChecksumError } from '../../../shared/brp/errors.ts';

const INFO_TEXT = '1100 IDE Z     1.14.00 12/18/19 43893126';
const INFO_PAYLOAD = new TextEncoder().encode(`${INFO_TEXT}\0`);
const hex = (s: string) => fromHex(s);

describe('documented example frames (brp.md 1.3)', () => {
  it('Sys.GetInfo without checksum', () => {
    const cmd = encodeCommandFrame({ cmdCode: 0x0004, checksum: 'none' });
    expect(toHex(cmd)).toBe('0C00040000');
    const res = encodeResponseFrame({ cmdCode: 0x0004, payload: INFO_PAYLOAD, checksum: 'none' });
    expect(toHex(res)).toBe(
      '0C0004290031313030204944452' + '05A2020202020312E31342E30302031322F31382F3139203433383933313236' + '00',
    );
    expect(res.length).toBe(46);
    const decoded = decodeResponseFrame(res);
    expect(decoded).toMatchObject({ cmdCode: 4, status: 0, checksum: 'none', phase: 'none', criticalBootStatus: false });
    expect(new TextDecoder().decode(decoded.payload)).toBe(`${INFO_TEXT}\0`);
  });

  it('Sys.GetInfo with CRC16, which is the host default', () => {
    expect(toHex(encodeCommandFrame({ cmdCode: 0x0004 }))).toBe('2C000400004E53');
    const res = encodeResponseFrame({ cmdCode: 0x0004, payload: INFO_PAYLOAD });
    expect(toHex(res.subarray(res.length - 2))).toBe('E884');
    expect(decodeResponseFrame(res).payload).toEqual(INFO_PAYLOAD);
  });

  // The table of frames computed in brp.md 1.3: [description, command or response, frame without checksum, with CRC16].
  const table: [string, () => { plain: Uint8Array; crc: Uint8Array }, string, string][] = [
    [
      'Sys.CfgGetValue(0x0620/0x01)',
      () => ({
        plain: encodeCommandFrame({ cmdCode: 0x0008, payload: hex('06 20 01'), checksum: 'none' }),
        crc: encodeCommandFrame({ cmdCode: 0x0008, payload: hex('06 20 01') }),
      }),
      '0C 00 08 03 00 06 20 01',
      '2C 00 08 03 00 06 20 01 1C 16',
    ],
    [
      'ErrCfgNotFound reply to 0x0008',
      () => ({
        plain: encodeResponseFrame({ cmdCode: 0x0008, status: 0x03, checksum: 'none' }),
        crc: encodeResponseFrame({ cmdCode: 0x0008, status: 0x03 }),
      }),
      '8C 00 08 01 00 03',
      'AC 00 08 01 00 03 66 4B',
    ],
    [
      'Sys.CfgSetValue(0x0202/0x19 := 01)',
      () => ({
        plain: encodeCommandFrame({ cmdCode: 0x0009, payload: hex('02 02 19 01 01'), checksum: 'none' }),
        crc: encodeCommandFrame({ cmdCode: 0x0009, payload: hex('02 02 19 01 01') }),
      }),
      '0C 00 09 05 00 02 02 19 01 01',
      '2C 00 09 05 00 02 02 19 01 01 48 ED',
    ],
    ...(
      [
        ['Sys.Reset', 0x0003, '0C 00 03 00 00', '2C 00 03 00 00 CB C3'],
        ['Sys.GetBootStatus', 0x0005, '0C 00 05 00 00', '2C 00 05 00 00 79 63'],
        ['Sys.CfgGetId', 0x0020, '0C 00 20 00 00', '2C 00 20 00 00 14 55'],
        ['Main.Bf3UploadStart', 0xf010, '0C F0 10 00 00', '2C F0 10 00 00 4E BD'],
      ] as const
    ).map(
      ([name, code, plain, crc]) =>
        [
          name,
          () => ({
            plain: encodeCommandFrame({ cmdCode: code, checksum: 'none' }),
            crc: encodeCommandFrame({ cmdCode: code }),
          }),
          plain,
          crc,
        ] as [string, () => { plain: Uint8Array; crc: Uint8Array }, string, string],
    ),
    [
      'Sys.FactoryReset(PerformReboot = true)',
      () => ({
        plain: encodeCommandFrame({ cmdCode: 0x0028, payload: hex('01'), checksum: 'none' }),
        crc: encodeCommandFrame({ cmdCode: 0x0028, payload: hex('01') }),
      }),
      '0C 00 28 01 00 01',
      '2C 00 28 01 00 01 A5 67',
    ],
  ];

  it.each(table)('%s encodes to the documented bytes and decodes back', (_name, build, plain, crc) => {
    const built = build();
    expect(toHex(built.plain)).toBe(toHex(hex(plain)));
    expect(toHex(built.crc)).toBe(toHex(hex(crc)));
    const isResponse = (hex(plain)[0]! & 0x80) !== 0;
    const decodePlain = isResponse ? decodeResponseFrame(hex(plain)) : decodeCommandFrame(hex(plain));
    const decodeCrc = isResponse ? decodeResponseFrame(hex(crc)) : decodeCommandFrame(hex(crc));
    expect(decodePlain.checksum).toBe('none');
    expect(decodeCrc.checksum).toBe('crc16');
    expect(decodeCrc.cmdCode).toBe(decodePlain.cmdCode);
    expect(decodeCrc.payload).toEqual(decodePlain.payload);
  });

  it('the break frame the SDK sends', () => {
    expect(toHex(encodeCommandFrame({ cmdCode: 0xffff, checksum: 'none' }))).toBe('0CFFFF0000');
  });

  it('an error response reports its status and an empty payload', () => {
    const f = decodeResponseFrame(hex('AC 00 08 01 00 03 66 4B'));
    expect(f.status).toBe(0x03);
    expect(f.payload.length).toBe(0);
  });
});

describe('checksum options', () => {
  it.each(['none', 'bcc8', 'crc16'] as const)('%s round-trips commands and responses', (checksum) => {
    const payload = hex('06 20 01');
    const cmd = encodeCommandFrame({ cmdCode: 0x0008, payload, checksum });
    expect(cmd.length).toBe(8 + { none: 0, bcc8: 1, crc16: 2 }[checksum]);
    expect(decodeCommandFrame(cmd)).toMatchObject({ cmdCode: 0x0008, payload, checksum });
    const res = encodeResponseFrame({ cmdCode: 0x0008, payload: hex('01 AA'), checksum });
    expect(decodeResponseFrame(res)).toMatchObject({ cmdCode: 0x0008, payload: hex('01 AA'), checksum, status: 0 });
  });

  it('BCC8 frames carry flag 0x10 and the XOR of all preceding bytes', () => {
    const f = encodeCommandFrame({ cmdCode: 0x0004, checksum: 'bcc8' });
    expect(toHex(f)).toBe('1C0004000018');
  });

  it('refuses to encode BCC16 and reports a received BCC16 frame as unsupported', () => {
    expect(() => encodeCommandFrame({ cmdCode: 0x0004, checksum: 'bcc16' })).toThrow(BrpFrameError);
    expect(() => encodeResponseFrame({ cmdCode: 0x0004, checksum: 'bcc16' })).toThrow(/BCC16/);
    expect(() => decodeCommandFrame(hex('3C 00 04 00 00 12 34'))).toThrow(UnsupportedChecksumError);
  });

  it('rejects a frame whose checksum does not match, saying both values', () => {
    const bad = hex('2C 00 04 00 00 4E 54');
    expect(() => decodeCommandFrame(bad)).toThrow(BrpChecksumError);
    try {
      decodeCommandFrame(bad);
    } catch (err) {
      expect(err).toMatchObject({ expected: 0x4e53, actual: 0x4e54, code: 'brp.checksum' });
      expect((err as Error).message).toContain('0x4E53');
    }
    const badBcc = encodeCommandFrame({ cmdCode: 0x0004, checksum: 'bcc8' });
    badBcc[badBcc.length - 1]! ^= 0x01;
    expect(() => decodeCommandFrame(badBcc)).toThrow(BrpChecksumError);
  });
});

describe('compressed forms', () => {
  it('a compressed command code packs the low 3 group bits and 5 index bits into one byte', () => {
    const f = encodeCommandFrame({ cmdCode: 0x0504, checksum: 'none', compressedCmdCode: true });
    expect(toHex(f)).toBe('08A40000'); // (5 << 5) | 4 = 0xA4; flag 0x04 clear
    const d = decodeCommandFrame(f);
    expect(d).toMatchObject({ cmdCode: 0x0504, compressedCmdCode: true, compressedLength: false });
  });

  it('refuses command codes that do not fit the compressed form', () => {
    expect(() => encodeCommandFrame({ cmdCode: 0xf010, compressedCmdCode: true })).toThrow(/does not fit/);
    expect(() => encodeCommandFrame({ cmdCode: 0x0020, compressedCmdCode: true })).toThrow(/does not fit/);
  });

  it('a compressed length is one byte and limits the payload to 255 bytes', () => {
    const f = encodeCommandFrame({ cmdCode: 0x0008, payload: hex('06 20 01'), checksum: 'none', compressedLength: true });
    expect(toHex(f)).toBe('0400080306' + '2001');
    expect(decodeCommandFrame(f)).toMatchObject({ compressedLength: true, payload: hex('06 20 01') });
    expect(() => encodeCommandFrame({ cmdCode: 1, payload: new Uint8Array(256), compressedLength: true })).toThrow(/2-byte length/);
    expect(encodeCommandFrame({ cmdCode: 1, payload: new Uint8Array(255), compressedLength: true }).length).toBe(1 + 2 + 1 + 255 + 2);
  });

  it('both compressed forms together, with a CRC, round-trip a response', () => {
    const f = encodeResponseFrame({ cmdCode: 0x0005, payload: hex('00 00 00 01'), compressedCmdCode: true, compressedLength: true });
    expect(f[0]).toBe(0x20);
    expect(decodeResponseFrame(f)).toMatchObject({ cmdCode: 0x0005, payload: hex('00 00 00 01'), compressedCmdCode: true });
  });

  it('the 2-byte length goes LengthLow first', () => {
    const f = encodeCommandFrame({ cmdCode: 0xf011, payload: new Uint8Array(0x0123), checksum: 'none' });
    expect(toHex(f.subarray(0, 5))).toBe('0CF0112301');
    expect(decodeCommandFrame(f).payload.length).toBe(0x0123);
  });
});

describe('execution modes and phases', () => {
  it.each([
    ['standard', 0x2c],
    ['repeat', 0x2d],
    ['continuous', 0x2e],
  ] as [ExecutionMode, number][])('%s mode sets flag bits %i', (mode, flags) => {
    const f = encodeCommandFrame({ cmdCode: 0x0501, mode });
    expect(f[0]).toBe(flags);
    expect(decodeCommandFrame(f).mode).toBe(mode);
  });

  it.each([
    ['none', 0x0c],
    ['repeatEnd', 0x0d],
    ['continuousEnd', 0x0e],
  ] as [Phase, number][])('phase %s sets flag bits %i', (phase, flags) => {
    const f = encodeResponseFrame({ cmdCode: 0x0501, payload: hex('00 00'), phase, checksum: 'none' });
    expect(f[0]).toBe(flags);
    expect(decodeResponseFrame(f).phase).toBe(phase);
  });

  it('a CmdWork frame in continuous mode is a Failure frame with status 0x40', () => {
    const f = encodeResponseFrame({ cmdCode: 0x0501, status: 0x40, checksum: 'none' });
    expect(toHex(f)).toBe('8C0501010040');
    expect(decodeResponseFrame(f).status).toBe(0x40);
  });

  it('CriticalBootStatus is flag 0x40 and survives a round trip, also on errors', () => {
    const f = encodeResponseFrame({ cmdCode: 0x0004, status: 0x41, criticalBootStatus: true, checksum: 'none' });
    expect(f[0]).toBe(0xcc);
    expect(decodeResponseFrame(f)).toMatchObject({ criticalBootStatus: true, status: 0x41 });
  });

  it('rejects undefined mode and phase 3 and reserved command flag bits', () => {
    expect(() => decodeCommandFrame(hex('0F 00 04 00 00'))).toThrow(/execution mode 3/);
    expect(() => decodeCommandFrame(hex('4C 00 04 00 00'))).toThrow(/reserved/);
    expect(() => decodeResponseFrame(hex('0F 00 04 00 00'))).toThrow(/phase 3/);
  });
});

describe('error responses and broken single frames', () => {
  it('an error response counts its status byte in the length and has no payload', () => {
    const f = encodeResponseFrame({ cmdCode: 0xf011, status: 0x13, checksum: 'none' });
    expect(toHex(f)).toBe('8CF011010013');
  });

  it('refuses a payload together with a status', () => {
    expect(() => encodeResponseFrame({ cmdCode: 4, status: 0x41, payload: hex('00') })).toThrow(/no payload/);
  });

  it('rejects a Failure frame without a status byte or with status 0', () => {
    expect(() => decodeResponseFrame(hex('8C 00 08 00 00'))).toThrow(/no status byte/);
    expect(() => decodeResponseFrame(hex('8C 00 08 01 00 00'))).toThrow(/0x00/);
  });

  it('says whether a frame is too short or too long', () => {
    expect(() => decodeCommandFrame(hex('2C 00 08 03 00 06 20'))).toThrow(/incomplete/);
    expect(() => decodeCommandFrame(hex('2C 00 04 00 00 4E 53 00'))).toThrow(/1 more byte follows/);
    expect(() => decodeCommandFrame(new Uint8Array(0))).toThrow(/empty/);
  });
});
