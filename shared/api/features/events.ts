import type { FrameRecord } from './readers.ts';
import type { HostParam } from '../../errors/hostText.ts';
import type { MethodNames } from '../methodNames.ts';

// Events slice of the ReaderDesk API: the event log (tamper alarms, readers lost and found), the
// frame log and the diagnostics bundle for support.
// Every method added to EventsApi needs its name in EVENTS_METHODS and a schema in
// shared/api/params/events.ts (the host validates every call before it runs); the type check says which is missing.

export type EventKind =
  | 'tamper-on'
  | 'tamper-off'
  | 'tamper-unavailable'
  | 'reader-lost'
  | 'reader-reconnected'
  | 'reader-disconnected'
  | 'reader-removed'
  /** What the user did to a reader: deploying a BEC2, finalizing a configuration, a factory reset. */
  | 'deploy'
  | 'finalize'
  | 'factory-reset';
export const EVENT_KINDS = [
  'tamper-on',
  'tamper-off',
  'tamper-unavailable',
  'reader-lost',
  'reader-reconnected',
  'reader-disconnected',
  'reader-removed',
  'deploy',
  'finalize',
  'factory-reset',
] as const satisfies readonly EventKind[];

/** One entry of the host's event log. */
export interface EventLogEntry {
  id: string;
  /** Milliseconds since 1970 (UTC). */
  time: number;
  readerId: string;
  address: string;
  kind: EventKind;
  /** 'alarm' entries stay in front of the user until acknowledged. */
  severity: 'alarm' | 'warning' | 'info';
  /** An English sentence for exports; the UI words the kind itself and adds `reason`. */
  details: string;
  /** `details` as a catalogue text for what was done to a reader (deploy, finalize, factory reset), for the UI's language. */
  detailsText?: HostParam;
  /**
   * What the reader or the port said, where there is something (e.g. why it does not answer); for
   * a deploy the result's reason code ('ok', 'rollback', …), for a failed finalize or reset the sentence.
   */
  reason: string | null;
  /** `reason` as a catalogue text where the host has one, for the UI's language. */
  reasonText: HostParam | null;
  /** When someone acknowledged the entry; null while an alarm is open. Non-alarms are born acknowledged. */
  acknowledgedAt: number | null;
}

export interface ExportResult {
  /** Absolute path written. */
  path: string;
  count: number;
}

export interface DiagnosticsResult {
  path: string;
  frames: number;
  events: number;
}

export type ExportKind = 'events-json' | 'events-csv' | 'diagnostics';

export interface EventsApi {
  /** The event log, oldest first. */
  eventLog(): Promise<EventLogEntry[]>;
  /** Marks one entry as seen; returns it as it is now. */
  acknowledgeEvent(id: string): Promise<EventLogEntry>;
  /** Marks every open alarm of one reader as seen ("acknowledge all"); returns the entries acknowledged. */
  acknowledgeReaderAlarms(readerId: string): Promise<EventLogEntry[]>;
  /** Writes the whole log as JSON or CSV (atomically). */
  exportEvents(path: string, format: 'json' | 'csv'): Promise<ExportResult>;
  /** The last frames of every session (already redacted), oldest first. */
  frameLog(limit?: number): Promise<FrameRecord[]>;
  /** One JSON file for support: version, OS, shell, ports, readers, last frames and the event log; never key material. */
  exportDiagnostics(path: string): Promise<DiagnosticsResult>;
  /** A sensible file name in the user's home folder, for the path fields. */
  suggestExportPath(kind: ExportKind): Promise<string>;
}

/** The methods of EventsApi by name; their parameter schemas are in shared/api/params/events.ts. */
export const EVENTS_METHODS = {
  eventLog: true,
  acknowledgeEvent: true,
  acknowledgeReaderAlarms: true,
  exportEvents: true,
  frameLog: true,
  exportDiagnostics: true,
  suggestExportPath: true,
} as const satisfies MethodNames<EventsApi>;

export type EventsEvent =
  | { type: 'event-logged'; entry: EventLogEntry }
  | { type: 'event-acknowledged'; entry: EventLogEntry };
