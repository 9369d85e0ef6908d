import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { fromHex } from '../../../../shared/bytes.ts';
import type { Balcfg } from '../../../../shared/config/balcfg.ts';
import { describeValue, formatValue, type ValueWords } from '../../../../shared/config/catalogue.ts';
import { catalogueText, valueWords } from '../../lib/valueWords.ts';
import { whyManaged } from '../../../../shared/config/adminValues.ts';
import type { HostText } from '../../../../shared/errors/hostText.ts';
import { reasonText } from '../../lib/errorText.ts';
import { ValueEditor, type EditTarget } from './ValueEditor.tsx';

const GROUP_ORDER = ['Protocols', 'Device', 'VhlCfg', 'Autoread', 'Scripts', 'Custom', 'Registers', 'Project', 'ProjectRegisters', 'Unknown'];
const ROW_HEIGHT = 38;

interface ValueRow {
  kind: 'value';
  id: string;
  name: string;
  path: string;
  description: string;
  group: string;
  secret: boolean;
  known: boolean;
  managed: HostText | null;
  hex: string;
  display: string;
  /** Lower-case text the search looks in (never secret contents). */
  hay: string;
}

type ListRow = ValueRow | { kind: 'group'; group: string; count: number };

function spaced(hex: string): string {
  return hex.replace(/(..)(?!$)/g, '$1 ') || '(empty)';
}

function buildRows(cfg: Balcfg, words: ValueWords, lang: string): ValueRow[] {
  const rows = cfg.values.map((v): ValueRow => {
    const d = describeValue(v.id);
    let display: string;
    try {
      display = formatValue(v.id, fromHex(v.hex), words);
    } catch {
      display = spaced(v.hex);
    }
    return {
      kind: 'value',
      id: v.id,
      name: d.known ? d.name : v.id,
      path: d.path,
      description: catalogueText(d.description, lang),
      group: d.group,
      secret: d.secret,
      known: d.known,
      managed: whyManaged(v.id),
      hex: v.hex,
      display,
      hay: `${v.id} ${d.path} ${d.secret ? '' : display}`.toLowerCase(),
    };
  });
  const order = (g: string) => {
    const i = GROUP_ORDER.indexOf(g);
    return i < 0 ? GROUP_ORDER.length : i;
  };
  // Already sorted by id; a stable sort by group keeps that order inside each group.
  return rows.sort((a, b) => order(a.group) - order(b.group));
}

export function ValuesPanel(props: { cfg: Balcfg; reveal: boolean; frozen: boolean; onEdit: (fn: (cfg: Balcfg) => Balcfg) => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [target, setTarget] = useState<EditTarget | null>(null);
  // Focus moves into the editor when it opens and back to the button that opened it when it closes
  // (or to the list, if that row is gone), never to the page body.
  const opener = useRef<HTMLElement | null>(null);
  const openEditor = (next: EditTarget) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setTarget(next);
  };
  const closeEditor = () => {
    setTarget(null);
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : scrollRef.current)?.focus());
  };
  const scrollRef = useRef<HTMLDivElement>(null);

  // The display text is in the UI's language, so a language switch builds the rows again.
  const rows = useMemo(() => buildRows(props.cfg, valueWords(t, i18n.language), i18n.language), [props.cfg, t, i18n.language]);
  const list = useMemo((): ListRow[] => {
    const q = deferred.trim().toLowerCase();
    const words = q.split(/\s+/).filter(Boolean);
    const out: ListRow[] = [];
    let group: { kind: 'group'; group: string; count: number } | null = null;
    for (const r of rows) {
      if (words.length > 0 && !words.every((w) => r.hay.includes(w))) continue;
      if (!group || group.group !== r.group) {
        group = { kind: 'group', group: r.group, count: 0 };
        out.push(group);
      }
      group.count++;
      out.push(r);
    }
    return out;
  }, [rows, deferred]);
  const shown = list.length - list.filter((r) => r.kind === 'group').length;

  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div className="cfg-values">
      <div className="row cfg-values-bar">
        <label className="cfg-grow">
          {t('config.values.search')}{' '}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('config.values.searchPlaceholder')} />
        </label>
        <span role="status" className="muted" data-testid="value-count">
          {t('config.values.count', { shown, total: rows.length })}
        </span>
        <button type="button" disabled={props.frozen} onClick={() => openEditor({ mode: 'add' })}>
          {t('config.values.add')}
        </button>
      </div>

      {target && (
        <ValueEditor
          key={target.mode === 'edit' ? target.id : 'add'}
          cfg={props.cfg}
          target={target}
          reveal={props.reveal}
          onApply={(fn) => {
            props.onEdit(fn);
            closeEditor();
          }}
          onCancel={closeEditor}
        />
      )}

      <div ref={scrollRef} className="cfg-list" tabIndex={-1}>
        <div role="list" aria-label={t('config.values.list')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = list[item.index]!;
            const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            if (r.kind === 'group') {
              return (
                <div key={`g-${r.group}`} role="listitem" className="cfg-group" style={style}>
                  {t(`config.groups.${r.group}`, { defaultValue: r.group })} <span className="muted">({r.count})</span>
                </div>
              );
            }
            const content = r.secret && props.reveal ? spaced(r.hex) : r.display;
            return (
              <div key={r.id} role="listitem" className={`cfg-row${r.secret ? ' secret' : ''}`} style={style} data-value-id={r.id}>
                <span className="mono cfg-id">{r.id}</span>
                <span className="cfg-name" title={`${r.path}\n${r.description}`}>
                  {r.name}
                  {!r.known && <span className="muted"> {t('config.values.unknown')}</span>}
                </span>
                <span className={`cfg-content${r.secret && !props.reveal ? ' masked' : ''}`} data-testid="value-content">
                  {content}
                </span>
                <span className="cfg-actions">
                  {r.managed ? (
                    <span className="muted" title={reasonText(r.managed, i18n.language)}>
                      {t('config.values.managed')}
                    </span>
                  ) : (
                    <button type="button" disabled={props.frozen} aria-label={t('config.values.editLabel', { name: r.name, id: r.id })} onClick={() => openEditor({ mode: 'edit', id: r.id })}>
                      {t('config.values.edit')}
                    </button>
                  )}
                </span>
              </div>
            );
          })}
        </div>
        {shown === 0 && <p className="muted cfg-empty">{t('config.values.none')}</p>}
      </div>
    </div>
  );
}
