// The host's event log (tamper alarms, connection events), fetched once and kept current by its
// 'event-logged' and 'event-acknowledged' events. The Events page and the tamper banner read it.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppEvent } from '../../../shared/api/contract.ts';
import type { EventLogEntry } from '../../../shared/api/features/events.ts';

export interface EventLogState {
  /** In time order, each entry once. */
  readonly entries: readonly EventLogEntry[];
  readonly error: string | null;
  /** The log at start-up, merged with what events brought meanwhile. */
  load(log: readonly EventLogEntry[]): void;
  fail(error: string): void;
  /** An entry from a call's answer (acknowledge). */
  put(entry: EventLogEntry): void;
  apply(event: AppEvent): void;
}

export function createEventLogStore(): StoreApi<EventLogState> {
  return createStore<EventLogState>()((set, get) => ({
    entries: [],
    error: null,
    load(log) {
      set({ entries: merge(log, get().entries), error: null });
    },
    fail(error) {
      set({ error });
    },
    put(entry) {
      set({ entries: merge(get().entries, [entry]) });
    },
    apply(event) {
      if (event.type === 'event-logged' || event.type === 'event-acknowledged') set({ entries: merge(get().entries, [event.entry]) });
    },
  }));
}

/** Adds or replaces entries by id, keeping the log in time order; an acknowledged copy wins over an open one. */
function merge(base: readonly EventLogEntry[], extra: readonly EventLogEntry[]): EventLogEntry[] {
  const byId = new Map(base.map((e) => [e.id, e]));
  for (const e of extra) {
    const old = byId.get(e.id);
    byId.set(e.id, old && old.acknowledgedAt !== null && e.acknowledgedAt === null ? old : e);
  }
  return [...byId.values()].sort((a, b) => a.time - b.time);
}
