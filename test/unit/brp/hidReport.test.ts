import { describe, expect, it } from 'vitest';
import { encodeCommandFrame } from '../../../shared/brp/frame.ts';
import { BrpFrameError } from '../../../shared/brp/errors.ts';
import { hidReportIdFor, maxHidFrameLength, packHidReport, unpackHidReport } from '../../../shared/brp/hidReport.ts';
import { fromHex, toHex } from '../../../shared/bytes.ts';

/** n bytes 0x01, 0x02, … (wrapping), so a shifted or cut frame shows in the hex. */
function counting(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i + 1) & 0xff);
}

const zeros = (n: number) => '00'.repeat(n);

describe('BRP frames in HID reports (transfer-layer page)', () => {
  it('packs Sys.GetInfo without checksum into report 1: id, length LSB first, frame, zero padding to 12 bytes', () => {
    const frame = encodeCommandFrame({ cmdCode: 0x0004, checksum: 'none' });
    expect(toHex(frame)).toBe('0C00040000');
    const report = packHidReport(frame);
    expect(toHex(report)).toBe('01' + '0500' + '0C00040000' + '00000000');
    expect(report.length).toBe(12);
  });

  it('fills report 1 completely with the largest frame it carries (9 bytes, no padding)', () => {
    const frame = fromHex('0C0008040006200102');
    expect(frame.length).toBe(9);
    expect(toHex(packHidReport(frame))).toBe('01' + '0900' + '0C0008040006200102');
  });

  it('moves a 10-byte frame, the smallest that does not fit report 1, into report 2 of 60 bytes', () => {
    const frame = counting(10);
    const report = packHidReport(frame);
    expect(report.length).toBe(60);
    expect(toHex(report)).toBe('02' + '0A00' + '0102030405060708090A' + zeros(47));
  });

  it('uses report 3 from 58 bytes and report 4 from 250 bytes on', () => {
    expect([57, 58, 249, 250, 1017].map((n) => hidReportIdFor(n))).toEqual([2, 3, 3, 4, 4]);
    const r3 = packHidReport(counting(58));
    expect(r3.length).toBe(252);
    expect(toHex(r3.subarray(0, 4))).toBe('033A0001');
    const r4 = packHidReport(counting(1017));
    expect(r4.length).toBe(1020);
    expect(toHex(r4.subarray(0, 3))).toBe('04F903');
    expect(r4[1019]).toBe(1017 & 0xff);
  });

  it('writes the frame length least significant byte first', () => {
    const report = packHidReport(counting(300));
    expect(toHex(report.subarray(0, 3))).toBe('042C01');
    expect(toHex(report.subarray(3, 6))).toBe('010203');
    expect(toHex(report.subarray(303))).toBe(zeros(1020 - 303));
  });

  it('refuses a frame too large for any report with a sentence that names the limit', () => {
    expect(() => packHidReport(counting(1018))).toThrow(BrpFrameError);
    expect(() => packHidReport(counting(1018))).toThrow(/1018 bytes does not fit any HID report.*at most 1017 bytes/);
  });

  it('unpacks the frame and ignores the padding', () => {
    const report = fromHex('01' + '0500' + '0C00040000' + 'FFFFFFFF');
    expect(toHex(unpackHidReport(report))).toBe('0C00040000');
    for (const n of [1, 9, 10, 57, 58, 249, 250, 1017]) {
      expect(unpackHidReport(packHidReport(counting(n)))).toEqual(counting(n));
    }
  });

  it('accepts a frame in a larger report than it needs', () => {
    const report = new Uint8Array(60);
    report.set(fromHex('0205000C00040000'));
    expect(toHex(unpackHidReport(report))).toBe('0C00040000');
  });

  it('refuses malformed reports with a clear reason', () => {
    expect(() => unpackHidReport(new Uint8Array(0))).toThrow(/empty HID report/);
    expect(() => unpackHidReport(fromHex('05' + '0100' + '00'.repeat(9)))).toThrow(/id 5 arrived; BRP travels only in reports with ids 1 to 4/);
    expect(() => unpackHidReport(fromHex('00' + '0100' + '00'.repeat(9)))).toThrow(/id 0/);
    expect(() => unpackHidReport(fromHex('01' + '0500' + '0C00040000' + '000000'))).toThrow(/HID report 1 is 11 bytes long, but a report with id 1 has 12 bytes/);
    expect(() => unpackHidReport(fromHex('02' + '0500' + '0C00040000' + '0000'))).toThrow(/has 60 bytes/);
    expect(() => unpackHidReport(fromHex('01' + '0A00' + '010203040506070809'))).toThrow(
      /announces a BRP frame of 10 bytes, but it has room for at most 9/,
    );
    expect(() => unpackHidReport(fromHex('01' + '0001' + zeros(9)))).toThrow(/frame of 256 bytes/);
    expect(() => unpackHidReport(fromHex('01' + '0000' + zeros(9)))).toThrow(/carries no BRP frame/);
  });

  it('also packs by the other reading of the sizes (report id byte not counted)', () => {
    const layout = { sizeCountsReportId: false };
    expect(maxHidFrameLength(1, layout)).toBe(10);
    const report = packHidReport(counting(10), layout);
    expect(toHex(report)).toBe('01' + '0A00' + '0102030405060708090A');
    expect(unpackHidReport(report, layout)).toEqual(counting(10));
    expect(packHidReport(counting(1018), layout).length).toBe(1021);
  });
});
