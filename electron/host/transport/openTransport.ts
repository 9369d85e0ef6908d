import type { Transport } from './transport.ts';
import { SerialTransport } from './serialTransport.ts';
import { TcpTransport } from './tcpTransport.ts';
import { HidTransport } from './hidTransport.ts';
import { isHidAddress } from './baltechHid.ts';
import type { HidDeviceFactory } from './hidDevice.ts';

/**
 * `tcp://host:port` opens a TCP link, `hid:<serial number or path>` a USB HID reader; anything else
 * is a serial device path (COM3, /dev/ttyUSB0).
 */
export function transportFor(address: string, opts: { baudRate?: number; hidDevices?: HidDeviceFactory } = {}): Transport {
  if (address.startsWith('tcp://')) return TcpTransport.parse(address);
  if (isHidAddress(address)) return HidTransport.parse(address, { devices: opts.hidDevices });
  return new SerialTransport(address, { baudRate: opts.baudRate });
}
