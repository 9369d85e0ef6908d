import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { useReadersState } from '../stores/appStores.ts';

/** The readers the host knows (connected, reconnecting or dropped out), kept current from its events. */
export function useConnectedReaders(): readonly ReaderSummary[] {
  return useReadersState().readers;
}
