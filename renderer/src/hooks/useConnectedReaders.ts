import { useEffect } from 'react';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';
import { connectReaderStore, useReaderStore } from '../stores/readers.ts';

/** The readers ReaderDesk knows (connected, reconnecting or disconnected), kept current from the event stream. */
export function useConnectedReaders(): ReaderSummary[] {
  const api = useApi();
  useEffect(() => connectReaderStore(api), [api]);
  return useReaderStore((s) => s.readers);
}
