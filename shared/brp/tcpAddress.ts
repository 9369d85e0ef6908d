// BRP over TCP addresses: tcp://host[:port]. A reader's BRP port is 2939 unless it was configured
// otherwise (BRP_DEFAULT_TCP_PORT in BALTECH's SDK; real-readers.md, Link layer).

import { englishText, hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export const BRP_DEFAULT_TCP_PORT = 2939;

export interface TcpAddress {
  host: string;
  port: number;
}

const TCP_ADDRESS = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[^:/[\]\s]+)(?::(\d{1,5}))?\/?$/;

export function isTcpAddress(address: string): boolean {
  return address.startsWith('tcp://');
}

/** What is wrong with a tcp:// address, as a catalogue clause; undefined when it is usable or not a tcp:// address. */
export function tcpAddressProblem(address: string): HostText | undefined {
  if (!isTcpAddress(address)) return undefined;
  const m = TCP_ADDRESS.exec(address);
  if (!m) return hostText('port.not-tcp-address', { address, port: String(BRP_DEFAULT_TCP_PORT) });
  if (m[2] !== undefined) {
    const port = Number(m[2]);
    if (port < 1 || port > 65535) return hostText('port.tcp-port-range', { address });
  }
  return undefined;
}

/** A tcp:// address that cannot be used; its message is the problem in English. */
export class TcpAddressError extends Error {
  override readonly name = 'TcpAddressError';
  constructor(readonly problem: HostText) {
    super(englishText(problem));
  }
}

/** Host and port of a tcp:// address; a missing port means 2939. Throws TcpAddressError with the problem. */
export function parseTcpAddress(address: string): TcpAddress {
  const problem = tcpAddressProblem(address) ?? (isTcpAddress(address) ? undefined : hostText('port.not-tcp', { address }));
  if (problem) throw new TcpAddressError(problem);
  const m = TCP_ADDRESS.exec(address)!;
  const host = m[1]!.startsWith('[') ? m[1]!.slice(1, -1) : m[1]!;
  return { host, port: m[2] === undefined ? BRP_DEFAULT_TCP_PORT : Number(m[2]) };
}

/** The one spelling of a TCP reader's address: tcp://host:port, the port always written out. */
export function formatTcpAddress({ host, port }: TcpAddress): string {
  return `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A tcp:// address in its full form (tcp://host → tcp://host:2939); anything else unchanged. */
export function canonicalReaderAddress(address: string): string {
  const a = address.trim();
  if (!isTcpAddress(a) || tcpAddressProblem(a)) return a;
  return formatTcpAddress(parseTcpAddress(a));
}
