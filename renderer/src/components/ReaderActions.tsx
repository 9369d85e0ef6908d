import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { FactoryResetDialog } from './FactoryResetDialog.tsx';
import { ReadBackDialog } from './ReadBackDialog.tsx';
import '../views/deploy/deploy.css';

// Per-reader actions on a reader card: factory reset (behind a typed confirmation) and read back for support.
export function ReaderActions({ reader }: { reader: ReaderSummary; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'reset' | 'readback' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const usable = reader.state === 'connected';
  return (
    <div className="reader-actions row" role="group" aria-label={t('deploy.actionsLabel', { address: reader.address })}>
      <button type="button" disabled={!usable} onClick={() => setOpen('readback')}>
        {t('deploy.readBack')}
      </button>
      <button type="button" className="danger" disabled={!usable} onClick={() => (setNotice(null), setOpen('reset'))}>
        {t('deploy.factoryReset')}
      </button>
      {notice && (
        <p role="status" className="ok small">
          {notice}
        </p>
      )}
      {open === 'reset' && (
        <FactoryResetDialog
          reader={reader}
          onClose={(done) => {
            setOpen(null);
            if (done) setNotice(t('deploy.reset.done'));
          }}
        />
      )}
      {open === 'readback' && <ReadBackDialog reader={reader} onClose={() => setOpen(null)} />}
    </div>
  );
}
