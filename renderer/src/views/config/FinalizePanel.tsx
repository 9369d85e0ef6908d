import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Balcfg } from '../../../../shared/config/balcfg.ts';
import type { ConfigFinalizeResult } from '../../../../shared/api/features/config.ts';
import { isFinalized } from '../../../../shared/config/model.ts';
import { useApi } from '../../api/apiContext.ts';
import { useConnectedReaders } from '../../hooks/useConnectedReaders.ts';
import { defaultBec2Path } from './util.ts';
import { errorText } from '../../lib/errorText.ts';
import { riskSuffix } from '../../lib/readers.ts';
import { FilePathField } from '../../components/FilePathField.tsx';
import { Send } from 'lucide-react';
import type { ReaderSummary } from '../../../../shared/api/contract.ts';
import { configRelation } from '../../../../shared/bec2/configIdRelation.ts';
import { appStores } from '../../stores/appStores.ts';
import { goTo } from '../../stores/navigation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * "Deploy this file": Deploy opens with the new BEC2 and, selected, every reader that runs an older
 * version of the same configuration.
 */
function deployThisFile(result: ConfigFinalizeResult, readers: readonly ReaderSummary[]): void {
  const job = appStores.deployJob.getState();
  job.setFile(result.bec2Path);
  for (const address of [...job.picked]) job.setPicked(address, false);
  for (const r of readers) if (configRelation(result.configId, r.configId) === 'reader-older') job.setPicked(r.address, true);
  goTo('deploy');
}

export function FinalizePanel(props: {
  path: string;
  cfg: Balcfg;
  dirty: boolean;
  onFinalized: (r: ConfigFinalizeResult) => void;
  onBump: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const all = useConnectedReaders();
  // Readers that do not answer now are listed too, marked, and cannot be picked until they answer.
  const readers = all.filter((r) => r.state === 'connected');
  const [finalized, setFinalized] = useState<ConfigFinalizeResult | null>(null);
  const [readerId, setReaderId] = useState('');
  const [out, setOut] = useState(() => defaultBec2Path(props.path, props.cfg.version));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    setOut(defaultBec2Path(props.path, props.cfg.version));
  }, [props.path, props.cfg.version]);
  useEffect(() => {
    // Read the current choice, not this render's: the user may have picked a reader in the meantime.
    setReaderId((current) => (readers.some((r) => r.id === current) ? current : (readers[0]?.id ?? '')));
  }, [readers]);

  const reader = readers.find((r) => r.id === readerId);
  const frozen = isFinalized(props.cfg);
  const link = props.cfg.customerKeyLink;
  const keyMismatch = Boolean(link && reader?.customerKeySignature && reader.customerKeySignature.toUpperCase() !== link.signature);

  const finalize = async () => {
    setError(null);
    setDone(null);
    if (props.dirty) {
      setError(t('config.finalize.unsaved'));
      return;
    }
    if (!reader) {
      setError(t('config.finalize.noReader'));
      return;
    }
    setBusy(true);
    try {
      const r = await api.configFinalize(props.path, reader.id, out.trim());
      setDone(t('config.finalize.done', { version: r.document.balcfg.history.at(-1)?.version ?? props.cfg.version, path: r.bec2Path, sha: r.sha256.slice(0, 16) }));
      props.onFinalized(r);
      setFinalized(r);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel cfg-finalize">
      <p className="muted">{t('config.finalize.intro')}</p>
      {frozen && (
        <div className="cfg-banner row" role="status">
          <span>{t('config.finalize.alreadyFinalized', { version: props.cfg.version })}</span>
          <button type="button" onClick={props.onBump}>
            {t('config.bump', { version: props.cfg.version + 1 })}
          </button>
        </div>
      )}
      {props.dirty && <p className="cfg-banner">{t('config.finalize.unsaved')}</p>}
      <form
        className="cfg-form"
        onSubmit={(e) => {
          e.preventDefault();
          void finalize();
        }}
      >
        <label>
          {t('config.finalize.reader')}{' '}
          <select value={readerId} onChange={(e) => setReaderId(e.target.value)} disabled={readers.length === 0}>
            {readers.length === 0 && <option value="">{t('config.finalize.noReaders')}</option>}
            {all.map((r) => (
              <option key={r.id} value={r.id} disabled={r.state !== 'connected'}>
                {r.address}
                {r.name ? ` (${r.name})` : ''} —{' '}
                {r.state !== 'connected'
                  ? t(`readers.state.${r.state}`)
                  : r.customerKeyKind === 'custom'
                    ? t('config.finalize.keyCustom')
                    : r.customerKeyKind === 'default'
                      ? t('config.finalize.keyDefault')
                      : t('config.finalize.keyUnknown')}
                {riskSuffix(r, t)}
              </option>
            ))}
          </select>
        </label>
        <FilePathField label={t('config.finalize.out')} value={out} onChange={setOut} purpose="save" kind="bec2" onError={(err) => setError(errorText(err))} />
        <p className="muted">
          {link
            ? t('config.finalize.linked', { kind: t(`config.keyKind.${link.kind}`), reader: link.readerLabel, signature: link.signature })
            : t('config.finalize.unlinked')}
        </p>
        {keyMismatch && (
          <p className="cfg-banner" role="status">
            {t('config.finalize.mismatchHint')}
          </p>
        )}
        <button type="submit" className={finalized ? '' : 'primary'} disabled={busy || frozen || !out.trim()}>
          {busy ? t('config.finalize.busy') : t('config.finalize.button', { version: props.cfg.version })}
        </button>
      </form>
      <ErrorAlert message={error} />
      {done && (
        <p role="status" className="cfg-ok">
          {done}
        </p>
      )}
      {finalized && (
        <div className="row">
          <button type="button" className="primary" onClick={() => deployThisFile(finalized, all)}>
            <Send size={14} aria-hidden /> {t('shell.config.deployThis')}
          </button>
          <span className="muted small">{t('shell.config.deployThisHint')}</span>
        </div>
      )}
    </div>
  );
}
