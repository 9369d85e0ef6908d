import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorfileVerifyResult } from '../../../../shared/api/features/doorfile.ts';
import { useApi } from '../../api/apiContext.ts';
import { useOperation } from '../../hooks/useOperation.ts';
import { reasonText } from '../../lib/errorText.ts';
import { PanelForm } from '../../components/PanelForm.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EMPTY_SITE_KEY, SiteKeyField, siteKeySource, type SiteKeyValue } from './SiteKeyField.tsx';

/** Checks an existing door file the way the lock will: sorted and free of duplicates, or not. */
export function VerifyPanel({ doorPath, onDoorPath, maxUsers }: { doorPath: string; onDoorPath: (p: string) => void; maxUsers: number }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const id = useId();
  const [key, setKey] = useState<SiteKeyValue>(EMPTY_SITE_KEY);
  const [report, setReport] = useState<DoorfileVerifyResult | null>(null);
  const op = useOperation();

  const verify = async () => {
    setReport(null);
    if (!doorPath.trim()) return op.setError(t('doorfile.verify.needPath'));
    const k = siteKeySource(key);
    if ('problem' in k) return op.setError(t(k.problem));
    const r = await op.run(() => api.doorfileVerify({ doorPath: doorPath.trim(), siteKey: k.source, maxUsers }));
    setKey((v) => ({ ...v, hex: '' }));
    if (r) setReport(r);
  };

  return (
    <PanelForm heading={t('doorfile.verify.heading')} onSubmit={verify}>
      <div className="field">
        <label htmlFor={`${id}-door`}>{t('doorfile.verify.doorPath')}</label>
        <input id={`${id}-door`} className="mono" size={60} maxLength={4096} value={doorPath} onChange={(e) => onDoorPath(e.target.value)} />
      </div>
      <SiteKeyField value={key} onChange={setKey} />
      <div className="row">
        <SubmitButton busy={op.busy} label={t('doorfile.verify.verify')} busyLabel={t('doorfile.verify.verifying')} />
      </div>
      <ErrorAlert message={op.error} />
      {report && (
        <div className="df-report" data-testid="doorfile-verify-result">
          <p role="status">
            <span className="mono">{report.doorPath}</span>: {t('doorfile.verify.users', { count: report.userCount })};{' '}
            <strong className={`mode ${report.mode}`} data-testid="doorfile-mode">
              {t(`doorfile.verify.mode.${report.mode}`)}
            </strong>
          </p>
          {report.degradedBy.length > 0 && (
            <>
              <h4>{t('doorfile.verify.degradedBy')}</h4>
              <ul>
                {report.degradedBy.map((f, n) => (
                  <li key={n}>{reasonText(f.text, i18n.language)}</li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('doorfile.verify.problems')}</h4>
          {report.problems.length === 0 ? (
            <p className="ok-text">{t('doorfile.verify.none')}</p>
          ) : (
            <ul className="error">
              {report.problems.map((f, n) => (
                <li key={n}>{reasonText(f.text, i18n.language)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </PanelForm>
  );
}
