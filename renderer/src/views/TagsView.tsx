import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagInfoResult } from '../../../shared/api/features/tags.ts';
import { useApi } from '../api/apiContext.ts';
import { ProtectForm } from './tags/ProtectForm.tsx';
import { SegmentDataForm } from './tags/SegmentDataForm.tsx';
import { SetPinForm } from './tags/SetPinForm.tsx';
import { TagInfoPanel } from './tags/TagInfoPanel.tsx';
import { useOperation } from '../hooks/useOperation.ts';
import { useConnectedReaders } from '../hooks/useConnectedReaders.ts';
import { riskSuffix } from '../lib/readers.ts';
import './tags/tags.css';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** The wireless-memory tag in a connected reader's field: its segments, PINs and data (docs/wireless-memory.md). */
export function TagsView() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const readers = useConnectedReaders();
  const [readerId, setReaderId] = useState('');
  const [info, setInfo] = useState<TagInfoResult | null>(null);
  const [counterNote, setCounterNote] = useState<string | null>(null);
  const op = useOperation();

  const connected = readers.filter((r) => r.state === 'connected');
  const chosen = connected.find((r) => r.id === readerId) ?? connected[0];

  const readTag = async () => {
    if (!chosen) return;
    setCounterNote(null);
    const r = await op.run(() => api.tagInfo(chosen.id));
    setInfo(r ?? null);
  };

  const advance = async () => {
    if (!chosen) return;
    const r = await op.run(() => api.tagCounter(chosen.id));
    if (r) {
      await readTag();
      setCounterNote(t('tags.info.advanced', { previous: r.previous, counter: r.counter }));
    }
  };

  const refresh = () => void readTag();

  return (
    <section aria-labelledby="tags-heading" className="tags">
      <h2 id="tags-heading">{t('tags.title')}</h2>
      <p className="muted">{t('tags.intro')}</p>
      {/* A protected segment that reads without a PIN right after provisioning is not broken: say why. */}
      <p className="badge warning tg-pin-note" data-testid="pin-proven-note">
        {t('shell.tags.pinProven')}
      </p>
      <div className="panel">
        {connected.length === 0 ? (
          <p role="status">{t('tags.noReader')}</p>
        ) : (
          <div className="row">
            <label htmlFor={`${id}-reader`}>{t('tags.reader')}</label>
            <select
              id={`${id}-reader`}
              value={chosen?.id ?? ''}
              onChange={(e) => {
                setReaderId(e.target.value);
                setInfo(null);
              }}
            >
              {connected.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.address}
                  {riskSuffix(r, t)}
                </option>
              ))}
            </select>
            <button onClick={() => void readTag()} disabled={op.busy}>
              {op.busy ? t('tags.working') : t('tags.readTag')}
            </button>
            {info?.present && (
              <button onClick={() => void advance()} disabled={op.busy}>
                {t('tags.info.advance')}
              </button>
            )}
          </div>
        )}
        <ErrorAlert message={op.error} />
        {info && !info.present && (
          <p role="status" className="tg-empty" data-testid="tag-absent">
            {t('tags.noTag')}
          </p>
        )}
        {counterNote && <p role="status">{counterNote}</p>}
      </div>
      {chosen && info?.present && (
        <>
          <TagInfoPanel info={info} />
          <div className="tg-forms">
            <SetPinForm readerId={chosen.id} onDone={refresh} />
            <ProtectForm readerId={chosen.id} onDone={refresh} />
            <SegmentDataForm readerId={chosen.id} mode="write" onDone={refresh} />
            <SegmentDataForm readerId={chosen.id} mode="read" onDone={refresh} />
          </div>
        </>
      )}
    </section>
  );
}
