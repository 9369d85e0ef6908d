import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeployResult } from '../../../../shared/api/features/deploy.ts';
import { useApi } from '../../api/apiContext.ts';
import { FilePathField } from '../../components/FilePathField.tsx';
import { withReplaceConsent } from '../../lib/files.ts';
import { errorText, resultText } from '../../lib/errorText.ts';
import { lineSpeedText } from '../../lib/lineSpeed.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The sentence for one reader's result, in the UI's language. */
export function resultSentence(r: DeployResult, t: (key: string, opts?: Record<string, unknown>) => string): string {
  if (r.reason === 'already-up-to-date') return t('deploy.reason.already-up-to-date');
  if (r.result === 'accepted') return r.configIdAfter ? t('deploy.acceptedRuns', { config: r.configIdAfter }) : t('deploy.acceptedNoId');
  return t(`deploy.reason.${r.reason}`);
}

export function DeployResults({ results }: { results: readonly DeployResult[] }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [path, setPath] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const count = (o: DeployResult['result']) => results.filter((r) => r.result === o).length;

  const save = async () => {
    setSaved(null);
    setError(null);
    setSaving(true);
    try {
      // A file that is there is replaced only after the user said yes.
      const written = await withReplaceConsent(api, 'report', () => api.saveDeployReport(path.trim(), format, [...results]));
      if (written !== undefined) setSaved(written);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const changeFormat = (f: 'csv' | 'json') => {
    setFormat(f);
    // Keep the extension in step with the format when the user has typed one.
    setPath((p) => p.replace(/\.(csv|json)$/i, `.${f}`));
  };

  return (
    <div className="panel" aria-labelledby={`${ids}-results`}>
      <h3 id={`${ids}-results`}>{t('deploy.resultsTitle')}</h3>
      <p role="status">{t('deploy.summary', { accepted: count('accepted'), rejected: count('rejected'), failed: count('failed'), unknown: count('unknown') })}</p>
      <ul className="deploy-results" aria-label={t('deploy.resultsTitle')}>
        {results.map((r) => (
          <li key={r.port} className={`deploy-result ${r.result}`} data-testid="deploy-result">
            <span className="mono">{r.port}</span>
            <span>
              <strong className="outcome">{t(`deploy.outcome.${r.result}`)}</strong>: {resultSentence(r, t)}
            </span>
            {(r.result === 'failed' || r.result === 'unknown') && <span className="muted small">{t('deploy.details', { message: resultText(r, i18n.language) })}</span>}
            <span className="muted small">{t('deploy.bytesTime', { bytes: r.bytes, ms: r.durationMs })}</span>
            {r.lineSpeed && (
              <span className="muted small" data-testid="line-speed">
                {t('deploy.lineSpeed.label')}: {lineSpeedText(r.lineSpeed, t, i18n.language)}
              </span>
            )}
          </li>
        ))}
      </ul>

      <form
        className="deploy-report"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h4>{t('deploy.reportTitle')}</h4>
        <div className="row">
          <fieldset className="inline">
            <legend>{t('deploy.reportFormat')}</legend>
            <label>
              <input type="radio" name={`${ids}-format`} value="csv" checked={format === 'csv'} onChange={() => changeFormat('csv')} /> CSV
            </label>
            <label>
              <input type="radio" name={`${ids}-format`} value="json" checked={format === 'json'} onChange={() => changeFormat('json')} /> JSON
            </label>
          </fieldset>
          <FilePathField
            className="grow"
            label={t('deploy.reportPath')}
            value={path}
            onChange={setPath}
            purpose="save"
            kind="report"
            placeholder={t('deploy.reportPlaceholder')}
            suggested={path.trim() || `deploy-report.${format}`}
            onError={(err) => setError(errorText(err))}
          />
          <button type="submit" className="primary" disabled={saving || !path.trim()}>
            {t('deploy.save')}
          </button>
        </div>
        {saved && (
          <p role="status" className="ok">
            {t('deploy.saved', { path: saved })}
          </p>
        )}
        <ErrorAlert message={error} />
      </form>
    </div>
  );
}
