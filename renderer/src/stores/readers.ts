// The readers the host knows (connected, reconnecting or dropped out), kept current by the host's
// 'reader-changed' and 'reader-removed' events. Every page reads this one list (wired in wiring.ts).

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppEvent, PortEntry, ReaderSummary, RunningJob } from '../../../shared/api/contract.ts';

export interface ReadersState {
  readonly readers: readonly ReaderSummary[];
  /** True once the host's list has arrived. */
  readonly loaded: boolean;
  /** Why the list could not be loaded (a sentence in the UI's language). */
  readonly error: string | null;
  /** The port list, following readers plugged in and out ('ports-changed'). */
  readonly ports: readonly PortEntry[];
  /** What the host does with readers right now ('jobs-changed'), for the status bar. */
  readonly jobs: readonly RunningJob[];
  setPorts(ports: readonly PortEntry[]): void;
  setJobs(jobs: readonly RunningJob[]): void;
  /** The host's list at start-up; what events said meanwhile is newer and wins. */
  load(list: readonly ReaderSummary[]): void;
  fail(error: string): void;
  /** A summary from a call's answer (connect, refresh): added or replaced by id. */
  upsert(reader: ReaderSummary): void;
  apply(event: AppEvent): void;
}

export function createReadersStore(): StoreApi<ReadersState> {
  // Ids removed by an event before the start-up list came back: that list is older, so they stay gone.
  const removedEarly = new Set<string>();
  return createStore<ReadersState>()((set, get) => ({
    readers: [],
    loaded: false,
    error: null,
    ports: [],
    jobs: [],
    setPorts: (ports) => set({ ports }),
    setJobs: (jobs) => set({ jobs }),
    load(list) {
      const known = new Set(get().readers.map((r) => r.id));
      const older = list.filter((r) => !known.has(r.id) && !removedEarly.has(r.id));
      removedEarly.clear();
      set({ readers: [...older, ...get().readers], loaded: true, error: null });
    },
    fail(error) {
      set({ error });
    },
    upsert(reader) {
      set({ readers: upsert(get().readers, reader) });
    },
    apply(event) {
      if (event.type === 'reader-changed') set({ readers: upsert(get().readers, event.reader) });
      else if (event.type === 'reader-removed') {
        if (!get().loaded) removedEarly.add(event.id);
        set({ readers: get().readers.filter((r) => r.id !== event.id) });
      } else if (event.type === 'ports-changed') set({ ports: event.ports });
      else if (event.type === 'jobs-changed') set({ jobs: event.jobs });
    },
  }));
}

function upsert(list: readonly ReaderSummary[], r: ReaderSummary): readonly ReaderSummary[] {
  const i = list.findIndex((x) => x.id === r.id);
  if (i < 0) return [...list, r];
  const copy = list.slice();
  copy[i] = r;
  return copy;
}
