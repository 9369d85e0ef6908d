import { useEffect, useState } from 'react';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';

/** Connected readers, kept current from the event stream. */
export function useConnectedReaders(): ReaderSummary[] {
  const api = useApi();
  const [readers, setReaders] = useState<ReaderSummary[]>([]);
  useEffect(() => {
    let live = true;
    void api.listReaders().then((rs) => live && setReaders(rs)).catch(() => undefined);
    const off = api.onEvent((e) => {
      if (e.type === 'reader-changed') {
        setReaders((rs) => {
          const i = rs.findIndex((r) => r.id === e.reader.id);
          if (i < 0) return [...rs, e.reader];
          const copy = rs.slice();
          copy[i] = e.reader;
          return copy;
        });
      }
      if (e.type === 'reader-removed') setReaders((rs) => rs.filter((r) => r.id !== e.id));
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return readers;
}
