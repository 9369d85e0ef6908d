import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLinkChecksum, defaultChecksumFor, linkKindOf } from '../../../electron/host/transport/linkChecksum.ts';
import type { SerialPortEntry } from '../../../electron/host/ports/listPorts.ts';
import { tempDir } from '../../helpers/processes.ts';

const entry = (p: string, vendorId: string | null): SerialPortEntry => ({ path: p, manufacturer: null, vendorId, productId: vendorId ? '0001' : null, serialNumber: null });

describe('the checksum a link gets by default', () => {
  it('is none where the link checks integrity itself: TCP, USB virtual COM ports, HID', () => {
    expect(defaultChecksumFor('tcp://10.0.0.5:2939')).toBe('none');
    expect(defaultChecksumFor('tcp://reader.local')).toBe('none');
    expect(defaultChecksumFor('/dev/ttyACM0', { vendorId: '13ad' })).toBe('none');
    expect(defaultChecksumFor('COM7', { vendorId: '10c4' })).toBe('none');
    expect(defaultChecksumFor('hid:0012345678')).toBe('none');
  });

  it('is CRC16 on a plain serial line and on a port of unknown kind (a pty is unknown)', () => {
    expect(defaultChecksumFor('/dev/ttyS0', { vendorId: null })).toBe('crc16');
    expect(defaultChecksumFor('/tmp/sim/tty', null)).toBe('crc16');
    expect(defaultChecksumFor('/dev/pts/3')).toBe('crc16');
    expect(linkKindOf('/dev/ttyS0', { vendorId: null })).toBe('serial');
    expect(linkKindOf('/dev/pts/3')).toBe('unknown');
  });

  it('looks the port up in the system list, also behind a symlink, and says why', async () => {
    const dir = tempDir('rd-link-');
    const device = path.join(dir, 'ttyUSB0');
    fs.writeFileSync(device, '');
    const byId = path.join(dir, 'usb-BALTECH_reader-if00');
    fs.symlinkSync(device, byId);
    const list = async () => [entry(device, '13ad'), entry('/dev/ttyS0', null)];

    const usb = await chooseLinkChecksum(byId, undefined, list);
    expect(usb).toMatchObject({ checksum: 'none', kind: 'usb-serial', automatic: true });
    expect(usb.reason).toMatch(/USB virtual COM port \(vendor id 13ad\)/);

    expect(await chooseLinkChecksum('/dev/ttyS0', undefined, list)).toMatchObject({ checksum: 'crc16', kind: 'serial', automatic: true });
    expect(await chooseLinkChecksum(path.join(dir, 'tty'), undefined, list)).toMatchObject({ checksum: 'crc16', kind: 'unknown' });
  });

  it('keeps the user\'s choice for the port and never asks the port list then', async () => {
    const list = async (): Promise<SerialPortEntry[]> => {
      throw new Error('must not be asked');
    };
    expect(await chooseLinkChecksum('/dev/ttyUSB0', 'crc16', list)).toEqual({ checksum: 'crc16', kind: 'unknown', automatic: false, reason: 'set for this port' });
    expect(await chooseLinkChecksum('tcp://127.0.0.1:4001', 'crc16', list)).toMatchObject({ checksum: 'crc16', kind: 'tcp', automatic: false });
  });

  it('falls back to CRC16 when the port list cannot be read', async () => {
    const broken = async (): Promise<SerialPortEntry[]> => {
      throw new Error('udev is gone');
    };
    expect(await chooseLinkChecksum('/dev/ttyUSB0', undefined, broken)).toMatchObject({ checksum: 'crc16', kind: 'unknown' });
  });
});
