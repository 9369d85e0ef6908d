import { z } from 'zod';

// Readers: ports, connections, reader state, the frame stream.

export type Unsubscribe = () => void;

export interface PortEntry {
  path: string;
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
  /** 'unknown': the firmware cannot list configuration values, so it cannot tell (null: not read yet). */
  securityCode: 'set' | 'unset' | 'unknown' | null;
  projectSettings: boolean | null;
  customerKeyKind: 'default' | 'custom' | null;
  customerKeySignature: string | null;
  bootProblems: string[];
  lastError: string | null;
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
  connect(address: string): Promise<ReaderSummary>;
  disconnect(id: string): Promise<void>;
  refreshReader(id: string): Promise<ReaderSummary>;
}

export const READERS_PARAMS = {
  appInfo: z.tuple([]),
  listPorts: z.tuple([]),
  listReaders: z.tuple([]),
  connect: z.tuple([z.string().min(1).max(512)]),
  disconnect: z.tuple([z.string().min(1).max(64)]),
  refreshReader: z.tuple([z.string().min(1).max(64)]),
} as const;
