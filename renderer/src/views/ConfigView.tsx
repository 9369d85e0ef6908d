import './config/zodWithoutEval.ts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Tabs from '@radix-ui/react-tabs';
import type { Balcfg, ConfigIdentity } from '../../../shared/config/balcfg.ts';
import type { ConfigDocument } from '../../../shared/api/features/config.ts';
import { configIdString, isFinalized } from '../../../shared/config/model.ts';
import { useApi } from '../api/apiContext.ts';
import { appStores, useConfigDocument } from '../stores/appStores.ts';
import { isDirty } from '../stores/configDocument.ts';
import { FileBar } from './config/FileBar.tsx';
import { ValuesPanel } from './config/ValuesPanel.tsx';
import { FinalizePanel } from './config/FinalizePanel.tsx';
import { ComparePanel } from './config/ComparePanel.tsx';
import { HistoryPanel } from './config/HistoryPanel.tsx';
import { IdentityForm, applyIdentityDraft } from './config/IdentityForm.tsx';
import { setLeaveGuard } from '../stores/navigation.ts';
import { takeHandoff, useHandoff } from '../stores/handoff.ts';
import { baseName, isTextTarget } from './config/util.ts';
import { errorText } from '../lib/errorText.ts';
import './config/config.css';

type Tab = 'values' | 'finalize' | 'compare' | 'history';
const TABS: Tab[] = ['values', 'finalize', 'compare', 'history'];

/** The open document outlives this page (switching pages keeps it and its undo history). */
const configDocument = appStores.configDocument;

