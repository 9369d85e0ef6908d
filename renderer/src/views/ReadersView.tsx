import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortEntry } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';
import { ReaderCard } from '../components/ReaderCard.tsx';
import { useConnectedReaders } from '../hooks/useConnectedReaders.ts';
import { appStores } from '../stores/appStores.ts';
import { ChecksumSelect, connectOptions, type ChecksumChoice } from '../components/ChecksumSelect.tsx';
import { errorText } from '../lib/errorText.ts';

export function ReadersView() {
  const api = useApi();
  const { t } = useTranslation();
  const [ports, setPorts] = useState<PortEntry[]>([]);
  const readers = useConnectedReaders();
  const [manual, setManual] = useState('');
  const [checksum, setChecksum] = useState<ChecksumChoice>('auto');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadPorts = useCallback(async () => {
    try {
      setPorts(await api.listPorts());
    } catch (err) {
      setError(errorText(err));
    }
  }, [api]);

  useEffect(() => {
    void loadPorts();
  }, [loadPorts]);

  const connect = async (address: string) => {
    setBusy(address);
    setError(null);
    try {
      const r = await api.connect(address, connectOptions(checksum));
      appStores.readers.getState().upsert(r);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="readers-heading">
      <h2 id="readers-heading">{t('readers.heading')}</h2>
      <div className="panel">
        <div className="row">
          <h3>{t('readers.ports')}</h3>
          <button onClick={() => void loadPorts()}>{t('readers.refreshPorts')}</button>
          <ChecksumSelect value={checksum} onChange={setChecksum} label={t('readers.checksumLabel')} disabled={busy !== null} />
        </div>
        {ports.length === 0 && <p>{t('readers.noPorts')}</p>}
        <ul className="ports" aria-label={t('readers.ports')}>
          {ports.map((p) => (
            <li key={p.path}>
              <span className="mono">{p.path}</span>
              {p.kind === 'hid' && (
                <span className="badge kind" title={t('readers.hidTitle')}>
                  {t('readers.hid')}
                </span>
              )}
              <span className="muted">
                {p.virtual ? t('readers.virtual') : (p.manufacturer ?? '')}
                {p.vendorId ? ` [${p.vendorId}:${p.productId ?? '????'}]` : ''}
              </span>
              <button disabled={busy !== null} onClick={() => void connect(p.path)}>
                {busy === p.path ? t('readers.connecting') : t('readers.connect')}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (manual.trim()) void connect(manual.trim());
          }}
        >
          <label>
            {t('readers.manualLabel')}{' '}
            <input value={manual} onChange={(e) => setManual(e.target.value)} placeholder={t('readers.manualPlaceholder')} size={40} />
          </label>
          <button type="submit" disabled={busy !== null || !manual.trim()}>
            {t('readers.connect')}
          </button>
        </form>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <details className="help">
          <summary>{t('readers.helpTitle')}</summary>
          <ul>
            <li>{t('readers.help1')}</li>
            <li>{t('readers.help2')}</li>
            <li>{t('readers.help3')}</li>
            <li>{t('readers.help4')}</li>
            <li>{t('readers.help5')}</li>
          </ul>
        </details>
      </div>
      <h3>{t('readers.connected')}</h3>
      {readers.length === 0 && <p>{t('readers.none')}</p>}
      <div className="cards">
        {readers.map((r) => (
          <ReaderCard key={r.id} reader={r} onError={setError} />
        ))}
      </div>
    </section>
  );
}
