// The real HID stack: node-hid (hidapi), loaded only when a HID address or the port list needs it,
// so a machine where its native part cannot load still runs everything else.

import { HidUnavailableError, type HidDeviceFactory, type HidDeviceHandle, type HidDeviceInfo } from './hidDevice.ts';
import { Listeners } from './transport.ts';

type NodeHid = typeof import('node-hid');
type NodeHidAsync = Awaited<ReturnType<NodeHid['HIDAsync']['open']>>;

let loading: Promise<NodeHid> | undefined;

/** Imports node-hid and loads its native binding once; a failure is remembered and reported in words. */
function loadNodeHid(): Promise<NodeHid> {
  loading ??= (async () => {
    let mod: NodeHid;
    try {
      const imported = (await import('node-hid')) as NodeHid & { default?: NodeHid };
      mod = imported.default ?? imported;
    } catch (err) {
      throw new HidUnavailableError(`the node-hid package is not installed (${firstLine(err)})`);
    }
    try {
      // The native part loads on first use; fail here rather than in the middle of an open.
      mod.getHidapiVersion();
    } catch (err) {
      throw new HidUnavailableError(`node-hid's native library did not load (${firstLine(err)})`);
    }
    return mod;
  })();
  return loading;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!.trim();
}

export const nodeHidDevices: HidDeviceFactory = {
  async list(): Promise<HidDeviceInfo[]> {
    const hid = await loadNodeHid();
    const devices = await hid.devicesAsync();
    return devices
      .filter((d) => typeof d.path === 'string' && d.path !== '')
      .map((d) => ({
        path: d.path!,
        vendorId: d.vendorId,
        productId: d.productId,
        serialNumber: d.serialNumber || null,
        manufacturer: d.manufacturer || null,
        product: d.product || null,
        usagePage: d.usagePage || null,
        usage: d.usage || null,
      }));
  },

  async open(path: string): Promise<HidDeviceHandle> {
    const hid = await loadNodeHid();
    return new NodeHidHandle(await hid.HIDAsync.open(path));
  },
};

class NodeHidHandle implements HidDeviceHandle {
  private readonly reports = new Listeners<[Uint8Array]>();
  private readonly errors = new Listeners<[Error]>();

  constructor(private readonly device: NodeHidAsync) {
    device.on('data', (data: Buffer) => this.reports.emit(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    device.on('error', (err: unknown) => this.errors.emit(err instanceof Error ? err : new Error(String(err))));
  }

  async write(report: Uint8Array): Promise<void> {
    // hidapi's write sends an output report: over the interrupt OUT pipe where the device has one,
    // otherwise as SET_REPORT on the control pipe, which is where BALTECH readers take reports.
    await this.device.write(Buffer.from(report.buffer, report.byteOffset, report.byteLength));
  }

  onReport(listener: (report: Uint8Array) => void) {
    return this.reports.add(listener);
  }

  onError(listener: (err: Error) => void) {
    return this.errors.add(listener);
  }

  async close(): Promise<void> {
    this.reports.clear();
    this.errors.clear();
    await this.device.close();
  }
}