export function ConfigView() {
  const api = useApi();
  const { t } = useTranslation();
  const s = useConfigDocument();
  const doc = s.present;
  const dirty = isDirty(s);
  const [tab, setTab] = useState<Tab>('values');
  const [reveal, setReveal] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<{ run: () => void } | null>(null);
  const [compareSource, setCompareSource] = useState('');

  const loadRecent = useCallback(() => {
    void api.recentFiles().then(setRecent).catch(() => undefined);
  }, [api]);
  useEffect(loadRecent, [loadRecent]);

  // Leaving the page with unsaved edits asks first (the edits stay, but leaving should be a choice).
  useEffect(() => {
    setLeaveGuard(() => isDirty(configDocument.getState()));
    return () => setLeaveGuard(null);
  }, []);

  // A BALCFG dropped onto the window opens here.
  const dropped = useHandoff((h) => h.openConfig);
  useEffect(() => {
    if (!dropped) return;
    const file = takeHandoff('openConfig');
    if (file) open(file);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);

  // Leaving the app with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const run = useCallback(
    async (work: () => Promise<string | null>) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      try {
        setNotice(await work());
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(false);
        loadRecent();
      }
    },
    [loadRecent],
  );

  const save = useCallback(() => {
    // What is typed into the identity fields is part of the save: applied first, or the save waits for a fix.
    if (!applyIdentityDraft(t)) {
      setNotice(null);
      setError(t('shell.config.identityFirst'));
      return;
    }
    const { path, present } = configDocument.getState();
    if (!path || !present) return;
    void run(async () => {
      const saved = await api.configSave(path, present);
      configDocument.getState().markSaved(saved);
      return t('config.saved', { path: saved.path });
    });
  }, [api, run, t]);

  // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) outside text fields, Ctrl+S anywhere on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        if (isDirty(configDocument.getState())) save();
        return;
      }
      if (isTextTarget(e.target)) return;
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        configDocument.getState().undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        configDocument.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  /** Runs an action that replaces the document, asking first when edits would be lost. */
  const replaceDocument = (action: () => void) => {
    if (isDirty(configDocument.getState())) setPending({ run: action });
    else action();
  };

  const loaded = (d: ConfigDocument, message: string) => {
    configDocument.getState().load(d);
    setTab('values');
    setCompareSource('');
    return message;
  };

  const open = (path: string) =>
    replaceDocument(() => void run(async () => loaded(await api.configOpen(path), t('config.opened', { path }))));
  const create = (path: string, identity: ConfigIdentity) =>
    replaceDocument(() => void run(async () => {
      const d = await api.configNew(path, identity);
      return loaded(d, t('config.created', { path: d.path }));
    }));

  const needsSaved = (): boolean => {
    if (!isDirty(configDocument.getState())) return true;
    setNotice(null);
    setError(t('config.saveFirst'));
    return false;
  };

  const bump = () => {
    const path = configDocument.getState().path;
    if (!path || !needsSaved()) return;
    void run(async () => {
      const d = await api.configBump(path);
      configDocument.getState().load(d);
      return t('config.bumped', { version: d.balcfg.version });
    });
  };

  const newFrom = (version: number) => {
    const path = configDocument.getState().path;
    if (!path || !needsSaved()) return;
    void run(async () => {
      const d = await api.configNewVersionFrom(path, version);
      configDocument.getState().load(d);
      return t('config.newFromDone', { version: d.balcfg.version, from: version });
    });
  };

  const edit = (fn: (cfg: Balcfg) => Balcfg) => {
    configDocument.getState().edit(fn);
    setNotice(null);
    setError(null);
  };

  const frozen = doc ? isFinalized(doc) : false;

  return (
    <section aria-labelledby="config-heading" className="cfg">
      <h2 id="config-heading">{t('config.title')}</h2>
      <FileBar currentPath={s.path} recent={recent} busy={busy} onOpen={open} onCreate={create} />

      {pending && (
        <div role="alertdialog" aria-labelledby="cfg-discard-text" className="panel cfg-banner cfg-confirm row">
          <span id="cfg-discard-text">{t('config.discardQuestion', { file: baseName(s.path ?? '') })}</span>
          <button
            type="button"
            autoFocus
            onClick={() => {
              const p = pending;
              setPending(null);
              p.run();
            }}
          >
            {t('config.discard')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('config.keepEditing')}
          </button>
        </div>
      )}

      {error && (
        <p role="alert" className="error cfg-message">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="cfg-ok cfg-message">
          {notice}
        </p>
      )}

      {!doc && <p className="muted">{t('config.empty')}</p>}

      {doc && s.path && (
        <>
          <div className="panel cfg-header">
            <div className="row">
              <h3 className="mono cfg-grow" data-testid="config-id">
                {configIdString(doc)}
              </h3>
              <span className={`cfg-state ${dirty ? 'dirty' : frozen ? 'frozen' : 'clean'}`} data-testid="doc-state">
                {dirty ? t('config.state.dirty') : frozen ? t('config.state.frozen', { version: doc.version }) : t('config.state.saved')}
              </span>
            </div>
            <dl className="cfg-facts">
              <dt>{t('config.file.path')}</dt>
              <dd className="mono">{s.path}</dd>
              <dt>{t('config.version')}</dt>
              <dd data-testid="doc-version">{doc.version}</dd>
              <dt>{t('config.csc')}</dt>
              <dd className="mono">{reveal ? doc.configSecurityCode : '•••• •••• •••• ••••'}</dd>
              <dt>{t('config.customerKey')}</dt>
              <dd>
                {doc.customerKeyLink
                  ? t('config.linkedTo', { kind: t(`config.keyKind.${doc.customerKeyLink.kind}`), reader: doc.customerKeyLink.readerLabel })
                  : t('config.notLinked')}
              </dd>
            </dl>
            <IdentityForm cfg={doc} frozen={frozen} />
            <div className="row" role="toolbar" aria-label={t('config.toolbar')}>
              <button type="button" onClick={configDocument.getState().undo} disabled={s.past.length === 0} title="Ctrl+Z" aria-keyshortcuts="Control+Z">
                {t('config.undo')}
              </button>
              <button type="button" onClick={configDocument.getState().redo} disabled={s.future.length === 0} title="Ctrl+Y" aria-keyshortcuts="Control+Y">
                {t('config.redo')}
              </button>
              <button type="button" onClick={save} disabled={busy || !dirty} title="Ctrl+S" aria-keyshortcuts="Control+S">
                {t('config.save')}
              </button>
              <button type="button" onClick={bump} disabled={busy}>
                {t('config.bump', { version: doc.version + 1 })}
              </button>
              <label className="cfg-reveal">
                <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} /> {t('config.reveal')}
              </label>
            </div>
            {frozen && <p className="cfg-banner">{t('config.frozenHint', { version: doc.version, next: doc.version + 1 })}</p>}
          </div>

          {/* ARIA tabs (Radix): arrow keys move between tabs, Tab moves into the panel. */}
          <Tabs.Root value={tab} onValueChange={(v) => setTab(v as Tab)} activationMode="automatic">
          <Tabs.List aria-label={t('config.sections')} className="cfg-tabs">
            {TABS.map((id) => (
              <Tabs.Trigger key={id} value={id} className={tab === id ? 'active' : ''}>
                {t(`config.tabs.${id}`)}
                {id === 'history' && doc.history.length > 0 ? ` (${doc.history.length})` : ''}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Tabs.Content value={tab}>
            {tab === 'values' && <ValuesPanel cfg={doc} reveal={reveal} frozen={frozen} onEdit={edit} />}
            {tab === 'finalize' && (
              <FinalizePanel
                path={s.path}
                cfg={doc}
                dirty={dirty}
                onBump={bump}
                onFinalized={(r) => {
                  configDocument.getState().load(r.document);
                  setNotice(null);
                  setError(null);
                  loadRecent();
                }}
              />
            )}
            {tab === 'compare' && <ComparePanel cfg={doc} source={compareSource} onSource={setCompareSource} />}
            {tab === 'history' && (
              <HistoryPanel
                cfg={doc}
                busy={busy}
                onCompare={(v) => {
                  setCompareSource(`history:${v}`);
                  setTab('compare');
                }}
                onNewFrom={newFrom}
              />
            )}
          </Tabs.Content>
          </Tabs.Root>
        </>
      )}
    </section>
  );
}
