import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import { writeFileAtomic } from '../../../node/files/atomicWrite.ts';
import { LINK_CHECKSUMS, type LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import { FILE_KINDS, fileKindOf, type FileKind } from '../../../shared/api/features/files.ts';
import { isSetCommParamRate } from '../../../shared/brp/lineRates.ts';

/** The folders the OS expects for ReaderDesk's files when it runs without Electron (the CLI and the web shell). */
export function appPaths(): { config: string; data: string } {
  const p = envPaths('readerdesk', { suffix: '' });
  return { config: p.config, data: p.data };
}

/**
 * Where ReaderDesk keeps its settings when the shell names no folder (the CLI and the web shell):
 * READERDESK_CONFIG_DIR, else the configuration folder the OS expects (Electron passes its own
 * app.getPath('userData') instead; see docs/decisions.md, "Settings and state").
 */
export function settingsDir(): string {
  return process.env.READERDESK_CONFIG_DIR || appPaths().config;
}

/** A reader that was connected when ReaderDesk last ran: it is connected again in the background at start. */
export interface RememberedReader {
  address: string;
  /** The embedded virtual reader: its address may differ from run to run, so it is known by this flag. */
  virtual: boolean;
  checksum?: LinkChecksumKind;
  baudRate?: number;
}

export interface Settings {
  /** Recently used files per kind, newest first (no BEC2 in the BALCFG list). */
  recent: Record<FileKind, string[]>;
  /** The folder of the file last picked, where the next file browser starts. */
  lastFolder: string | null;
  /** Readers connected when the app last ran. */
  readers: RememberedReader[];
  /** Names the user gave readers, by serial number (or by address for a reader without one). */
  readerNames: Record<string, string>;
  /**
   * The fastest rate each serial port is raised to for uploads and read-backs, by port address
   * ("virtual" for the embedded virtual reader); a port not listed gets 921600.
   */
  portMaxBaud: Record<string, number>;
  /** False until the app has started once: the first start connects the virtual reader at once. */
  started: boolean;
}

const RECENT_PER_KIND = 10;

function emptyRecent(): Record<FileKind, string[]> {
  return Object.fromEntries(FILE_KINDS.map((k) => [k, []])) as unknown as Record<FileKind, string[]>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string') : []);

/** Reads whatever a settings file holds, keeping only what is well formed (an older or damaged file never stops the app). */
export function parseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const recent = emptyRecent();
  const given = (r.recent && typeof r.recent === 'object' ? r.recent : {}) as Record<string, unknown>;
  for (const kind of FILE_KINDS) recent[kind] = strings(given[kind]).slice(0, RECENT_PER_KIND);
  // Settings written before recent files were kept per kind: sort the one list by file type.
  for (const f of strings(r.recentFiles)) {
    const kind = fileKindOf(f);
    if (kind && !recent[kind].includes(f) && recent[kind].length < RECENT_PER_KIND) recent[kind].push(f);
  }
  const readers: RememberedReader[] = [];
  for (const x of Array.isArray(r.readers) ? r.readers : []) {
    if (!x || typeof x !== 'object' || typeof x.address !== 'string' || !x.address) continue;
    const entry: RememberedReader = { address: x.address, virtual: x.virtual === true };
    if ((LINK_CHECKSUMS as readonly unknown[]).includes(x.checksum)) entry.checksum = x.checksum;
    if (Number.isInteger(x.baudRate) && x.baudRate >= 300 && x.baudRate <= 4_000_000) entry.baudRate = x.baudRate;
    readers.push(entry);
  }
  const readerNames: Record<string, string> = {};
  if (r.readerNames && typeof r.readerNames === 'object') {
    for (const [k, v] of Object.entries(r.readerNames)) if (typeof v === 'string' && v.trim()) readerNames[k] = v.trim().slice(0, 64);
  }
  const portMaxBaud: Record<string, number> = {};
  if (r.portMaxBaud && typeof r.portMaxBaud === 'object') {
    for (const [k, v] of Object.entries(r.portMaxBaud).slice(0, 256)) if (k && typeof v === 'number' && isSetCommParamRate(v)) portMaxBaud[k] = v;
  }
  return {
    recent,
    lastFolder: typeof r.lastFolder === 'string' ? r.lastFolder : null,
    readers: readers.slice(0, 64),
    readerNames,
    portMaxBaud,
    // A settings file from before this flag exists only where the app already ran.
    started: r.started === true || (raw !== undefined && r.started === undefined),
  };
}

export class SettingsStore {
  private cache: Settings | undefined;
  private writing: Promise<unknown> = Promise.resolve();
  constructor(private readonly file = path.join(settingsDir(), 'settings.json')) {}

  /** The folder ReaderDesk keeps its own files in (settings, copies of dropped files). */
  get folder(): string {
    return path.dirname(this.file);
  }

  get(): Settings {
    if (!this.cache) {
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      } catch {
        raw = undefined;
      }
      this.cache = parseSettings(raw);
    }
    return this.cache;
  }

  /** Writes one change at a time, in the order asked, so a later change never loses to an earlier write. */
  async update(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
    const next = { ...this.get(), ...(typeof patch === 'function' ? patch(this.get()) : patch) };
    this.cache = next;
    const text = JSON.stringify(next, null, 2) + '\n';
    const write = this.writing.catch(() => undefined).then(async () => {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, text);
    });
    this.writing = write;
    await write;
    return next;
  }

  /** Resolves once every change asked for so far is on disk (or failed): the app waits for it when it closes. */
  async flush(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  /** Puts a file on top of its kind's recent list and remembers its folder for the next file browser. */
  async addRecentFile(file: string, kindOfFile?: FileKind): Promise<void> {
    const abs = path.resolve(file);
    const kind = kindOfFile ?? fileKindOf(abs);
    await this.update((s) => {
      const recent = { ...s.recent };
      if (kind) recent[kind] = [abs, ...recent[kind].filter((f) => f !== abs)].slice(0, RECENT_PER_KIND);
      return { recent, lastFolder: path.dirname(abs) };
    });
  }

  recentFiles(kind: FileKind): string[] {
    return [...this.get().recent[kind]];
  }
}
