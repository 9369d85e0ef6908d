// An in-memory USB HID reader for tests: the virtual reader (simulator/memoryReader.ts) behind the
// HID transfer layer. It takes output reports the way a BALTECH reader does (one BRP frame per
// report, refused when malformed) and answers each frame in the smallest input report it fits.

import { MemoryTransport } from '../../electron/host/transport/memoryTransport.ts';
import { Listeners } from '../../electron/host/transport/transport.ts';
import type { HidDeviceFactory, HidDeviceHandle, HidDeviceInfo } from '../../electron/host/transport/hidDevice.ts';
import { DEFAULT_HID_REPORT_LAYOUT, packHidReport, unpackHidReport, type HidReportLayout } from '../../shared/brp/hidReport.ts';
import { attachMemoryReader } from '../../simulator/memoryReader.ts';
import type { StateOptions } from '../../simulator/state/readerState.ts';

export interface MemoryHidReaderOptions {
  stateDir: string;
  state?: StateOptions;
  serialNumber?: string;
  productId?: number;
  layout?: HidReportLayout;
  /** Hand over every input report padded to this many bytes, as Windows does. */
  padInputReportsTo?: number;
  /** Further HID interfaces the machine shows (a keyboard, another vendor's device). */
  otherInterfaces?: HidDeviceInfo[];
}

export class MemoryHidReader implements HidDeviceFactory {
  readonly info: HidDeviceInfo;
  /** Output reports as they reached the reader, host to reader. */
  readonly reportsOut: Uint8Array[] = [];
  /** Input reports as the reader sent them, reader to host. */
  readonly reportsIn: Uint8Array[] = [];
  private readonly layout: HidReportLayout;
  private readonly handles = new Set<MemoryHidHandle>();

  constructor(private readonly opts: MemoryHidReaderOptions) {
    this.layout = opts.layout ?? DEFAULT_HID_REPORT_LAYOUT;
    this.info = {
      path: '/dev/hidraw-memory0',
      vendorId: 0x13ad,
      productId: opts.productId ?? 0x9cab,
      serialNumber: opts.serialNumber ?? '12345678',
      manufacturer: 'BALTECH AG',
      product: 'ID-engine (memory)',
      usagePage: 0xff00,
      usage: 0x01,
    };
  }

  async list(): Promise<HidDeviceInfo[]> {
    return [...(this.opts.otherInterfaces ?? []), this.info];
  }

  async open(path: string): Promise<HidDeviceHandle> {
    if (path !== this.info.path) throw new Error(`cannot open device with path ${path}`);
    const [host, end] = MemoryTransport.pair();
    await attachMemoryReader(end, this.opts.stateDir, this.opts.state);
    await host.open();
    const handle = new MemoryHidHandle(host, this);
    this.handles.add(handle);
    return handle;
  }

  /** The cable is pulled: every open handle reports a read error, as hidapi does. */
  unplug(): void {
    for (const h of this.handles) h.fail(new Error('could not read from HID device'));
    this.handles.clear();
  }

  /** Delivers raw bytes as if the reader had sent them as one input report. */
  sendRawInputReport(report: Uint8Array): void {
    for (const h of this.handles) h.deliver(report);
  }

  /** @internal the reader's side of one output report */
  takeOutputReport(report: Uint8Array): Uint8Array {
    const frame = unpackHidReport(report, this.layout);
    this.reportsOut.push(report.slice());
    return frame;
  }

  /** @internal the reader's answer frame as one input report */
  makeInputReport(frame: Uint8Array): Uint8Array {
    const report = packHidReport(frame, this.layout);
    this.reportsIn.push(report);
    const pad = this.opts.padInputReportsTo;
    if (pad === undefined || pad <= report.length) return report;
    const padded = new Uint8Array(pad);
    padded.set(report);
    return padded;
  }

  /** @internal */
  forget(handle: MemoryHidHandle): void {
    this.handles.delete(handle);
  }
}

class MemoryHidHandle implements HidDeviceHandle {
  private readonly reports = new Listeners<[Uint8Array]>();
  private readonly errors = new Listeners<[Error]>();
  private closed = false;

  constructor(private readonly wire: MemoryTransport, private readonly reader: MemoryHidReader) {
    // The virtual reader writes each answer frame in one piece.
    wire.onData((frame) => this.deliver(reader.makeInputReport(frame)));
  }

  async write(report: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('the device is closed');
    // A reader refuses a malformed SET_REPORT; hidapi reports that as a failed write.
    const frame = this.reader.takeOutputReport(report);
    await this.wire.write(frame);
  }

  deliver(report: Uint8Array): void {
    if (!this.closed) queueMicrotask(() => this.reports.emit(report));
  }

  fail(err: Error): void {
    if (this.closed) return;
    this.errors.emit(err);
  }

  onReport(listener: (report: Uint8Array) => void) {
    return this.reports.add(listener);
  }

  onError(listener: (err: Error) => void) {
    return this.errors.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reader.forget(this);
    await this.wire.peer?.close();
    await this.wire.close();
  }
}
