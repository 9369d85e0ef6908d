import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Balcfg } from '../../../../shared/config/balcfg.ts';
import { diffValues, type ValueDiff } from '../../../../shared/config/diff.ts';
import { valuesAtVersion } from '../../../../shared/config/history.ts';
import { useApi } from '../../api/apiContext.ts';
import { useConnectedReaders } from '../../hooks/useConnectedReaders.ts';
import { errorText } from '../../lib/errorText.ts';

/** Source of a comparison: "history:<version>" or "reader:<id>". */
export function ComparePanel(props: { cfg: Balcfg; source: string; onSource: (s: string) => void }) {
  const api = useApi();
  const { t } = useTranslation();
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
        setResult({ title: t('config.compare.titleHistory', { version: entry.version, current: props.cfg.version }), diff: diffValues(valuesAtVersion(props.cfg.history, entry.version), props.cfg.values) });
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
        ...result.diff.added.map((e) => ({ e, kind: t('config.compare.added') })),
        ...result.diff.removed.map((e) => ({ e, kind: t('config.compare.removed') })),
        ...result.diff.changed.map((e) => ({ e, kind: t('config.compare.changed') })),
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
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
                {rows.map(({ e, kind }) => (
                  <tr key={e.id}>
                    <td>{kind}</td>
                    <td className="mono">{e.id}</td>
                    <td>{e.name}</td>
                    <td>{e.summary}</td>
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
