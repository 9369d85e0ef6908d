import fs from 'node:fs';
import type { LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import { isTcpAddress } from '../../../shared/brp/tcpAddress.ts';
import { listSerialPorts, type SerialPortEntry } from '../ports/listPorts.ts';
import { isHidAddress } from './baltechHid.ts';

// Which frame checksum a link gets (real-readers.md, Link layer): BALTECH's own host library sends
// flags 0x0C without a checksum wherever the link checks integrity itself (TCP, USB), and a checksum
// belongs on plain RS-232/UART lines. Everything ReaderDesk cannot identify keeps CRC16.

export type LinkKind = 'tcp' | 'hid' | 'usb-serial' | 'serial' | 'unknown';

/** The checksum a session uses, and why, for `info` and the reader card. */
export interface LinkChecksum {
  checksum: LinkChecksumKind;
  /** The kind of link the automatic choice went by. */
  kind: LinkKind;
  /** True when ReaderDesk chose it from the kind of link; false when the user set it for the port. */
  automatic: boolean;
  reason: string;
}

/** What the system's serial port list says about a port; null when the port is not listed. */
export type PortKindInfo = Pick<SerialPortEntry, 'vendorId'> | null | undefined;

export function linkKindOf(address: string, portInfo?: PortKindInfo): LinkKind {
  if (isTcpAddress(address)) return 'tcp';
  if (isHidAddress(address)) return 'hid';
  if (!portInfo) return 'unknown';
  return portInfo.vendorId ? 'usb-serial' : 'serial';
}

/** The default for a port: no checksum on TCP, USB virtual COM ports and HID; CRC16 otherwise. */
export function defaultChecksumFor(address: string, portInfo?: PortKindInfo): LinkChecksumKind {
  const kind = linkKindOf(address, portInfo);
  return kind === 'tcp' || kind === 'hid' || kind === 'usb-serial' ? 'none' : 'crc16';
}

function automaticReason(address: string, portInfo: PortKindInfo): string {
  switch (linkKindOf(address, portInfo)) {
    case 'tcp':
      return 'TCP checks the data itself';
    case 'hid':
      return 'USB HID checks the data itself';
    case 'usb-serial':
      return `USB virtual COM port (vendor id ${portInfo?.vendorId}): USB checks the data itself`;
    case 'serial':
      return 'serial line without USB: CRC16 guards against damaged bytes';
    case 'unknown':
      return 'port of unknown kind (not in the system\'s serial port list): CRC16 to be safe';
  }
}

/** The checksum for a link: the user's choice for the port if there is one, else the default for its kind. */
export function linkChecksumFor(address: string, requested: LinkChecksumKind | undefined, portInfo?: PortKindInfo): LinkChecksum {
  const kind = linkKindOf(address, portInfo);
  if (requested) return { checksum: requested, kind, automatic: false, reason: 'set for this port' };
  return { checksum: defaultChecksumFor(address, portInfo), kind, automatic: true, reason: automaticReason(address, portInfo) };
}

/** Like linkChecksumFor, looking the port up in the system's serial port list where its kind matters. */
export async function chooseLinkChecksum(
  address: string,
  requested?: LinkChecksumKind,
  listPorts: () => Promise<SerialPortEntry[]> = listSerialPorts,
): Promise<LinkChecksum> {
  const kind = linkKindOf(address, null);
  if (requested || kind !== 'unknown') return linkChecksumFor(address, requested, null);
  let entry: SerialPortEntry | null = null;
  try {
    entry = findPort(address, await listPorts());
  } catch {
    // A port list that cannot be read leaves the kind unknown: CRC16 is the safe side.
  }
  return linkChecksumFor(address, undefined, entry);
}

/** The list entry for a path, also when the user names it through a symlink such as /dev/serial/by-id/…. */
function findPort(address: string, ports: SerialPortEntry[]): SerialPortEntry | null {
  const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
  const direct = ports.find((p) => same(p.path, address));
  if (direct) return direct;
  const real = realPath(address);
  if (!real) return null;
  return ports.find((p) => realPath(p.path) === real) ?? null;
}

function realPath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}
