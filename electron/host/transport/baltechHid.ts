// Which HID interfaces are BALTECH BRP readers, and how ReaderDesk names them (`hid:<serial or path>`).
// The rule follows BALTECH's SDK enumerator (brp_ioiter_create_usb_hid): vendor id 0x13AD, product
// ids 40000-40999, 1000-1999 or 0xF001-0xFFFF, and the BRP interface (usage page 0xFF00, usage 1).

import type { HidDeviceInfo } from './hidDevice.ts';

export const BALTECH_USB_VENDOR_ID = 0x13ad;

const BALTECH_PRODUCT_ID_RANGES: readonly (readonly [number, number])[] = [
  [40000, 40999],
  [1000, 1999],
  [0xf001, 0xffff],
];

const BRP_USAGE_PAGE = 0xff00;
const BRP_USAGE = 0x01;

export const HID_ADDRESS_PREFIX = 'hid:';

export function isHidAddress(address: string): boolean {
  return address.startsWith(HID_ADDRESS_PREFIX);
}

/**
 * A BALTECH reader's BRP interface. A reader can also show a keyboard interface (keyboard
 * emulation); the usage tells them apart. Where the HID stack does not report the usage, the
 * interface is kept: leaving a reader out would be worse than listing one interface too many.
 */
export function isBaltechBrpInterface(d: HidDeviceInfo): boolean {
  if (d.vendorId !== BALTECH_USB_VENDOR_ID) return false;
  if (!BALTECH_PRODUCT_ID_RANGES.some(([lo, hi]) => d.productId >= lo && d.productId <= hi)) return false;
  if (d.usagePage === null) return true;
  return d.usagePage === BRP_USAGE_PAGE && (d.usage === null || d.usage === BRP_USAGE);
}

/** BALTECH readers carry a numeric serial number (the SDK opens them by it). */
function hasReaderSerial(d: HidDeviceInfo): d is HidDeviceInfo & { serialNumber: string } {
  return d.serialNumber !== null && /^\d+$/.test(d.serialNumber);
}

/** `hid:<serial number>`, or `hid:<path>` for an interface without a usable serial number. */
export function hidAddressOf(d: HidDeviceInfo): string {
  return HID_ADDRESS_PREFIX + (hasReaderSerial(d) ? d.serialNumber : d.path);
}

/**
 * The interface a `hid:` target names: a BALTECH reader with that serial number first, else any HID
 * interface with exactly that path (a reader whose USB ids were changed can still be opened by path).
 */
export function findHidInterface(target: string, devices: readonly HidDeviceInfo[]): HidDeviceInfo | undefined {
  return devices.find((d) => isBaltechBrpInterface(d) && d.serialNumber === target) ?? devices.find((d) => d.path === target);
}
