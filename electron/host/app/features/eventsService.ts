import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppEvent, FrameRecord, ReaderSummary } from '../../../../shared/api/contract.ts';
import type {
  DiagnosticsResult,
  EventKind,
  EventLogEntry,
  EventsApi,
  ExportKind,
  ExportResult,
} from '../../../../shared/api/features/events.ts';
import { randomBytes, toHex } from '../../../../shared/bytes.ts';
import { csvDocument } from '../../../../shared/csvWriter.ts';
import { HostError } from '../../../../shared/errors/hostError.ts';
import { fileProblem } from '../../../../shared/errors/fileProblem.ts';
import type { AppContext } from '../appContext.ts';
import { writeFileAtomic } from '../../../../node/files/atomicWrite.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import { listSerialPorts, type SerialPortEntry } from '../../ports/listPorts.ts';
import { tamperUnavailableSentence } from '../tamperUnavailable.ts';
import type { HostParam } from '../../../../shared/errors/hostText.ts';

/** How many entries the in-memory event log keeps (oldest go first). */
const LOG_CAPACITY = 10_000;
/** How many frames a diagnostics bundle carries. */
const BUNDLE_FRAMES = 2000;

export interface EventsServiceDeps {
  listPorts?: () => Promise<SerialPortEntry[]>;
  now?: () => number;
}

const DETAILS: Record<EventKind, string> = {
  'tamper-on': 'Tamper alarm: the reader housing was opened.',
  'tamper-off': 'Tamper alarm over: the reader housing was closed again.',
  'tamper-unavailable': 'This reader cannot report tamper alarms over BRP, so ReaderDesk will not see its housing being opened.',
  'reader-lost': 'The reader stopped answering; ReaderDesk is trying to reconnect.',
  'reader-reconnected': 'The reader answers again.',
  'reader-disconnected': 'The reader does not answer; ReaderDesk keeps trying in the background.',
  'reader-removed': 'The reader was disconnected in ReaderDesk.',
  deploy: 'A configuration file was deployed to the reader.',
  finalize: 'A configuration was finalized on the reader.',
  'factory-reset': 'The reader was factory-reset.',
};
const SEVERITY: Record<EventKind, EventLogEntry['severity']> = {
  'tamper-on': 'alarm',
  'tamper-off': 'info',
  'tamper-unavailable': 'warning',
  'reader-lost': 'warning',
  'reader-reconnected': 'info',
  'reader-disconnected': 'warning',
  'reader-removed': 'info',
  deploy: 'info',
  finalize: 'info',
  'factory-reset': 'info',
};

/** Host side of the Events slice: the event log, the frame log and the diagnostics bundle. */
export function createEventsService(ctx: AppContext, deps: EventsServiceDeps = {}): EventsApi {
  const now = deps.now ?? Date.now;
  const log: EventLogEntry[] = [];
  const known = new Map<string, { address: string; state: ReaderSummary['state'] }>();

  /** `details` replaces the standard sentence where the host has a more precise one. */
  const record = (
    kind: EventKind,
    readerId: string,
    address: string,
    time: number,
    reason: string | null = null,
    details?: string,
    reasonText: HostParam | null = reason,
    severity: EventLogEntry['severity'] = SEVERITY[kind],
    detailsText?: HostParam,
  ): void => {
    const entry: EventLogEntry = {
      id: toHex(randomBytes(8), false),
      time,
      readerId,
      address,
      kind,
      severity,
      details: details ?? (reason ? `${DETAILS[kind]} Reason: ${reason}` : DETAILS[kind]),
      ...(detailsText !== undefined ? { detailsText } : {}),
      reason,
      reasonText,
      acknowledgedAt: SEVERITY[kind] === 'alarm' ? null : time,
    };
    log.push(entry);
    if (log.length > LOG_CAPACITY) log.splice(0, log.length - LOG_CAPACITY);
    ctx.emit({ type: 'event-logged', entry });
  };

  const onReaderEvent = (e: AppEvent): void => {
    if (e.type === 'tamper') {
      record(e.state === 'on' ? 'tamper-on' : 'tamper-off', e.readerId, e.address, e.time);
    } else if (e.type === 'tamper-unavailable') {
      // The reason is a code the UI words in its language; exports get the English sentence in details.
      record('tamper-unavailable', e.readerId, e.address, e.time, e.reason, tamperUnavailableSentence(e.reason));
    } else if (e.type === 'reader-changed') {
      const r = e.reader;
      const before = known.get(r.id)?.state;
      known.set(r.id, { address: r.address, state: r.state });
      if (before === r.state) return;
      if (r.state === 'reconnecting' && before === 'connected') record('reader-lost', r.id, r.address, now());
      else if (r.state === 'connected' && (before === 'reconnecting' || before === 'disconnected')) record('reader-reconnected', r.id, r.address, now());
      // A remembered reader listed at start before it answered has not dropped out of anything.
      else if (r.state === 'disconnected' && before !== undefined) record('reader-disconnected', r.id, r.address, now(), r.lastError, undefined, r.lastErrorText ?? r.lastError);
    } else if (e.type === 'reader-removed') {
      const r = known.get(e.id);
      known.delete(e.id);
      if (r) record('reader-removed', e.id, r.address, now());
    }
  };
  ctx.readers.onEvent(onReaderEvent);
  // Deploys, finalizations and factory resets stand in the log next to alarms and connection events;
  // one that did not do what was asked is a warning.
  ctx.activity.add((a) => record(a.kind, a.readerId ?? '', a.address, a.time, a.reason, a.details, a.reason, a.ok ? 'info' : 'warning', a.detailsText));

  return {
    async eventLog(): Promise<EventLogEntry[]> {
      return log.slice();
    },

    async acknowledgeEvent(id: string): Promise<EventLogEntry> {
      const i = log.findIndex((x) => x.id === id);
      if (i < 0) throw new HostError('events.not-found', {});
      if (log[i]!.acknowledgedAt === null) {
        log[i] = { ...log[i]!, acknowledgedAt: now() };
        ctx.emit({ type: 'event-acknowledged', entry: log[i]! });
      }
      return log[i]!;
    },

    async acknowledgeReaderAlarms(readerId: string): Promise<EventLogEntry[]> {
      const done: EventLogEntry[] = [];
      const time = now();
      log.forEach((e, i) => {
        if (e.readerId !== readerId || e.severity !== 'alarm' || e.acknowledgedAt !== null) return;
        log[i] = { ...e, acknowledgedAt: time };
        done.push(log[i]!);
        ctx.emit({ type: 'event-acknowledged', entry: log[i]! });
      });
      return done;
    },

    async exportEvents(file: string, format: 'json' | 'csv'): Promise<ExportResult> {
      const target = await resolveExportPath(file);
      ctx.files.forWrite(target);
      const entries = log.slice();
      const text = format === 'json' ? eventsJson(entries) : eventsCsv(entries);
      await writeExport(target, text);
      ctx.files.written(target, 'report');
      return { path: target, count: entries.length };
    },

    async frameLog(limit?: number): Promise<FrameRecord[]> {
      return ctx.frames.list(limit);
    },

    async exportDiagnostics(file: string): Promise<DiagnosticsResult> {
      const target = await resolveExportPath(file);
      ctx.files.forWrite(target);
      const bundle = await buildDiagnosticsBundle(ctx, log.slice(), deps.listPorts ?? listSerialPorts, now());
      await writeExport(target, JSON.stringify(bundle, null, 2) + '\n');
      ctx.files.written(target, 'report');
      return { path: target, frames: bundle.frames.length, events: bundle.events.length };
    },

    async suggestExportPath(kind: ExportKind): Promise<string> {
      const home = os.homedir();
      const docs = path.join(home, 'Documents');
      const dir = existsSync(docs) ? docs : home;
      const stamp = new Date(now()).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      const name = kind === 'diagnostics' ? `readerdesk-diagnostics-${stamp}.json` : `readerdesk-events-${stamp}.${kind === 'events-csv' ? 'csv' : 'json'}`;
      return path.join(dir, name);
    },
  };
}

