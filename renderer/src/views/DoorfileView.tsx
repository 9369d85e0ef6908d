import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorfilePreview } from '../../../shared/api/features/doorfile.ts';
import { useApi } from '../api/apiContext.ts';
import { BuildPanel, suggestedOut } from './doorfile/BuildPanel.tsx';
import { PreviewTable } from './doorfile/PreviewTable.tsx';
import { VerifyPanel } from './doorfile/VerifyPanel.tsx';
import { useOperation } from '../hooks/useOperation.ts';
import './doorfile/doorfile.css';

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
  const [doorPath, setDoorPath] = useState('');
  const op = useOperation();

  const max = /^\d+$/.test(maxUsers) && Number(maxUsers) >= 1 ? Number(maxUsers) : null;

  const load = async () => {
    if (!csvPath.trim()) return op.setError(t('doorfile.build.needCsv'));
    if (max === null) return op.setError(t('doorfile.import.maxUsersInvalid'));
    const p = await op.run(() => api.doorfilePreview(csvPath.trim(), { maxUsers: max }));
    setPreview(p ?? null);
    if (p && !outPath.trim()) setOutPath(suggestedOut(p.csvPath));
  };

  return (
    <section aria-labelledby="doorfile-heading" className="doorfile">
      <h2 id="doorfile-heading">{t('doorfile.title')}</h2>
      <p className="muted">{t('doorfile.intro')}</p>
      <form
        className="panel"
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <h3 id={`${id}-h`}>{t('doorfile.import.heading')}</h3>
        <div className="row">
          <div className="field grow">
            <label htmlFor={`${id}-csv`}>{t('doorfile.import.csvPath')}</label>
            <input
              id={`${id}-csv`}
              className="mono"
              size={60}
              maxLength={4096}
              value={csvPath}
              placeholder={t('doorfile.import.csvPlaceholder')}
              aria-describedby={`${id}-csv-hint`}
              onChange={(e) => setCsvPath(e.target.value)}
            />
            <small id={`${id}-csv-hint`} className="muted">
              {t('doorfile.import.csvHint')}
            </small>
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('doorfile.import.maxUsers')}</label>
            <input id={`${id}-max`} inputMode="numeric" size={9} maxLength={7} value={maxUsers} onChange={(e) => setMaxUsers(e.target.value.trim())} />
          </div>
          <button type="submit" disabled={op.busy}>
            {op.busy ? t('doorfile.import.previewing') : t('doorfile.import.preview')}
          </button>
        </div>
        {op.error && (
          <p role="alert" className="error">
            {op.error}
          </p>
        )}
      </form>
      {preview && <PreviewTable preview={preview} />}
      <BuildPanel
        csvPath={csvPath}
        maxUsers={max ?? DEFAULT_MAX_USERS}
        warnings={preview?.warnings ?? 0}
        outPath={outPath}
        onOutPath={setOutPath}
        onBuilt={(p) => {
          setDoorPath(p);
          void load();
        }}
      />
      <VerifyPanel doorPath={doorPath} onDoorPath={setDoorPath} maxUsers={max ?? DEFAULT_MAX_USERS} />
    </section>
  );
}
