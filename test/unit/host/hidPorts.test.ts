import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listHidReaders, listReaderPorts } from '../../../electron/host/ports/listPorts.ts';
import { AppService } from '../../../electron/host/app/appService.ts';
import { SettingsStore } from '../../../electron/host/app/settings.ts';
import { HidUnavailableError, type HidDeviceFactory, type HidDeviceInfo } from '../../../electron/host/transport/hidDevice.ts';
import { MemoryHidReader } from '../../helpers/memoryHidReader.ts';
import { tempDir } from '../../helpers/processes.ts';

const stateDir = () => tempDir('rd-hidports-');

const iface = (over: Partial<HidDeviceInfo>): HidDeviceInfo => ({
  path: '/dev/hidraw5',
  vendorId: 0x13ad,
  productId: 0x9cab,
  serialNumber: '87654321',
  manufacturer: 'BALTECH AG',
  product: 'ID-engine',
  usagePage: 0xff00,
  usage: 0x01,
  ...over,
});

describe('listing BALTECH USB HID readers', () => {
  it('lists the BRP interface of a BALTECH reader as hid:<serial number>, marked hid', async () => {
    const reader = new MemoryHidReader({ stateDir: stateDir() });
    const { readers, problem } = await listHidReaders(reader);
    expect(problem).toBeNull();
    expect(readers).toEqual([
      { path: 'hid:12345678', kind: 'hid', manufacturer: 'BALTECH AG', vendorId: '13ad', productId: '9cab', serialNumber: '12345678' },
    ]);
  });

  it('leaves out keyboard interfaces, other vendors and product ids outside BALTECH’s reader ranges', async () => {
    const reader = new MemoryHidReader({
      stateDir: stateDir(),
      otherInterfaces: [
        iface({ path: '/dev/hidraw1', usagePage: 0x01, usage: 0x06 }), // the same reader's keyboard emulation
        iface({ path: '/dev/hidraw2', vendorId: 0x046d }),
        iface({ path: '/dev/hidraw3', productId: 0x2000 }),
        iface({ path: '/dev/hidraw4', productId: 1500, serialNumber: '1111' }),
        iface({ path: '/dev/hidraw6', productId: 0xf001, serialNumber: null, usagePage: null, usage: null }),
      ],
    });
    const { readers } = await listHidReaders(reader);
    expect(readers.map((r) => r.path)).toEqual(['hid:1111', 'hid:/dev/hidraw6', 'hid:12345678']);
  });

  it('lists no HID reader, and says why, where node-hid cannot load', async () => {
    const broken: HidDeviceFactory = {
      list: () => Promise.reject(new HidUnavailableError('the node-hid package is not installed')),
      open: () => Promise.reject(new Error('not expected')),
    };
    const { readers, problem } = await listHidReaders(broken);
    expect(readers).toEqual([]);
    expect(problem).toMatch(/USB HID readers cannot be used on this computer: the node-hid package is not installed\. Serial and TCP readers still work\./);
  });

  it('marks serial ports serial and HID readers hid, keeping every serial key', async () => {
    const { ports } = await listReaderPorts({ hidDevices: new MemoryHidReader({ stateDir: stateDir() }) });
    for (const p of ports) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['path', 'manufacturer', 'vendorId', 'productId', 'serialNumber', 'kind']));
      expect(p.kind).toBe(p.path.startsWith('hid:') ? 'hid' : 'serial');
    }
    expect(ports.filter((p) => p.kind === 'hid').map((p) => p.path)).toEqual(['hid:12345678']);
  });

  it('shows HID readers on the Readers page list next to the virtual reader', async () => {
    const app = new AppService({
      shell: 'web',
      simulatorAddress: '/tmp/rd-sim/tty',
      settings: new SettingsStore(path.join(stateDir(), 'settings.json')),
      hidDevices: new MemoryHidReader({ stateDir: stateDir() }),
    });
    try {
      const ports = await app.listPorts();
      expect(ports[0]).toMatchObject({ path: '/tmp/rd-sim/tty', kind: 'serial', virtual: true });
      expect(ports.find((p) => p.kind === 'hid')).toEqual({ path: 'hid:12345678', kind: 'hid', manufacturer: 'BALTECH AG', vendorId: '13ad', productId: '9cab', readerId: null });
    } finally {
      await app.close();
    }
  });
});
