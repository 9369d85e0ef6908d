import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withReplaceConsent } from '../../lib/files.ts';
import { FilePathField } from '../../components/FilePathField.tsx';
import { PanelForm } from '../../components/PanelForm.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText } from '../../lib/errorText.ts';
import type { DoorfileBuildResult } from '../../../../shared/api/features/doorfile.ts';
import { useApi } from '../../api/apiContext.ts';
import { useOperation } from '../../hooks/useOperation.ts';
import { IssueList } from './IssueList.tsx';
import { EMPTY_SITE_KEY, SiteKeyField, siteKeySource, type SiteKeyValue } from './SiteKeyField.tsx';
import { resultText } from '../../lib/errorText.ts';

/** Suggests "<csv name>.door.json" next to the CSV. */
export function suggestedOut(csvPath: string): string {
  return csvPath.replace(/(\.csv)?$/i, '.door.json');
}

export function BuildPanel(props: { csvPath: string; maxUsers: number; warnings: number; outPath: string; onOutPath: (p: string) => void; onBuilt: (doorPath: string) => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const id = useId();
  const [key, setKey] = useState<SiteKeyValue>(EMPTY_SITE_KEY);
  const [binaryPath, setBinaryPath] = useState('');
  const [fieldName, setFieldName] = useState<'primeCred' | 'primeCr'>('primeCred');
  const [accept, setAccept] = useState(false);
  const [result, setResult] = useState<DoorfileBuildResult | null>(null);
  const op = useOperation();

  const warnings = result && !result.written ? result.warnings : props.warnings;
  const build = async () => {
    setResult(null);
    if (!props.csvPath.trim()) return op.setError(t('doorfile.build.needCsv'));
    if (!props.outPath.trim()) return op.setError(t('doorfile.build.needOut'));
    const k = siteKeySource(key);
    if ('problem' in k) return op.setError(t(k.problem));
    // A door file that is there already is replaced only after the user said yes.
    const r = await op.run(() =>
      withReplaceConsent(api, 'doorfile', () => api.doorfileBuild({
        csvPath: props.csvPath.trim(),
        siteKey: k.source,
        outPath: props.outPath.trim(),
        ...(binaryPath.trim() ? { binaryPath: binaryPath.trim() } : {}),
        acceptWarnings: accept && warnings > 0,
        maxUsers: props.maxUsers,
        fieldName,
      })),
    );
    // The typed key is used once and forgotten, whatever the outcome.
    setKey((v) => ({ ...v, hex: '' }));
    if (r) {
      setResult(r);
      if (r.written) props.onBuilt(r.outPath);
    }
  };

  return (
    <PanelForm heading={t('doorfile.build.heading')} onSubmit={build}>
      <SiteKeyField value={key} onChange={setKey} />
      <div className="field">
        <FilePathField label={t('doorfile.build.outPath')} value={props.outPath} onChange={props.onOutPath} purpose="save" kind="doorfile" onError={(err) => op.setError(errorText(err))} />
      </div>
      <div className="field">
        <FilePathField label={t('doorfile.build.binaryPath')} value={binaryPath} onChange={setBinaryPath} purpose="save" kind="doorfile" describedBy={`${id}-bin-hint`} onError={(err) => op.setError(errorText(err))} />
        <small id={`${id}-bin-hint`} className="muted">
          {t('doorfile.build.binaryHint')}
        </small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-field`}>{t('doorfile.build.fieldName')}</label>
        <select id={`${id}-field`} value={fieldName} onChange={(e) => setFieldName(e.target.value as 'primeCred' | 'primeCr')}>
          <option value="primeCred">primeCred</option>
          <option value="primeCr">primeCr</option>
        </select>
      </div>
      {warnings > 0 && (
        <label className="accept">
          <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} /> {t('doorfile.build.acceptWarnings', { count: warnings })}
        </label>
      )}
      <div className="row">
        <SubmitButton busy={op.busy} label={t('doorfile.build.build')} busyLabel={t('doorfile.build.building')} />
      </div>
      <ErrorAlert message={op.error} />
      {result && !result.written && (
        <div role="alert" className="df-refused" data-testid="doorfile-build-result">
          <p className="error">{resultText(result, i18n.language)}</p>
          <IssueList issues={result.issues} label={t('doorfile.preview.problems')} />
        </div>
      )}
      {result?.written && (
        <p role="status" className="ok-text" data-testid="doorfile-build-result">
          {resultText(result, i18n.language)}
        </p>
      )}
    </PanelForm>
  );
}
