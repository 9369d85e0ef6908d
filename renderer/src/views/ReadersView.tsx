import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plug, RefreshCw } from 'lucide-react';
import { useApi } from '../api/apiContext.ts';
import { ReaderCard } from '../components/ReaderCard.tsx';
import { ChecksumSelect, connectOptions, type ChecksumChoice } from '../components/ChecksumSelect.tsx';
import { BaudSelect, type BaudChoice } from '../components/BaudSelect.tsx';
import { errorText } from '../lib/errorText.ts';
import { useConnectedReaders } from '../hooks/useConnectedReaders.ts';
import { readerLabel, refreshPorts } from '../lib/readers.ts';
import { appStores, useReadersState } from '../stores/appStores.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

export function ReadersView() {
  const api = useApi();
  const { t } = useTranslation();
  const { ports } = useReadersState();
  const readers = useConnectedReaders();
  const [manual, setManual] = useState('');
  const [checksum, setChecksum] = useState<ChecksumChoice>('auto');
  const [baud, setBaud] = useState<BaudChoice>('default');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const connect = async (address: string) => {
    setBusy(address);
    setError(null);
    try {
      const r = await api.connect(address, connectOptions(checksum, baud));
      appStores.readers.getState().upsert(r);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  const byId = new Map(readers.map((r) => [r.id, r]));

  return (
    <section aria-labelledby="readers-heading">
      <h2 id="readers-heading">{t('readers.heading')}</h2>
      <div className="panel">
        <div className="row">
          <h3 className="grow">{t('readers.ports')}</h3>
          <button type="button" onClick={() => void refreshPorts(api).catch((err) => setError(errorText(err)))}>
            <RefreshCw size={14} aria-hidden /> {t('readers.refreshPorts')}
          </button>
        </div>
        <p className="muted small">{t('shell.readers.portFollows')}</p>
        <div className="row">
          <ChecksumSelect value={checksum} onChange={setChecksum} label={t('readers.checksumLabel')} disabled={busy !== null} />
          <BaudSelect value={baud} onChange={setBaud} label={t('shell.readers.baud')} disabled={busy !== null} />
        </div>
        {ports.length === 0 && <p>{t('readers.noPorts')}</p>}
        <ul className="ports" aria-label={t('readers.ports')}>
          {ports.map((p) => {
            const reader = p.readerId ? byId.get(p.readerId) : undefined;
            return (
              <li key={p.path} data-testid="port">
                <span className="mono">{p.path}</span>
                {p.kind === 'hid' && (
                  <span className="badge kind" title={t('readers.hidTitle')}>
                    {t('readers.hid')}
                  </span>
                )}
                <span className="muted grow">
                  {p.virtual ? t('readers.virtual') : (p.manufacturer ?? '')}
                  {p.vendorId ? ` [${p.vendorId}:${p.productId ?? '????'}]` : ''}
                </span>
                {p.readerId && (
                  <span className="badge in-use" data-testid="port-connected">
                    {t('shell.readers.inUse')}
                    {reader ? ` · ${readerLabel(reader)}` : ''}
                  </span>
                )}
                <button type="button" className={p.readerId ? '' : 'primary'} disabled={busy !== null} onClick={() => void connect(p.path)}>
                  <Plug size={14} aria-hidden /> {busy === p.path ? t('readers.connecting') : t('readers.connect')}
                </button>
              </li>
            );
          })}
        </ul>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (manual.trim()) void connect(manual.trim());
          }}
        >
          <label className="grow">
            {t('readers.manualLabel')}{' '}
            <input value={manual} onChange={(e) => setManual(e.target.value)} placeholder={t('readers.manualPlaceholder')} size={36} />
          </label>
          <button type="submit" disabled={busy !== null || !manual.trim()}>
            {t('readers.connect')}
          </button>
        </form>
        <ErrorAlert message={error} />
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
