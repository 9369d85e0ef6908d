import { z } from 'zod';
import { LINK_CHECKSUMS, type LinkChecksumKind } from '../../brp/checksum.ts';
import { tcpAddressProblem } from '../../brp/tcpAddress.ts';
import type { HostParam } from '../../errors/hostText.ts';

// Readers: ports, connections, reader state, the frame stream.

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
}

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
}

export interface ReaderSummary {
  id: string;
  address: string;
  state: 'connected' | 'reconnecting' | 'disconnected';
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
  | { type: 'frame'; frame: FrameRecord };

export interface FrameRecord {
  seq: number;
  time: number;
  direction: 'out' | 'in';
  address: string;
  hex: string;
  summary: string;
  problem?: string;
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
}

/** A reader address: a serial port, or tcp://host[:port] (port 2939 when left out). */
export const readerAddressSchema = z
  .string()
  .min(1)
  .max(512)
  .superRefine((address, ctx) => {
    const problem = tcpAddressProblem(address.trim());
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const READERS_PARAMS = {
  appInfo: z.tuple([]),
  listPorts: z.tuple([]),
  listReaders: z.tuple([]),
  connect: z.tuple([readerAddressSchema, z.object({ checksum: z.enum(LINK_CHECKSUMS).optional() }).strict().optional()]),
  disconnect: z.tuple([z.string().min(1).max(64)]),
  refreshReader: z.tuple([z.string().min(1).max(64)]),
  identifyCustomerKey: z.tuple([z.string().min(1).max(64)]),
} as const;