export interface DiagnosticsBundle {
  kind: 'readerdesk-diagnostics';
  createdAt: string;
  app: { name: 'ReaderDesk'; version: string; shell: 'electron' | 'web'; node: string; electron: string | null };
  os: { platform: string; type: string; release: string; arch: string };
  serialPorts: SerialPortEntry[] | { error: string };
  readers: ReaderSummary[];
  frames: FrameRecord[];
  events: EventLogEntry[];
  note: string;
}

/** Everything support needs, nothing secret: the frame journal stores frames already redacted (redact.ts). */
export async function buildDiagnosticsBundle(
  ctx: Pick<AppContext, 'readers' | 'frames' | 'shell' | 'version'>,
  events: EventLogEntry[],
  listPorts: () => Promise<SerialPortEntry[]>,
  time = Date.now(),
): Promise<DiagnosticsBundle> {
  let serialPorts: DiagnosticsBundle['serialPorts'];
  try {
    serialPorts = await listPorts();
  } catch (err) {
    serialPorts = { error: `The serial ports could not be listed: ${(err as Error).message}` };
  }
  return {
    kind: 'readerdesk-diagnostics',
    createdAt: new Date(time).toISOString(),
    app: { name: 'ReaderDesk', version: ctx.version, shell: ctx.shell, node: process.versions.node, electron: process.versions.electron ?? null },
    os: { platform: process.platform, type: os.type(), release: os.release(), arch: process.arch },
    serialPorts,
    readers: ctx.readers.list(),
    frames: ctx.frames.list(BUNDLE_FRAMES),
    events,
    note: 'Key material (keys, Config Security Code, encrypted key buffers) is redacted from every frame.',
  };
}

async function resolveExportPath(input: string): Promise<string> {
  // The one rule for typed paths: a relative path counts from the home folder, and every sentence names the full path.
  const p = resolveUserPath(input);
  const dir = path.dirname(p);
  const st = await fs.stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new HostError('export.no-folder', { folder: dir });
  const self = await fs.stat(p).catch(() => undefined);
  if (self?.isDirectory()) throw new HostError('export.is-folder', { file: p });
  return p;
}

async function writeExport(target: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(target, text, { mode: 0o600 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new HostError('export.denied', { file: target });
    if (code === 'ENOSPC') throw new HostError('export.disk-full', { file: target });
    throw new HostError('export.failed', { file: target, reason: fileProblem(code) });
  }
}

export function eventsJson(entries: EventLogEntry[]): string {
  const rows = entries.map((e) => ({
    id: e.id,
    time: new Date(e.time).toISOString(),
    reader: e.address,
    event: e.kind,
    severity: e.severity,
    details: e.details,
    acknowledged: e.acknowledgedAt === null ? null : new Date(e.acknowledgedAt).toISOString(),
  }));
  return JSON.stringify({ kind: 'readerdesk-events', exportedAt: new Date().toISOString(), events: rows }, null, 2) + '\n';
}

export function eventsCsv(entries: EventLogEntry[]): string {
  return csvDocument(
    ['time', 'reader', 'event', 'severity', 'details', 'acknowledged'],
    entries.map((e) => [
      new Date(e.time).toISOString(),
      e.address,
      e.kind,
      e.severity,
      e.details,
      e.acknowledgedAt === null ? '' : new Date(e.acknowledgedAt).toISOString(),
    ]),
  );
}
