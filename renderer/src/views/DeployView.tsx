import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/apiContext.ts';
import { DeployResults } from './deploy/DeployResults.tsx';
import { appStores, useDeployJob } from '../stores/appStores.ts';
import { useConnectedReaders } from '../hooks/useConnectedReaders.ts';
import './deploy/deploy.css';
import { SecurityRiskBadge } from '../components/SecurityRiskBadge.tsx';

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

  useEffect(() => {
    void api.recentBec2Files().then(setRecent).catch(() => undefined);
  }, [api]);

  const connectedAddresses = useMemo(() => readers.map((r) => r.address), [readers]);
  const allAddresses = useMemo(() => [...connectedAddresses, ...extra.filter((x) => !connectedAddresses.includes(x))], [connectedAddresses, extra]);
  const selected = allAddresses.filter((a) => picked.has(a));

  const toggle = (address: string, on: boolean) => deployJobs.setPicked(address, on);

  const addExtra = () => {
    const port = extraInput.trim();
    if (!port) return;
    deployJobs.addExtra(port, connectedAddresses);
    setExtraInput('');
  };

  const start = async () => {
    deployJobs.setError(null);
    if (!file.trim()) return deployJobs.setError(t('deploy.needFile'));
    if (selected.length === 0) return deployJobs.setError(t('deploy.needReaders'));
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
        <label className="deploy-field">
          {t('deploy.fileLabel')}
          <input
            className="mono"
            value={file}
            onChange={(e) => deployJobs.setFile(e.target.value)}
            placeholder={t('deploy.filePlaceholder')}
            list={`${ids}-recent`}
            spellCheck={false}
            aria-describedby={`${ids}-filehelp`}
          />
        </label>
        <datalist id={`${ids}-recent`}>
          {recent.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        <p id={`${ids}-filehelp`} className="muted small">
          {t('deploy.fileHelp')}
        </p>
      </div>

      <fieldset className="panel">
        <legend>{t('deploy.readersStep')}</legend>
        {allAddresses.length === 0 && <p>{t('deploy.noReaders')}</p>}
        <ul className="deploy-targets">
          {readers.map((r) => (
            <li key={r.id}>
              <label>
                <input type="checkbox" checked={picked.has(r.address)} disabled={running} onChange={(e) => toggle(r.address, e.target.checked)} />
                <span className="mono">{r.address}</span>
              </label>
              <span className="muted">{r.configId === null ? t('deploy.noConfiguration') : `${r.configId} ${r.configName ?? ''}`}</span>
              <SecurityRiskBadge reader={r} compact />
            </li>
          ))}
          {extra
            .filter((x) => !connectedAddresses.includes(x))
            .map((port) => (
              <li key={port}>
                <label>
                  <input type="checkbox" checked={picked.has(port)} disabled={running} onChange={(e) => toggle(port, e.target.checked)} />
                  <span className="mono">{port}</span>
                </label>
                <span className="muted">{t('deploy.extraHint')}</span>
                <button
                  type="button"
                  disabled={running}
                  aria-label={t('deploy.remove', { port })}
                  onClick={() => deployJobs.removeExtra(port)}
                >
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
            <input className="mono" value={extraInput} onChange={(e) => setExtraInput(e.target.value)} placeholder={t('deploy.extraPlaceholder')} size={36} spellCheck={false} />
          </label>
          <button type="submit" disabled={running || !extraInput.trim()}>
            {t('deploy.add')}
          </button>
        </form>
      </fieldset>

      <div className="panel">
        <h3>{t('deploy.startStep')}</h3>
        <button className="primary" onClick={() => void start()} disabled={running || selected.length === 0 || !file.trim()}>
          {running ? t('deploy.deploying') : t('deploy.deploy', { count: selected.length })}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {targets.length > 0 && (
          <div className="deploy-progress" aria-busy={running}>
            <h4>{t('deploy.progressTitle')}</h4>
            {targets.map((port, i) => {
              const p = progress[port];
              const id = `${ids}-progress-${i}`;
              const outcome = results?.find((r) => r.port === port);
              const phase = outcome
                ? t(`deploy.outcome.${outcome.result}`)
                : !p
                ? t('deploy.phase.waiting')
                : p.phase === 'uploading'
                  ? t('deploy.phase.uploading', { done: p.bytesDone, total: p.bytesTotal })
                  : t(`deploy.phase.${p.phase}`);
              return (
                <div key={port} className="deploy-bar">
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
