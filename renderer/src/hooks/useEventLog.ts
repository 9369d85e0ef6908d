import { useEffect, useState } from 'react';
import type { EventLogEntry } from '../../../shared/api/features/events.ts';
import { useApi } from '../api/apiContext.ts';

/** The host's event log, kept current by its push events (new entries, acknowledgements). */
export function useEventLog(): { entries: EventLogEntry[]; error: string | null } {
  const api = useApi();
  const [entries, setEntries] = useState<EventLogEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.onEvent((e) => {
      if (e.type === 'event-logged' || e.type === 'event-acknowledged') setEntries((list) => merge(list, [e.entry]));
    });
    api.eventLog().then(
      (log) => live && setEntries((list) => merge(log, list)),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return { entries, error };
}

/** Adds or replaces entries by id, keeping the log in time order; an acknowledged copy wins over an open one. */
function merge(base: EventLogEntry[], extra: EventLogEntry[]): EventLogEntry[] {
  const byId = new Map(base.map((e) => [e.id, e]));
  for (const e of extra) {
    const old = byId.get(e.id);
    byId.set(e.id, old && old.acknowledgedAt !== null && e.acknowledgedAt === null ? old : e);
  }
  return [...byId.values()].sort((a, b) => a.time - b.time);
}
