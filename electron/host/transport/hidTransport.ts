import { Listeners, type Transport } from './transport.ts';
import { HidUnavailableError, type HidDeviceFactory, type HidDeviceHandle } from './hidDevice.ts';
import { nodeHidDevices } from './nodeHidDevices.ts';
import { findHidInterface, HID_ADDRESS_PREFIX } from './baltechHid.ts';
import { PortLostError, type PortLostReason } from '../../../shared/brp/errors.ts';
import { hostText } from '../../../shared/errors/hostError.ts';
import type { HostText } from '../../../shared/errors/hostText.ts';
import {
  DEFAULT_HID_REPORT_LAYOUT,
  hidReportLength,
  maxHidFrameLength,
  packHidReport,
  unpackHidReport,
  type HidReportLayout,
} from '../../../shared/brp/hidReport.ts';

export interface HidTransportOptions {
  /** The HID stack; node-hid unless a test plugs in another. */
  devices?: HidDeviceFactory;
  layout?: HidReportLayout;
}

/**
 * BRP to a USB HID reader (`hid:<serial number or path>`). Each write is one whole BRP frame (the
 * session writes frame by frame) and goes out as one output report; each input report carries one
 * frame, which onData hands on whole.
 */
export class HidTransport implements Transport {
  readonly address: string;
  private device: HidDeviceHandle | undefined;
  private closing = false;
  private readonly devices: HidDeviceFactory;
  private readonly layout: HidReportLayout;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly lost = new Listeners<[PortLostReason]>();
  private readonly malformed = new Listeners<[string]>();

  constructor(readonly target: string, opts: HidTransportOptions = {}) {
    this.address = HID_ADDRESS_PREFIX + target;
    this.devices = opts.devices ?? nodeHidDevices;
    this.layout = opts.layout ?? DEFAULT_HID_REPORT_LAYOUT;
  }

  static parse(address: string, opts: HidTransportOptions = {}): HidTransport {
    const target = address.slice(HID_ADDRESS_PREFIX.length).trim();
    if (!address.startsWith(HID_ADDRESS_PREFIX) || target === '') {
      throw new PortLostError(address, hostText('port.hid-address', {}));
    }
    return new HidTransport(target, opts);
  }

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  get maxFrameBytes(): number {
    return maxHidFrameLength(4, this.layout);
  }

  async open(): Promise<void> {
    this.closing = false;
    let path: string;
    try {
      const found = findHidInterface(this.target, await this.devices.list());
      if (!found) {
        throw new PortLostError(this.address, hostText('port.no-hid-reader', { target: this.target }));
      }
      path = found.path;
    } catch (err) {
      if (err instanceof PortLostError) throw err;
      const why = err instanceof HidUnavailableError ? err.reason : (err as Error).message;
      throw new PortLostError(this.address, hostText('port.hid-unavailable', { why }));
    }
    let device: HidDeviceHandle;
    try {
      device = await this.devices.open(path);
    } catch (err) {
      throw new PortLostError(this.address, describeOpenError(path, err as Error));
    }
    device.onReport((report) => this.onReport(report));
    device.onError((err) => this.onDeviceError(err));
    this.device = device;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new PortLostError(this.address, hostText('port.hid-not-open', {}));
    const report = packHidReport(bytes, this.layout);
    try {
      await device.write(report);
    } catch (err) {
      throw new PortLostError(this.address, hostText('port.hid-report-refused', { why: (err as Error).message }));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    const device = this.device;
    this.device = undefined;
    await device?.close().catch(() => undefined);
  }

  onData(listener: (bytes: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onLost(listener: (reason: PortLostReason) => void) {
    return this.lost.add(listener);
  }

  /** A report that breaks the transfer-layer rules; it is dropped, and this says why. */
  onMalformedReport(listener: (reason: string) => void) {
    return this.malformed.add(listener);
  }

  private onReport(report: Uint8Array): void {
    const id = report[0];
    if (id === 1 || id === 2 || id === 3 || id === 4) {
      // Windows hands every input report over padded to the device's longest input report.
      const length = hidReportLength(id, this.layout);
      if (report.length > length) report = report.subarray(0, length);
    }
    let frame: Uint8Array;
    try {
      frame = unpackHidReport(report, this.layout);
    } catch (err) {
      this.malformed.emit((err as Error).message);
      return;
    }
    this.data.emit(frame);
  }

  private onDeviceError(err: Error): void {
    if (this.closing || !this.device) return;
    const device = this.device;
    this.device = undefined;
    void device.close().catch(() => undefined);
    this.lost.emit(hostText('port.hid-unplugged', { why: err.message }));
  }
}

function describeOpenError(path: string, err: Error): HostText {
  const hint = process.platform === 'linux' ? hostText('port.hid-linux-access', {}) : '';
  return hostText('port.hid-open-failed', { path, why: err.message, hint });
}
