import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Send, TriangleAlert } from 'lucide-react';
import type { Bec2Summary, FinalizedFile } from '../../../shared/api/features/deploy.ts';
import { configRelation } from '../../../shared/bec2/configIdRelation.ts';
import { useApi } from '../api/apiContext.ts';
import { DeployResults } from './deploy/DeployResults.tsx';
import { appStores, useConfigDocument, useDeployJob } from '../stores/appStores.ts';
import { useConnectedReaders } from '../hooks/useConnectedReaders.ts';
import './deploy/deploy.css';
import { SecurityRiskBadge } from '../components/SecurityRiskBadge.tsx';
import { FilePathField } from '../components/FilePathField.tsx';
import { StateDot } from '../components/ReaderSidebar.tsx';
import { readerLabel } from '../lib/readers.ts';
import { errorText } from '../lib/errorText.ts';
import { askConfirm } from '../stores/dialogs.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** The job's actions; its state comes through useDeployJob. */
const deployJobs = appStores.deployJob.getState();

export function DeployView() {
  const api = useApi();
  const { t } = useTranslation();
  const ids = useId();
  // The job, its progress and results, and the form live in a module store: leaving the page and
  // coming back keeps a running or finished deploy.
  const { file, extra, picked, running, targets, progress, results, error } = useDeployJob();
  const [recent, setRecent] = useState<string[]>([]);
  const readers = useConnectedReaders();
  const [extraInput, setExtraInput] = useState('');
  const openConfig = useConfigDocument();
  const [finalized, setFinalized] = useState<FinalizedFile[]>([]);
  const [summary, setSummary] = useState<Bec2Summary | null>(null);

  useEffect(() => {
    void api.recentBec2Files().then(setRecent).catch(() => undefined);
  }, [api]);

  // The newest finalized version of the configuration open in the editor comes first.
  const balcfgPath = openConfig.path;
  const historyLength = openConfig.present?.history.length ?? 0;
  useEffect(() => {
    if (!balcfgPath || historyLength === 0) {
      setFinalized([]);
      return;
    }
    let live = true;
    void api.finalizedFiles(balcfgPath).then(
      (list) => {
        if (!live) return;
        setFinalized(list);
        const newest = list.find((f) => f.path !== null);
        if (newest?.path && !appStores.deployJob.getState().file.trim()) deployJobs.setFile(newest.path);
      },
      () => live && setFinalized([]),
    );
    return () => {
      live = false;
    };
  }, [api, balcfgPath, historyLength]);

  // What the chosen file carries, to compare with what each reader runs.
  useEffect(() => {
    const path = file.trim();
    setSummary(null);
    if (!path) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.inspectBec2(path).then(
        (s) => live && setSummary(s),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, file]);

  const knownAddresses = useMemo(() => readers.map((r) => r.address), [readers]);
  const allAddresses = useMemo(() => [...knownAddresses, ...extra.filter((x) => !knownAddresses.includes(x))], [knownAddresses, extra]);
  const selected = allAddresses.filter((a) => picked.has(a));
  const runsNewer = readers.filter((r) => picked.has(r.address) && configRelation(summary?.configId, r.configId) === 'reader-newer');

  const toggle = (address: string, on: boolean) => deployJobs.setPicked(address, on);
  const selectAll = (on: boolean) => allAddresses.forEach((a) => deployJobs.setPicked(a, on));

  const addExtra = () => {
    const port = extraInput.trim();
    if (!port) return;
    deployJobs.addExtra(port, knownAddresses);
    setExtraInput('');
  };

  const start = async () => {
    deployJobs.setError(null);
    if (!file.trim()) return deployJobs.setError(t('deploy.needFile'));
    if (selected.length === 0) return deployJobs.setError(t('deploy.needReaders'));
    // Sending an older version than a reader runs: rollback prevention refuses it, so ask first.
    if (runsNewer.length > 0) {
      const go = await askConfirm({
        title: t('shell.deploy.olderTitle'),
        text: t('shell.deploy.olderText', { file: summary?.configId ?? '', readers: runsNewer.map((r) => `${readerLabel(r)} (${r.configId})`).join(', ') }),
        confirm: t('shell.deploy.sendAnyway'),
        cancel: t('shell.cancel'),
        danger: true,
      });
      if (!go) return;
    }
    // The store keeps the outcome even if this page is left meanwhile; the list of recent files is
    // only refreshed while it is shown (a remount loads it anew).
    if (await deployJobs.start(api, file.trim(), selected)) void api.recentBec2Files().then(setRecent).catch(() => undefined);
  };

  return (
    <section aria-labelledby="deploy-heading" className="deploy">
      <h2 id="deploy-heading">{t('deploy.title')}</h2>
      <p className="muted">{t('deploy.intro')}</p>

      <div className="panel">
        <h3>{t('deploy.fileStep')}</h3>
        {finalized.length > 0 && (
          <div className="deploy-finalized" data-testid="finalized-files">
            <p className="small">{t('shell.deploy.finalizedOf', { file: balcfgPath })}</p>
            <ul>
              {finalized.map((f, i) => (
                <li key={f.version}>
                  <button type="button" className={f.path === file ? 'selected-choice' : ''} disabled={!f.path || running} onClick={() => f.path && deployJobs.setFile(f.path)}>
                    {t('shell.deploy.version', { version: f.version, config: f.configId })}
                    {i === 0 ? ` · ${t('shell.deploy.newest')}` : ''}
                  </button>{' '}
                  <span className="muted small mono">{f.path ?? t('shell.deploy.notFound')}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FilePathField
          label={t('deploy.fileLabel')}
          value={file}
          onChange={(v) => deployJobs.setFile(v)}
          purpose="open"
          kind="bec2"
          placeholder={t('deploy.filePlaceholder')}
          recent={recent}
          describedBy={`${ids}-filehelp`}
          disabled={running}
          onError={(err) => deployJobs.setError(errorText(err))}
        />
        <p id={`${ids}-filehelp`} className="muted small">
          {summary?.configId ? t('shell.deploy.carries', { config: summary.configId }) : t('deploy.fileHelp')}
        </p>
      </div>

      <fieldset className="panel">
        <legend>{t('deploy.readersStep')}</legend>
        <div className="row">
          <button type="button" disabled={running || allAddresses.length === 0} onClick={() => selectAll(true)}>
            {t('shell.deploy.selectAll')}
          </button>
          <button type="button" disabled={running || selected.length === 0} onClick={() => selectAll(false)}>
            {t('shell.deploy.selectNone')}
          </button>
        </div>
        {allAddresses.length === 0 && <p>{t('deploy.noReaders')}</p>}
        <ul className="deploy-targets">
          {readers.map((r) => (
            <li key={r.id}>
              <label title={r.address}>
                <input type="checkbox" checked={picked.has(r.address)} disabled={running} onChange={(e) => toggle(r.address, e.target.checked)} aria-label={r.address} />
                <StateDot state={r.state} />
                <span>{readerLabel(r)}</span>
              </label>
              <span className="muted">
                {r.state !== 'connected' ? t(`readers.state.${r.state}`) : r.configId === null ? t('deploy.noConfiguration') : `${r.configId} ${r.configName ?? ''}`}
              </span>
              <SecurityRiskBadge reader={r} compact />
            </li>
          ))}
          {extra
            .filter((x) => !knownAddresses.includes(x))
            .map((port) => (
              <li key={port}>
                <label>
                  <input type="checkbox" checked={picked.has(port)} disabled={running} onChange={(e) => toggle(port, e.target.checked)} aria-label={port} />
                  <span className="mono">{port}</span>
                </label>
                <span className="muted">{t('deploy.extraHint')}</span>
                <button type="button" disabled={running} aria-label={t('deploy.remove', { port })} onClick={() => deployJobs.removeExtra(port)}>
                  ×
                </button>
              </li>
            ))}
        </ul>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            addExtra();
          }}
        >
          <label>
            {t('deploy.extraLabel')}{' '}
            <input className="mono" value={extraInput} onChange={(e) => setExtraInput(e.target.value)} placeholder={t('deploy.extraPlaceholder')} size={32} spellCheck={false} />
          </label>
          <button type="submit" disabled={running || !extraInput.trim()}>
            {t('deploy.add')}
          </button>
        </form>
      </fieldset>

      <div className="panel">
        <h3>{t('deploy.startStep')}</h3>
        {runsNewer.length > 0 && (
          <p className="badge warning" role="status" data-testid="older-warning">
            <TriangleAlert size={14} aria-hidden />{' '}
            {t('shell.deploy.olderWarning', { file: summary?.configId ?? '', readers: runsNewer.map((r) => readerLabel(r)).join(', ') })}
          </p>
        )}
        <button type="button" className="primary" onClick={() => void start()} disabled={running || selected.length === 0 || !file.trim()}>
          <Send size={14} aria-hidden /> {running ? t('deploy.deploying') : t('deploy.deploy', { count: selected.length })}
        </button>
        <ErrorAlert message={error} />
        {targets.length > 0 && (
          <div className="deploy-progress" aria-busy={running}>
            <h4>{t('deploy.progressTitle')}</h4>
            {targets.map((port, i) => {
              const p = progress[port];
              const id = `${ids}-progress-${i}`;
              const outcome = results?.find((r) => r.port === port)?.result ?? (p?.phase === 'done' ? p.outcome : undefined);
              // A refused reader never reads "finished": its outcome is said instead.
              const phase = outcome
                ? t(`deploy.outcome.${outcome}`)
                : !p
                  ? t('deploy.phase.waiting')
                  : p.phase === 'uploading'
                    ? t('deploy.phase.uploading', { done: p.bytesDone, total: p.bytesTotal })
                    : t(`deploy.phase.${p.phase}`);
              return (
                <div key={port} className={`deploy-bar ${outcome ?? ''}`}>
                  <label htmlFor={id}>
                    <span className="mono">{port}</span> <span className="muted">— {phase}</span>
                  </label>
                  <progress id={id} aria-label={t('deploy.progressLabel', { port })} max={p?.bytesTotal || 1} value={p ? p.bytesDone : undefined} />
                </div>
              );
            })}
          </div>
        )}
      </div>

      {results && <DeployResults results={results} />}
    </section>
  );
}
