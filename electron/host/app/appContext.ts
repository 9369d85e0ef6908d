import type { AppEvent } from '../../../shared/api/contract.ts';
import type { ReaderManager } from './readerManager.ts';
import type { FrameJournal } from './frameJournal.ts';
import type { SettingsStore } from './settings.ts';

/** What every feature service of the app may use: readers, the frame journal, settings and the event stream. */
export interface AppContext {
  readers: ReaderManager;
  frames: FrameJournal;
  settings: SettingsStore;
  emit(event: AppEvent): void;
  shell: 'electron' | 'web';
  version: string;
  simulatorAddress: string | null;
}
