import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameRecord } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';
import { formatClock } from '../lib/format.ts';
import { ExportForm } from '../components/ExportForm.tsx';
import './events/events.css';
import { errorText } from '../lib/errorText.ts';

/** How many frames the page keeps, and how many matching rows it draws at once. */
const KEEP = 5000;
const SHOW = 300;

export function FramesView() {
  const api = useApi();
  const { t } = useTranslation();
  const [frames, setFrames] = useState<FrameRecord[]>([]);
  const [reader, setReader] = useState('');
  const [direction, setDirection] = useState<'' | 'out' | 'in'>('');
  const [text, setText] = useState('');
  const [hidePolling, setHidePolling] = useState(false);
  const [paused, setPaused] = useState<FrameRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<FrameRecord[]>([]);

  useEffect(() => {
    let live = true;
    // Frames can come fast (alarm polling, uploads): collect them and draw a few times a second.
    const off = api.onEvent((e) => {
      if (e.type === 'frame') pending.current.push(e.frame);
    });
    const timer = setInterval(() => {
      if (pending.current.length === 0) return;
      const add = pending.current;
      pending.current = [];
      setFrames((list) => append(list, add));
    }, 250);
    api.frameLog().then(
      (log) => live && setFrames((list) => append(log, list.filter((f) => f.seq > (log.at(-1)?.seq ?? 0)))),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
      off();
      clearInterval(timer);
    };
  }, [api]);

  const shownFrames = paused ?? frames;
  const readers = useMemo(() => [...new Set(frames.map((f) => f.address))].sort(), [frames]);
  const matching = useMemo(() => {
    const needle = text.trim().toLowerCase().replace(/\s+/g, ' ');
    const hexNeedle = needle.replace(/\s/g, '');
    return shownFrames.filter(
      (f) =>
        (!reader || f.address === reader) &&
        (!direction || f.direction === direction) &&
        (!hidePolling || !f.summary.startsWith('AR.GetMessage')) &&
        (!needle ||
          f.summary.toLowerCase().includes(needle) ||
          (f.problem ?? '').toLowerCase().includes(needle) ||
          (hexNeedle !== '' && f.hex.toLowerCase().includes(hexNeedle))),
    );
  }, [shownFrames, reader, direction, text, hidePolling]);
  const rows = matching.slice(-SHOW).reverse();

  return (
    <section aria-labelledby="frames-heading" className="frames-page">
      <h2 id="frames-heading">{t('frames.title')}</h2>
      <p className="muted">{t('frames.intro')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <fieldset className="panel filters">
        <legend>{t('frames.filters')}</legend>
        <label>
          {t('frames.reader')}{' '}
          <select value={reader} onChange={(e) => setReader(e.target.value)}>
            <option value="">{t('frames.allReaders')}</option>
            {readers.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('frames.direction')}{' '}
          <select value={direction} onChange={(e) => setDirection(e.target.value as '' | 'out' | 'in')}>
            <option value="">{t('frames.allDirections')}</option>
            <option value="out">{t('frames.out')}</option>
            <option value="in">{t('frames.in')}</option>
          </select>
        </label>
        <label>
          {t('frames.text')}{' '}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('frames.textPlaceholder')} />
        </label>
        <label>
          <input type="checkbox" checked={hidePolling} onChange={(e) => setHidePolling(e.target.checked)} /> {t('frames.hidePolling')}
        </label>
        <button type="button" aria-pressed={paused !== null} onClick={() => setPaused((p) => (p ? null : frames))}>
          {paused ? t('frames.resume') : t('frames.pause')}
        </button>
      </fieldset>
      {paused && <p className="muted">{t('frames.paused')}</p>}
      <p className="muted" aria-live="polite" data-testid="frame-count">
        {t('frames.count', { shown: rows.length, matching: matching.length, total: shownFrames.length })}
      </p>
      {rows.length === 0 ? (
        <p className="panel">{t('frames.empty')}</p>
      ) : (
        <div className="panel table-scroll frames-scroll" tabIndex={0} aria-label={t('frames.tableLabel')}>
          <table aria-label={t('frames.tableLabel')} data-testid="frame-table" className="frames">
            <thead>
              <tr>
                <th scope="col">{t('frames.col.time')}</th>
                <th scope="col">{t('frames.col.reader')}</th>
                <th scope="col">{t('frames.col.direction')}</th>
                <th scope="col">{t('frames.col.hex')}</th>
                <th scope="col">{t('frames.col.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.seq} className={f.problem ? 'problem' : undefined} data-direction={f.direction}>
                  <td className="mono nowrap">{formatClock(f.time)}</td>
                  <td className="mono">{f.address}</td>
                  <td className="nowrap">{f.direction === 'out' ? t('frames.dirOut') : t('frames.dirIn')}</td>
                  <td className="mono hex">{f.hex}</td>
                  <td>
                    {f.summary}
                    {f.problem && <span className="error"> — {f.problem}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="panel">
        <h3>{t('frames.diagnostics.title')}</h3>
        <p className="muted">{t('frames.diagnostics.text')}</p>
        <ExportForm
          id="diagnostics-export"
          kind="diagnostics"
          pathLabel={t('frames.diagnostics.path')}
          button={t('frames.diagnostics.button')}
          busyLabel={t('frames.diagnostics.busy')}
          run={async (path) => {
            const r = await api.exportDiagnostics(path);
            return t('frames.diagnostics.done', { frames: r.frames, events: r.events, path: r.path });
          }}
        />
      </div>
    </section>
  );
}

function append(list: FrameRecord[], add: FrameRecord[]): FrameRecord[] {
  const next = list.concat(add);
  return next.length > KEEP ? next.slice(-KEEP) : next;
}
