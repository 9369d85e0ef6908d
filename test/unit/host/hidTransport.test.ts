import { afterEach, describe, expect, it } from 'vitest';
import { HidTransport } from '../../../electron/host/transport/hidTransport.ts';
import { transportFor } from '../../../electron/host/transport/openTransport.ts';
import { HidUnavailableError, type HidDeviceFactory, type HidDeviceInfo } from '../../../electron/host/transport/hidDevice.ts';
import { BrpSession } from '../../../electron/host/brp/session.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { BrpFrameError, PortLostError } from '../../../shared/brp/errors.ts';
import { toHex } from '../../../shared/bytes.ts';
import { MemoryHidReader, type MemoryHidReaderOptions } from '../../helpers/memoryHidReader.ts';
import { tempDir } from '../../helpers/processes.ts';

const FIRMWARE = '1100 HID Z     1.14.00 12/18/19';

const sessions: BrpSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function hidSession(opts: Partial<MemoryHidReaderOptions> = {}) {
  const reader = new MemoryHidReader({ stateDir: tempDir('rd-hid-'), state: { firmware: FIRMWARE }, ...opts });
  const transport = HidTransport.parse('hid:12345678', { devices: reader });
  await transport.open();
  // HID checks integrity itself: BRP frames go without a checksum, as BALTECH's SDK sends them.
  const session = new BrpSession(transport, { checksum: 'none', timeoutMarginMs: 200 });
  sessions.push(session);
  return { reader, transport, session };
}

