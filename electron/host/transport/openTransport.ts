import type { Transport } from './transport.ts';
import { SerialTransport } from './serialTransport.ts';
import { TcpTransport } from './tcpTransport.ts';

/** `tcp://host:port` opens a TCP link; anything else is a serial device path (COM3, /dev/ttyUSB0). */
export function transportFor(address: string, opts: { baudRate?: number } = {}): Transport {
  if (address.startsWith('tcp://')) return TcpTransport.parse(address);
  return new SerialTransport(address, opts);
}
