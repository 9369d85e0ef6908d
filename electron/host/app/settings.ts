import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../node/files/atomicWrite.ts';

/** Where ReaderDesk keeps its settings; never key material, only preferences and recent files. */
export function settingsDir(): string {
  if (process.env.READERDESK_CONFIG_DIR) return process.env.READERDESK_CONFIG_DIR;
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'readerdesk');
}

export interface Settings {
  recentFiles: string[];
}

export class SettingsStore {
  private cache: Settings | undefined;
  constructor(private readonly file = path.join(settingsDir(), 'settings.json')) {}

  get(): Settings {
    if (!this.cache) {
      try {
        const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Settings>;
        this.cache = { recentFiles: Array.isArray(raw.recentFiles) ? raw.recentFiles.filter((f) => typeof f === 'string').slice(0, 20) : [] };
      } catch {
        this.cache = { recentFiles: [] };
      }
    }
    return this.cache;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    this.cache = { ...this.get(), ...patch };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(this.cache, null, 2) + '\n');
    return this.cache;
  }

  async addRecentFile(file: string): Promise<void> {
    const abs = path.resolve(file);
    await this.update({ recentFiles: [abs, ...this.get().recentFiles.filter((f) => f !== abs)].slice(0, 10) });
  }
}
