import { SerialPort } from 'serialport';
import { nodeHidDevices } from '../transport/nodeHidDevices.ts';
import { HidUnavailableError, type HidDeviceFactory } from '../transport/hidDevice.ts';
import { hidAddressOf, isBaltechBrpInterface } from '../transport/baltechHid.ts';

export interface SerialPortEntry {
  path: string;
  manufacturer: string | null;
  vendorId: string | null;
  productId: string | null;
  serialNumber: string | null;
}

export type PortKind = 'serial' | 'hid';

/** A place a reader can be opened at: a serial port path or a `hid:` address. */
export interface ReaderPortEntry extends SerialPortEntry {
  kind: PortKind;
}

export interface ReaderPortList {
  ports: ReaderPortEntry[];
  /** Why USB HID readers could not be looked for (node-hid did not load); null when they were. */
  hidProblem: string | null;
}

let listing: Promise<SerialPortEntry[]> | undefined;

/**
 * The system's serial ports. Callers that ask while a listing is under way share it: on Linux each
 * listing runs udevadm over the whole device database, and a deploy to 64 readers asks 64 times at once.
 */
export function listSerialPorts(): Promise<SerialPortEntry[]> {
  if (listing) return listing;
  const current = SerialPort.list()
    .then((ports) =>
      ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        vendorId: p.vendorId ?? null,
        productId: p.productId ?? null,
        serialNumber: p.serialNumber ?? null,
      })),
    )
    .finally(() => {
      if (listing === current) listing = undefined;
    });
  listing = current;
  return current;
}

/** BALTECH readers on USB HID, addressed as `hid:<serial number or path>`. */
export async function listHidReaders(devices: HidDeviceFactory = nodeHidDevices): Promise<{ readers: ReaderPortEntry[]; problem: string | null }> {
  let all;
  try {
    all = await devices.list();
  } catch (err) {
    return { readers: [], problem: err instanceof HidUnavailableError ? err.message : `USB HID readers could not be listed: ${(err as Error).message}` };
  }
  const readers = all.filter(isBaltechBrpInterface).map((d) => ({
    path: hidAddressOf(d),
    manufacturer: d.manufacturer,
    vendorId: hex4(d.vendorId),
    productId: hex4(d.productId),
    serialNumber: d.serialNumber,
    kind: 'hid' as const,
  }));
  return { readers, problem: null };
}

/** Serial ports first, then USB HID readers. */
export async function listReaderPorts(opts: { hidDevices?: HidDeviceFactory } = {}): Promise<ReaderPortList> {
  const [serial, hid] = await Promise.all([listSerialPorts(), listHidReaders(opts.hidDevices)]);
  return { ports: [...serial.map((p) => ({ ...p, kind: 'serial' as const })), ...hid.readers], hidProblem: hid.problem };
}

/** Same form as serialport's ids: four lower-case hex digits. */
function hex4(id: number): string {
  return id.toString(16).padStart(4, '0');
}
