import type { EventLogEntry } from '../../../shared/api/features/events.ts';
import { useEventLog } from './useEventLog.ts';

/** Open tamper alarms (not acknowledged yet), grouped by reader id, oldest first within a reader. */
export function useOpenAlarms(): Map<string, EventLogEntry[]> {
  const { entries } = useEventLog();
  const byReader = new Map<string, EventLogEntry[]>();
  for (const e of entries) {
    if (e.severity !== 'alarm' || e.acknowledgedAt !== null) continue;
    byReader.set(e.readerId, [...(byReader.get(e.readerId) ?? []), e]);
  }
  return byReader;
}
