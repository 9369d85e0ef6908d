// What the HID transport needs from a USB HID stack. node-hid provides it on a real machine
// (nodeHidDevices.ts); tests plug in an in-memory reader instead.

import type { Unsubscribe } from './transport.ts';

export interface HidDeviceInfo {
  /** The operating system's path of the HID interface (hidraw node, IOService path, \\?\hid#…). */
  path: string;
  vendorId: number;
  productId: number;
  serialNumber: string | null;
  manufacturer: string | null;
  product: string | null;
  /** Top-level collection's usage page and usage; null where the HID stack does not tell. */
  usagePage: number | null;
  usage: number | null;
}

/** One opened HID interface. Reports carry their report id in the first byte. */
export interface HidDeviceHandle {
  /** Sends one output report (SET_REPORT on the control pipe where the device has no interrupt OUT endpoint). */
  write(report: Uint8Array): Promise<void>;
  /** Input reports from the interrupt IN pipe, one call per report. */
  onReport(listener: (report: Uint8Array) => void): Unsubscribe;
  /** The device went away or reading failed; no more reports will come. */
  onError(listener: (err: Error) => void): Unsubscribe;
  close(): Promise<void>;
}

export interface HidDeviceFactory {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDeviceHandle>;
}

/** The HID stack cannot be used on this machine (node-hid missing or its native part did not load). */
export class HidUnavailableError extends Error {
  override readonly name = 'HidUnavailableError';
  constructor(readonly reason: string) {
    super(`USB HID readers cannot be used on this computer: ${reason}. Serial and TCP readers still work.`);
  }
}
