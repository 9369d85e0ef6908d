import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Balcfg } from '../../../../shared/config/balcfg.ts';
import { diffValues, type DiffEntry, type ValueDiff } from '../../../../shared/config/diff.ts';
import { valuesAtVersion } from '../../../../shared/config/history.ts';
import { useApi } from '../../api/apiContext.ts';
import { useConnectedReaders } from '../../hooks/useConnectedReaders.ts';
import { errorText } from '../../lib/errorText.ts';
import { riskSuffix } from '../../lib/readers.ts';
import { valueWords } from '../../lib/valueWords.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

type Change = 'added' | 'removed' | 'changed';

/** A change in the UI's language, from what it is and the texts of the contents (the host's summary is English). */
function changeSummary(e: DiffEntry, change: Change, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (change === 'changed') return e.secret ? t('config.compare.summary.secretChanged') : t('config.compare.summary.changed', { from: e.before, to: e.after });
  // A reader never returns a secret, so comparing with a reader says only where one is.
  if (e.secret && e.before === undefined && e.after === undefined) {
    return t(change === 'added' ? 'config.compare.summary.secretOnReader' : 'config.compare.summary.secretInFile');
  }
  return change === 'added' ? t('config.compare.summary.added', { text: e.after }) : t('config.compare.summary.removed', { text: e.before });
}

/** Source of a comparison: "history:<version>" or "reader:<id>". */
export function ComparePanel(props: { cfg: Balcfg; source: string; onSource: (s: string) => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const readers = useConnectedReaders().filter((r) => r.state === 'connected');
  const [result, setResult] = useState<{ title: string; diff: ValueDiff } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const compare = async () => {
    setError(null);
    setResult(null);
    const [kind, ref] = props.source.split(':') as [string, string];
    try {
      if (kind === 'history') {
        const entry = props.cfg.history.find((h) => String(h.version) === ref);
        if (!entry) throw new Error(t('config.compare.pick'));
        setResult({ title: t('config.compare.titleHistory', { version: entry.version, current: props.cfg.version }), diff: diffValues(valuesAtVersion(props.cfg.history, entry.version), props.cfg.values, valueWords(t, i18n.language)) });
      } else if (kind === 'reader') {
        setBusy(true);
        const r = await api.configDiffWithReader(props.cfg, ref);
        setResult({ title: t('config.compare.titleReader', { reader: r.readerAddress }), diff: r.diff });
      } else {
        throw new Error(t('config.compare.pick'));
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  // Coming from the history's "compare" button: show the result at once.
  useEffect(() => {
    if (props.source.startsWith('history:')) void compare();
    // Once, when the panel opens: later changes of the source wait for the Compare button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rows = result
    ? [
        ...result.diff.added.map((e) => ({ e, change: 'added' as const })),
        ...result.diff.removed.map((e) => ({ e, change: 'removed' as const })),
        ...result.diff.changed.map((e) => ({ e, change: 'changed' as const })),
      ].sort((a, b) => (a.e.id < b.e.id ? -1 : 1))
    : [];

  return (
    <div className="panel cfg-compare">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <label>
          {t('config.compare.with')}{' '}
          <select value={props.source} onChange={(e) => props.onSource(e.target.value)}>
            <option value="">{t('config.compare.pick')}</option>
            {props.cfg.history.length > 0 && (
              <optgroup label={t('config.compare.versions')}>
                {props.cfg.history.map((h) => (
                  <option key={h.version} value={`history:${h.version}`}>
                    {t('config.compare.versionOption', { version: h.version, date: h.finalizedAt.slice(0, 10) })}
                  </option>
                ))}
              </optgroup>
            )}
            {readers.length > 0 && (
              <optgroup label={t('config.compare.readers')}>
                {readers.map((r) => (
                  <option key={r.id} value={`reader:${r.id}`}>
                    {r.address}
                    {riskSuffix(r, t)}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <button type="submit" disabled={busy || !props.source}>
          {busy ? t('config.compare.busy') : t('config.compare.button')}
        </button>
      </form>
      <ErrorAlert message={error} />
      {result && (
        <>
          <h3>{result.title}</h3>
          {rows.length === 0 ? (
            <p role="status">{t('config.compare.same')}</p>
          ) : (
            <table aria-label={result.title}>
              <thead>
                <tr>
                  <th scope="col">{t('config.compare.change')}</th>
                  <th scope="col">{t('config.compare.id')}</th>
                  <th scope="col">{t('config.compare.name')}</th>
                  <th scope="col">{t('config.compare.details')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ e, change }) => (
                  <tr key={e.id}>
                    <td>{t(`config.compare.${change}`)}</td>
                    <td className="mono">{e.id}</td>
                    <td>{e.name}</td>
                    <td>{changeSummary(e, change, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
