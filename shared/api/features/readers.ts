import type { LinkChecksumKind } from '../../brp/checksum.ts';
import type { HostParam, HostText } from '../../errors/hostText.ts';
import type { MethodNames } from '../methodNames.ts';
import { DEFAULT_MAX_BAUD, SET_COMM_PARAM_RATES } from '../../brp/lineRates.ts';

// Readers: ports, connections, reader state, the frame stream.
// Every method added to ReadersApi needs its name in READERS_METHODS and a schema in
// shared/api/params/readers.ts (the host validates every call before it runs); the type check says which is missing.

export type Unsubscribe = () => void;

export interface PortEntry {
  /** A serial port path, `hid:<serial number or path>` for a USB HID reader, or the virtual reader's address. */
  path: string;
  /** How the reader is attached; HID readers are marked as such in the port list. */
  kind: 'serial' | 'hid' | 'tcp';
  manufacturer: string | null;
  vendorId: string | null;
  productId: string | null;
  /** The embedded virtual reader, so newcomers see what to click. */
  virtual?: boolean;
  /** The connected reader on this port, so the list can say so; null when none is. */
  readerId: string | null;
}

/** Baud rates offered for serial ports; BRP readers ship with 115200 (8N1). */
export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const;
export const DEFAULT_BAUD_RATE = 115200;

/**
 * The fastest rate a serial port is raised to for uploads and read-backs (Sys.SetCommParam), per
 * port: the rates a reader can be switched to, from 9600 up; 921600 unless set.
 */
export const MAX_BAUD_CHOICES = SET_COMM_PARAM_RATES.filter((b) => b >= 9600);
export { DEFAULT_MAX_BAUD };

/** The frame checksum a reader's link uses: chosen from the kind of link, or set by the user for the port. */
export interface ReaderLink {
  checksum: LinkChecksumKind;
  /** What ReaderDesk knows of the link: TCP, USB HID, a USB virtual COM port, a serial line without USB, or unknown. */
  kind: 'tcp' | 'hid' | 'usb-serial' | 'serial' | 'unknown';
  automatic: boolean;
  /** Why, in words ("TCP checks the data itself", "set for this port"). */
  reason: string;
}

export interface ConnectOptions {
  /** The checksum for this port; left out, the kind of link decides (none on TCP and USB, CRC16 otherwise). */
  checksum?: LinkChecksumKind;
  /** The baud rate of a serial port; left out, 115200. TCP and USB HID have none. */
  baudRate?: number;
}

export interface ReaderSummary {
  id: string;
  address: string;
  /**
   * 'reconnecting' right after the reader dropped off the line; 'disconnected' once it did not come
   * back at once: ReaderDesk keeps trying in the background, and "Read again" tries at once.
   */
  state: 'connected' | 'reconnecting' | 'disconnected';
  /** The reader's serial number from its firmware string; null until read or where the firmware has none. */
  serialNumber: string | null;
  /** The name the user gave this reader (kept in the settings by serial number); null when none. */
  name: string | null;
  /** The embedded virtual reader. */
  virtual: boolean;
  /** The baud rate of a serial port (115200 unless set for the port); null on TCP and USB HID. */
  baudRate: number | null;
  /**
   * The fastest rate this serial port is raised to for uploads and read-backs (921600 unless set for
   * the port; a rate at or below `baudRate` keeps the port at its rate); null on TCP and USB HID.
   */
  maxBaud: number | null;
  firmware: string | null;
  configId: string | null;
  configName: string | null;
  version: number | null;
  /** 'unknown': the firmware cannot list configuration values, so it cannot tell (null: not read yet). */
  securityCode: 'set' | 'unset' | 'unknown' | null;
  projectSettings: boolean | null;
  customerKeyKind: 'default' | 'custom' | null;
  customerKeySignature: string | null;
  bootProblems: string[];
  lastError: string | null;
  /** lastError as a catalogue text, for the UI's language; null when there is none. */
  lastErrorText: HostParam | null;
  /** Null until the link is open. */
  link: ReaderLink | null;
  /** Sys.GetFeatures of this reader; null when its firmware lacks the command (see firmwareLacks) or it was not read yet. */
  features: ReaderFeatureList | null;
  /** Commands the firmware answered with ErrInvalidCmd, e.g. "Sys.GetFeatures": what this firmware cannot tell. */
  firmwareLacks: string[];
  /**
   * Whether tamper alarms reach ReaderDesk over BRP (AR.GetMessage): 'autoread-disabled' (AR.ErrArDisabled),
   * 'not-supported' (the firmware lacks AR.GetMessage); null until the first poll.
   */
  tamperReporting: TamperReporting | null;
}

