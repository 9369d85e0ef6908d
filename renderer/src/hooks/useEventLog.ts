import type { EventLogEntry } from '../../../shared/api/features/events.ts';
import { useEventLogState } from '../stores/appStores.ts';

/** The host's event log, kept current by its push events (new entries, acknowledgements). */
export function useEventLog(): { entries: readonly EventLogEntry[]; error: string | null } {
  const { entries, error } = useEventLogState();
  return { entries, error };
}
