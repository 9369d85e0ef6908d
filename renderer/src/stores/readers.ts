// The readers, the port list and the host's running jobs, wired once to the host's events: the
// sidebar, the status bar, the Readers page and the reader lists of Finalize and Deploy all read here.

import { create } from 'zustand';
import type { PortEntry, ReaderDeskApi, ReaderSummary, RunningJob } from '../../../shared/api/contract.ts';

export interface ReadersState {
  readers: ReaderSummary[];
  ports: PortEntry[];
  jobs: RunningJob[];
  /** False until the first lists arrived. */
  loaded: boolean;
}

export const useReaderStore = create<ReadersState>(() => ({ readers: [], ports: [], jobs: [], loaded: false }));

/** Adds or replaces a reader by id, keeping the order in which readers first appeared. */
export function upsertReader(list: readonly ReaderSummary[], r: ReaderSummary): ReaderSummary[] {
  const i = list.findIndex((x) => x.id === r.id);
  if (i < 0) return [...list, r];
  const copy = list.slice();
  copy[i] = r;
  return copy;
}

let wired: ReaderDeskApi | null = null;
let unsubscribe: (() => void) | null = null;

/** Subscribes the store to `api` (once per api) and loads the current lists. */
export function connectReaderStore(api: ReaderDeskApi): void {
  if (wired === api) return;
  unsubscribe?.();
  wired = api;
  const set = useReaderStore.setState;
  unsubscribe = api.onEvent((e) => {
    if (e.type === 'reader-changed') set((s) => ({ readers: upsertReader(s.readers, e.reader) }));
    else if (e.type === 'reader-removed') set((s) => ({ readers: s.readers.filter((r) => r.id !== e.id) }));
    else if (e.type === 'ports-changed') set({ ports: e.ports });
    else if (e.type === 'jobs-changed') set({ jobs: e.jobs });
  });
  void Promise.all([api.listReaders(), api.listPorts().catch(() => [] as PortEntry[]), api.runningJobs().catch(() => [] as RunningJob[])]).then(
    ([readers, ports, jobs]) =>
      set((s) => ({
        // Events that arrived meanwhile are newer than the list.
        readers: s.readers.reduce(upsertReader, readers),
        ports: s.ports.length ? s.ports : ports,
        jobs,
        loaded: true,
      })),
    () => set({ loaded: true }),
  );
}

/** Asks the host for the port list now (the "Refresh" button; the list also follows hot-plug by itself). */
export async function refreshPorts(api: ReaderDeskApi): Promise<void> {
  useReaderStore.setState({ ports: await api.listPorts() });
}

/** How a reader is called: the name the user gave it, else its serial number, else its address. */
export function readerLabel(r: Pick<ReaderSummary, 'name' | 'serialNumber' | 'address'>): string {
  return r.name ?? (r.serialNumber ? `SN ${r.serialNumber}` : r.address);
}
