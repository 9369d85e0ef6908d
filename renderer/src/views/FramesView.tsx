import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FrameRecord } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';
import { formatClock } from '../lib/format.ts';
import { ExportForm } from '../components/ExportForm.tsx';
import { FrameMatches, FrameStore, frameFilter, type FrameSource } from './frames/frameStore.ts';
import './events/events.css';
import { errorText, reasonText } from '../lib/errorText.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** A one-line row's height before the browser has measured it. */
const ROW_ESTIMATE = 30;

export function FramesView() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const [store] = useState(() => new FrameStore());
  // Bumped whenever frames were added to the store: the store itself changes in place.
  const [version, setVersion] = useState(0);
  const [reader, setReader] = useState('');
  const [direction, setDirection] = useState<'' | 'out' | 'in'>('');
  const [text, setText] = useState('');
  const [hidePolling, setHidePolling] = useState(false);
  const [paused, setPaused] = useState<FrameSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    let loaded = false;
    const pending: FrameRecord[] = [];
    // Frames can come fast (alarm polling, uploads to a fleet): collect them and draw a few times a second.
    const off = api.onEvent((e) => {
      if (e.type === 'frame') pending.push(e.frame);
    });
    const timer = setInterval(() => {
      if (!loaded || pending.length === 0) return;
      store.add(pending.splice(0));
      setVersion((v) => v + 1);
    }, 250);
    api.frameLog().then(
      (log) => {
        if (!live) return;
        const lastLogged = log.at(-1)?.seq ?? 0;
        store.add(log);
        store.add(pending.splice(0).filter((f) => f.seq > lastLogged));
        loaded = true;
        setVersion((v) => v + 1);
      },
      (err: unknown) => {
        loaded = true;
        if (live) setError(errorText(err));
      },
    );
    return () => {
      live = false;
      off();
      clearInterval(timer);
    };
  }, [api, store]);

  const source = paused ?? store;
  const accept = useMemo(() => frameFilter({ reader, direction, text, hidePolling }), [reader, direction, text, hidePolling]);
  const matches = useMemo(() => new FrameMatches(source, accept), [source, accept]);
  // New frames are looked at once each; the store and the matches change in place.
  // `version` stands for the in-place changes of the store: it is what makes these recompute.
  const matching = useMemo(() => {
    matches.update();
    return matches.length;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matches, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const readers = useMemo(() => store.addresses(), [store, version]);
  const total = source.end - source.first;

  // A new key function tells the virtualizer that rows moved (new frames on top); scrolling keeps it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rowKey = useCallback((i: number) => matches.newest(i).seq, [matches, version]);
  const virtualizer = useVirtualizer({
    count: matching,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    getItemKey: rowKey,
    // A row's height comes from the ResizeObserver after the browser has laid it out. Reading it
    // when the row appears would force a layout per new row, several times a second during a deploy.
    measureElement: (row, entry, v) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      return v.itemSizeCache.get(rowKey(v.indexFromElement(row))) ?? ROW_ESTIMATE;
    },
  });
  const items = virtualizer.getVirtualItems();
  const above = items[0]?.start ?? 0;
  const below = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));

  return (
    <section aria-labelledby="frames-heading" className="frames-page">
      <h2 id="frames-heading">{t('frames.title')}</h2>
      <p className="muted">{t('frames.intro')}</p>
      <ErrorAlert message={error} />
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
        <button type="button" aria-pressed={paused !== null} onClick={() => setPaused((p) => (p ? null : store.freeze()))}>
          {paused ? t('frames.resume') : t('frames.pause')}
        </button>
      </fieldset>
      {paused && <p className="muted">{t('frames.paused')}</p>}
      <p className="muted" aria-live="polite" data-testid="frame-count">
        {t('frames.count', { shown: matching, matching, total })}
      </p>
      {matching === 0 ? (
        <p className="panel">{t('frames.empty')}</p>
      ) : (
        <div ref={scrollRef} className="panel table-scroll frames-scroll" tabIndex={0} aria-label={t('frames.tableLabel')}>
          {/* Fixed column widths: rows come and go while scrolling, and the columns must not jump. */}
          <table aria-label={t('frames.tableLabel')} data-testid="frame-table" className="frames" style={{ tableLayout: 'fixed', width: '100%' }}>
            <colgroup>
              <col style={{ width: '12%' }} />
              <col style={{ width: '17%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '27%' }} />
              <col style={{ width: '34%' }} />
            </colgroup>
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
              {/* Only the rows in view exist; the spacers stand for the rest, newest first. */}
              {above > 0 && <tr aria-hidden="true" style={{ height: above }} />}
              {items.map((item) => {
                const f = matches.newest(item.index);
                return (
                  <tr
                    key={item.key}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    className={f.problem ? 'problem' : undefined}
                    data-direction={f.direction}
                  >
                    <td className="mono nowrap">{formatClock(f.time)}</td>
                    <td className="mono">{f.address}</td>
                    <td className="nowrap">{f.direction === 'out' ? t('frames.dirOut') : t('frames.dirIn')}</td>
                    <td className="mono hex">{f.hex}</td>
                    <td>
                      {f.summaryText ? reasonText(f.summaryText, i18n.language) : f.summary}
                      {f.problem && <span className="error"> — {reasonText(f.problemText ?? f.problem, i18n.language)}</span>}
                    </td>
                  </tr>
                );
              })}
              {below > 0 && <tr aria-hidden="true" style={{ height: below }} />}
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
