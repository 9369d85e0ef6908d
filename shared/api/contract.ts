import { z } from 'zod';

// The one API between the UI and the host. Electron's preload and the web shell's WebSocket
// client both produce an object that `satisfies ReaderDeskApi`; the host validates every call
// against API_PARAMS before it runs.

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

export type AppEvent =
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

export interface ReaderDeskApi {
  appInfo(): Promise<AppInfo>;
  listPorts(): Promise<PortEntry[]>;
  listReaders(): Promise<ReaderSummary[]>;
  connect(address: string): Promise<ReaderSummary>;
  disconnect(id: string): Promise<void>;
  refreshReader(id: string): Promise<ReaderSummary>;
  onEvent(listener: (event: AppEvent) => void): Unsubscribe;
}

/** Parameter schemas by method name: the host rejects anything else before running a call. */
export const API_PARAMS = {
  appInfo: z.tuple([]),
  listPorts: z.tuple([]),
  listReaders: z.tuple([]),
  connect: z.tuple([z.string().min(1).max(512)]),
  disconnect: z.tuple([z.string().min(1).max(64)]),
  refreshReader: z.tuple([z.string().min(1).max(64)]),
} as const;

export type ApiMethod = keyof typeof API_PARAMS;
export const API_METHODS = Object.keys(API_PARAMS) as ApiMethod[];

/** How an error crosses the wire: a code for programs and a sentence for people. */
export interface ApiErrorPayload {
  code: string;
  message: string;
}

export const IPC_CHANNEL_CALL = 'readerdesk:call';
export const IPC_CHANNEL_EVENT = 'readerdesk:event';