describe('BRP session over USB HID reports (in-memory reader)', () => {
  it('gets the firmware string with Sys.GetInfo sent in report 1 and answered in report 2', async () => {
    const { reader, session } = await hidSession();
    const { info } = await session.execute(Sys.SysGetInfo, undefined);
    expect(info.startsWith(FIRMWARE)).toBe(true);
    // Sys.GetInfo without checksum is 0C 00 04 00 00: report 1, length 5 LSB first, 4 bytes padding.
    expect(reader.reportsOut.map((r) => toHex(r))).toEqual(['01' + '0500' + '0C00040000' + '00000000']);
    const answer = reader.reportsIn[0]!;
    expect(answer[0]).toBe(2);
    expect(answer.length).toBe(60);
    const frameLength = answer[1]! | (answer[2]! << 8);
    expect(frameLength).toBeGreaterThan(9);
    expect(new TextDecoder().decode(answer.subarray(3 + 5, 3 + 5 + FIRMWARE.length))).toBe(FIRMWARE);
  });

  it('carries a 109-byte Sys.CfgSetValue in report 3 and reads the 100-byte value back in report 3', async () => {
    const { reader, session } = await hidSession();
    const content = Uint8Array.from({ length: 100 }, (_, i) => i);
    await session.execute(Sys.SysCfgSetValue, { key: 0x0620, value: 0x07, content });
    const read = await session.execute(Sys.SysCfgGetValue, { key: 0x0620, value: 0x07 });
    expect(read.content).toEqual(content);
    expect(reader.reportsOut.map((r) => [r[0], r.length, r[1]! | (r[2]! << 8)])).toEqual([
      [3, 252, 109],
      [1, 12, 8],
    ]);
    expect(reader.reportsIn.map((r) => [r[0], r.length])).toEqual([
      [1, 12],
      [3, 252],
    ]);
  });

  it('reads input reports that Windows hands over padded to the longest report', async () => {
    const { session } = await hidSession({ padInputReportsTo: 1021 });
    expect((await session.execute(Sys.SysGetInfo, undefined)).info.startsWith(FIRMWARE)).toBe(true);
  });

  it('refuses a frame too large for any report before anything is sent', async () => {
    const { reader, session } = await hidSession();
    const err = await session.raw(0x0009, new Uint8Array(1100)).catch((e) => e);
    expect(err).toBeInstanceOf(BrpFrameError);
    expect(err.message).toMatch(/does not fit any HID report/);
    expect(reader.reportsOut).toEqual([]);
    expect((await session.execute(Sys.SysGetInfo, undefined)).info.startsWith(FIRMWARE)).toBe(true);
  });

  it('drops a malformed input report, says why, and goes on working', async () => {
    const { reader, transport, session } = await hidSession();
    const problems: string[] = [];
    transport.onMalformedReport((p) => problems.push(p));
    reader.sendRawInputReport(Uint8Array.of(7, 1, 0, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(problems).toEqual([expect.stringMatching(/id 7 arrived; BRP travels only in reports with ids 1 to 4/)]);
    expect((await session.execute(Sys.SysGetInfo, undefined)).info.startsWith(FIRMWARE)).toBe(true);
  });

  it('reports a pulled cable as a lost port', async () => {
    const { reader, transport, session } = await hidSession();
    const lost: string[] = [];
    session.onPortLost((r) => lost.push(r));
    reader.unplug();
    expect(lost).toEqual([expect.stringMatching(/USB HID reader was unplugged/)]);
    expect(transport.isOpen).toBe(false);
    await expect(session.execute(Sys.SysGetInfo, undefined)).rejects.toBeInstanceOf(PortLostError);
  });

  it('opens the reader by its device path as well as by its serial number', async () => {
    const reader = new MemoryHidReader({ stateDir: tempDir('rd-hid-'), state: { firmware: FIRMWARE } });
    const transport = transportFor(`hid:${reader.info.path}`, { hidDevices: reader });
    expect(transport).toBeInstanceOf(HidTransport);
    await transport.open();
    const session = new BrpSession(transport, { checksum: 'none' });
    sessions.push(session);
    expect((await session.execute(Sys.SysGetInfo, undefined)).info.startsWith(FIRMWARE)).toBe(true);
  });
});

describe('opening hid: addresses', () => {
  const reader = new MemoryHidReader({ stateDir: tempDir('rd-hid-') });

  it('names the missing reader and where to look', async () => {
    const err = await HidTransport.parse('hid:99999999', { devices: reader }).open().catch((e) => e);
    expect(err).toBeInstanceOf(PortLostError);
    expect(err.message).toMatch(/^The link to hid:99999999 is not available: no USB HID reader with serial number or path "99999999" is connected/);
    expect(err.message).toMatch(/readerdesk ports/);
  });

  it('does not take another vendor’s device for a reader because its serial number matches', async () => {
    const other: HidDeviceInfo = { ...reader.info, path: '/dev/hidraw9', vendorId: 0x046d, serialNumber: '555' };
    const devices: HidDeviceFactory = { list: async () => [other], open: () => Promise.reject(new Error('not expected')) };
    await expect(HidTransport.parse('hid:555', { devices }).open()).rejects.toThrow(/no USB HID reader with serial number or path "555"/);
  });

  it('explains an address without a target', () => {
    expect(() => transportFor('hid:')).toThrow(/hid:<serial number> or hid:<device path>/);
  });

  it('says in words that HID cannot be used where node-hid does not load', async () => {
    const devices: HidDeviceFactory = {
      list: () => Promise.reject(new HidUnavailableError("node-hid's native library did not load (libudev.so.1: cannot open shared object file)")),
      open: () => Promise.reject(new Error('not expected')),
    };
    const err = await HidTransport.parse('hid:12345678', { devices }).open().catch((e) => e);
    expect(err).toBeInstanceOf(PortLostError);
    expect(err.message).toMatch(/USB HID readers cannot be used on this computer \(node-hid's native library did not load/);
  });

  it('passes on why the operating system would not open the device', async () => {
    const devices: HidDeviceFactory = { list: async () => [reader.info], open: () => Promise.reject(new Error('cannot open device with path /dev/hidraw-memory0')) };
    const err = await HidTransport.parse('hid:12345678', { devices }).open().catch((e) => e);
    expect(err.message).toMatch(/the HID interface \/dev\/hidraw-memory0 could not be opened \(cannot open device with path/);
  });
});