export interface ReaderFeatureList {
  features: { id: number; name: string }[];
  /** Features above this id are unknown to the firmware: nothing can be said about them. */
  maxFeatureId: number;
}

export type TamperReporting = 'available' | 'autoread-disabled' | 'not-supported';

export interface AppInfo {
  version: string;
  platform: string;
  shell: 'electron' | 'web';
  simulatorAddress: string | null;
}

export type ReadersEvent =
  | { type: 'reader-changed'; reader: ReaderSummary }
  | { type: 'reader-removed'; id: string }
  | { type: 'tamper'; readerId: string; address: string; time: number; state: 'on' | 'off' }
  /** Sent once when a reader turns out unable to report tamper alarms over BRP. */
  | { type: 'tamper-unavailable'; readerId: string; address: string; time: number; reason: Exclude<TamperReporting, 'available'> }
  | { type: 'frame'; frame: FrameRecord }
  /** The port list changed (a reader was plugged in or out, or a port was connected). */
  | { type: 'ports-changed'; ports: PortEntry[] }
  /** Work that holds a reader (deploy, finalize, factory reset) started or ended. */
  | { type: 'jobs-changed'; jobs: RunningJob[] };

/** Something the host is doing with readers right now, for the status bar. */
export interface RunningJob {
  id: string;
  kind: 'deploy' | 'finalize' | 'factory-reset';
  /** Reader addresses the job holds. */
  addresses: string[];
  startedAt: number;
}

export interface FrameRecord {
  seq: number;
  time: number;
  direction: 'out' | 'in';
  address: string;
  hex: string;
  summary: string;
  /** `summary` as a catalogue text when it names a reader status, for the UI's language. */
  summaryText?: HostText;
  problem?: string;
  /** `problem` as a catalogue text, for the UI's language. */
  problemText?: HostText;
}

export interface ReadersApi {
  appInfo(): Promise<AppInfo>;
  listPorts(): Promise<PortEntry[]>;
  listReaders(): Promise<ReaderSummary[]>;
  /** Connects (or, with another checksum, reconnects) the reader at a serial path or tcp://host[:port]. */
  connect(address: string, options?: ConnectOptions): Promise<ReaderSummary>;
  disconnect(id: string): Promise<void>;
  refreshReader(id: string): Promise<ReaderSummary>;
  /**
   * Learns the reader's customer-key identity (default or custom, and its signature): copies the key
   * into a free key-list entry, signs it and removes the entry again. Reading a reader never does this.
   */
  identifyCustomerKey(id: string): Promise<ReaderSummary>;
  /** Names a reader (kept by serial number, or by address when it has none); an empty name removes it. */
  setReaderName(id: string, name: string): Promise<ReaderSummary>;
  /**
   * Sets the fastest rate the reader's serial port is raised to for uploads and read-backs, kept in
   * the settings for the port (one of MAX_BAUD_CHOICES). Refused for TCP and USB HID, which have no line speed.
   */
  setPortMaxBaud(id: string, maxBaud: number): Promise<ReaderSummary>;
  /** What the host is doing with readers right now. */
  runningJobs(): Promise<RunningJob[]>;
}

/** The methods of ReadersApi by name; their parameter schemas are in shared/api/params/readers.ts. */
export const READERS_METHODS = {
  appInfo: true,
  listPorts: true,
  listReaders: true,
  connect: true,
  disconnect: true,
  refreshReader: true,
  identifyCustomerKey: true,
  setReaderName: true,
  setPortMaxBaud: true,
  runningJobs: true,
} as const satisfies MethodNames<ReadersApi>;

/** A reader's summary before anything was read from it (the host's starting point; tests build on it). */
export function emptyReaderSummary(id: string, address: string, virtual: boolean, baudRate: number | null): ReaderSummary {
  return {
    id,
    address,
    state: 'connected',
    serialNumber: null,
    name: null,
    virtual,
    baudRate,
    maxBaud: baudRate === null ? null : DEFAULT_MAX_BAUD,
    firmware: null,
    configId: null,
    configName: null,
    version: null,
    securityCode: null,
    projectSettings: null,
    customerKeyKind: null,
    customerKeySignature: null,
    bootProblems: [],
    lastError: null,
    lastErrorText: null,
    link: null,
    features: null,
    firmwareLacks: [],
    tamperReporting: null,
  };
}
