import { z } from 'zod';

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

export interface ReaderSummary {
  id: string;
  address: string;
  state: 'connected' | 'reconnecting' | 'disconnected';
  firmware: string | null;
  configId: string | null;
  configName: string | null;
  version: number | null;
  securityCode: 'set' | 'unset' | null;
  projectSettings: boolean | null;
  customerKeyKind: 'default' | 'custom' | null;
  customerKeySignature: string | null;
  bootProblems: string[];
  lastError: string | null;
}

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
  connect(address: string): Promise<ReaderSummary>;
  disconnect(id: string): Promise<void>;
  refreshReader(id: string): Promise<ReaderSummary>;
  /**
   * Learns the reader's customer-key identity (default or custom, and its signature): copies the key
   * into a free key-list entry, signs it and removes the entry again. Reading a reader never does this.
   */
  identifyCustomerKey(id: string): Promise<ReaderSummary>;
}

export const READERS_PARAMS = {
  appInfo: z.tuple([]),
  listPorts: z.tuple([]),
  listReaders: z.tuple([]),
  connect: z.tuple([z.string().min(1).max(512)]),
  disconnect: z.tuple([z.string().min(1).max(64)]),
  refreshReader: z.tuple([z.string().min(1).max(64)]),
  identifyCustomerKey: z.tuple([z.string().min(1).max(64)]),
} as const;
