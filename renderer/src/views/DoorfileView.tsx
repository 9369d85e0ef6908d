import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOORFILE_MAX_USERS_LIMIT, type DoorfilePreview } from '../../../shared/api/features/doorfile.ts';
import { useApi } from '../api/apiContext.ts';
import { BuildPanel, suggestedOut } from './doorfile/BuildPanel.tsx';
import { PreviewTable } from './doorfile/PreviewTable.tsx';
import { VerifyPanel } from './doorfile/VerifyPanel.tsx';
import { useOperation } from '../hooks/useOperation.ts';
import './doorfile/doorfile.css';
import { FilePathField } from '../components/FilePathField.tsx';
import { PanelForm } from '../components/PanelForm.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { errorText } from '../lib/errorText.ts';
import { takeHandoff, useHandoff } from '../stores/handoff.ts';

const DEFAULT_MAX_USERS = 5000;

/** Door files for ENGAGE offline locks: import a users CSV, check it, build and verify (docs/doorfile.md). */
export function DoorfileView() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [csvPath, setCsvPath] = useState('');
  const [maxUsers, setMaxUsers] = useState(String(DEFAULT_MAX_USERS));
  const [preview, setPreview] = useState<DoorfilePreview | null>(null);
  const [outPath, setOutPath] = useState('');
  // The output path the page suggested last: while the user has not typed another, it follows a newly chosen CSV.
  const [suggested, setSuggested] = useState('');
  const [doorPath, setDoorPath] = useState('');
  const op = useOperation();

  const max = /^\d+$/.test(maxUsers) && Number(maxUsers) >= 1 && Number(maxUsers) <= DOORFILE_MAX_USERS_LIMIT ? Number(maxUsers) : null;

  const load = async () => {
    if (!csvPath.trim()) return op.setError(t('doorfile.build.needCsv'));
    if (max === null) return op.setError(t('shell.doorfile.capacityRange', { max: DOORFILE_MAX_USERS_LIMIT, field: t('doorfile.import.maxUsers') }));
    const p = await op.run(() => api.doorfilePreview(csvPath.trim(), { maxUsers: max }));
    setPreview(p ?? null);
    if (p && (!outPath.trim() || outPath === suggested)) {
      const next = suggestedOut(p.csvPath);
      setOutPath(next);
      setSuggested(next);
    }
  };

  // A users CSV dropped onto the window comes here.
  const dropped = useHandoff((h) => h.doorCsv);
  useEffect(() => {
    if (!dropped) return;
    const file = takeHandoff('doorCsv');
    if (file) setCsvPath(file);
  }, [dropped]);

  return (
    <section aria-labelledby="doorfile-heading" className="doorfile">
      <h2 id="doorfile-heading">{t('doorfile.title')}</h2>
      <p className="muted">{t('doorfile.intro')}</p>
      <PanelForm heading={t('doorfile.import.heading')} onSubmit={load}>
        <div className="row">
          <div className="field grow">
            <FilePathField
              label={t('doorfile.import.csvPath')}
              value={csvPath}
              onChange={setCsvPath}
              purpose="open"
              kind="csv"
              placeholder={t('doorfile.import.csvPlaceholder')}
              describedBy={`${id}-csv-hint`}
              onError={(err) => op.setError(errorText(err))}
            />
            <small id={`${id}-csv-hint`} className="muted">
              {t('doorfile.import.csvHint')}
            </small>
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('doorfile.import.maxUsers')}</label>
            <input id={`${id}-max`} inputMode="numeric" size={9} maxLength={7} value={maxUsers} onChange={(e) => setMaxUsers(e.target.value.trim())} />
          </div>
          <SubmitButton busy={op.busy} label={t('doorfile.import.preview')} busyLabel={t('doorfile.import.previewing')} />
        </div>
        <ErrorAlert message={op.error} />
      </PanelForm>
      {preview && <PreviewTable preview={preview} />}
      <BuildPanel
        csvPath={csvPath}
        maxUsers={max ?? DEFAULT_MAX_USERS}
        warnings={preview?.warnings ?? 0}
        outPath={outPath}
        onOutPath={(p) => {
          setOutPath(p);
          setSuggested('');
        }}
        onBuilt={(p) => {
          setDoorPath(p);
          void load();
        }}
      />
      <VerifyPanel doorPath={doorPath} onDoorPath={setDoorPath} maxUsers={max ?? DEFAULT_MAX_USERS} />
    </section>
  );
}
