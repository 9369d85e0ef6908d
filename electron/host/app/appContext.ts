import type { AppEvent } from '../../../shared/api/contract.ts';
import type { ReaderManager } from './readerManager.ts';
import type { FrameJournal } from './frameJournal.ts';
import type { SettingsStore } from './settings.ts';
import type { JobTracker } from './jobTracker.ts';
import type { Listeners } from '../../../shared/listeners.ts';
import type { ReaderActivity } from './activity.ts';
import type { FileAccess } from '../files/fileAccess.ts';

/** What every feature service of the app may use: readers, the frame journal, settings and the event stream. */
export interface AppContext {
  readers: ReaderManager;
  frames: FrameJournal;
  settings: SettingsStore;
  /** Deploys, finalizations and factory resets run through here, so the status bar can count them. */
  jobs: JobTracker;
  /** Which files the user picked: every service reads and writes files through it. */
  files: FileAccess;
  /** Deploys, finalizations and factory resets, for the event log. */
  activity: Listeners<[ReaderActivity]>;
  emit(event: AppEvent): void;
  shell: 'electron' | 'web';
  version: string;
  simulatorAddress: string | null;
}
