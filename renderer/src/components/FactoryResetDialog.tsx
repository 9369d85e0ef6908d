import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { errorText } from '../lib/errorText.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** Factory reset behind a confirmation: the user types the reader's address before the button enables. */
export function FactoryResetDialog({ reader, onClose }: { reader: ReaderSummary; onClose: (done: boolean) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const ids = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === reader.address;

  const run = async () => {
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.factoryReset(reader.id, typed.trim());
      onClose(true);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <ModalDialog labelledBy={`${ids}-title`} onClose={() => !busy && onClose(false)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h3 id={`${ids}-title`}>{t('deploy.reset.title', { address: reader.address })}</h3>
        <p>{t('deploy.reset.removes')}</p>
        <ul>
          <li>{t('deploy.reset.removesConfig')}</li>
          <li>{t('deploy.reset.removesCsc')}</li>
        </ul>
        <p>{t('deploy.reset.keeps')}</p>
        <p className="badge warning">{t('deploy.reset.restart')}</p>
        <label className="deploy-field">
          {t('deploy.reset.confirmLabel', { address: reader.address })}
          <input className="mono" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} disabled={busy} autoFocus />
        </label>
        {busy && <p role="status">{t('deploy.reset.running')}</p>}
        <ErrorAlert message={error} />
        <div className="row dialog-buttons">
          <button type="button" onClick={() => onClose(false)} disabled={busy}>
            {t('deploy.reset.cancel')}
          </button>
          <button type="submit" className="danger" disabled={!matches || busy}>
            {t('deploy.reset.confirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
