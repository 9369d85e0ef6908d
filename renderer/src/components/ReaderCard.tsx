import { useTranslation } from 'react-i18next';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';
import { ReaderActions } from './ReaderActions.tsx';
import { SecurityRiskBadge } from './SecurityRiskBadge.tsx';

export function ReaderCard({ reader, onError }: { reader: ReaderSummary; onError: (m: string) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const risk = reader.projectSettings === false;
  const keyKind =
    reader.customerKeyKind === 'default' ? t('readers.keyDefault') : reader.customerKeyKind === 'custom' ? t('readers.keyCustom') : t('readers.keyNotIdentified');
  return (
    <article className={`card ${risk ? 'risk' : ''}`} aria-label={reader.address} data-testid="reader-card">
      <header className="row">
        <h4 className="mono">{reader.address}</h4>
        <span className={`state ${reader.state}`}>{t(`readers.state.${reader.state}`)}</span>
      </header>
      {risk && (
        <p>
          <SecurityRiskBadge reader={reader} />
        </p>
      )}
      <dl>
        <dt>{t('readers.firmware')}</dt>
        <dd data-testid="firmware">{reader.firmware ?? '–'}</dd>
        <dt>{t('readers.configuration')}</dt>
        <dd data-testid="config-id">
          {reader.configId === null ? t('readers.noConfiguration') : `${reader.configId} ${reader.configName ?? ''}`}
        </dd>
        <dt>{t('readers.version')}</dt>
        <dd>{reader.version ?? '–'}</dd>
        <dt>{t('readers.securityCode')}</dt>
        <dd data-testid="csc">{reader.securityCode === 'set' ? t('readers.set') : reader.securityCode === 'unset' ? t('readers.unset') : '–'}</dd>
        <dt>{t('readers.customerKey')}</dt>
        <dd data-testid="customer-key">
          {keyKind}
          {reader.customerKeyKind === null && reader.state === 'connected' && (
            <>
              {' '}
              <button
                title={t('readers.identifyKeyHint')}
                onClick={() => api.identifyCustomerKey(reader.id).catch((e: Error) => onError(e.message))}
              >
                {t('readers.identifyKey')}
              </button>
            </>
          )}
        </dd>
      </dl>
      {risk && <p className="muted">{t('readers.riskText')}</p>}
      {reader.bootProblems.length > 0 && (
        <p className="error">
          {t('readers.bootProblems')}: {reader.bootProblems.join(', ')}
        </p>
      )}
      {reader.lastError && <p className="error">{reader.lastError}</p>}
      <div className="row">
        <button onClick={() => api.refreshReader(reader.id).catch((e: Error) => onError(e.message))}>{t('readers.refresh')}</button>
        <button onClick={() => api.disconnect(reader.id).catch((e: Error) => onError(e.message))}>{t('readers.disconnect')}</button>
      </div>
      <ReaderActions reader={reader} onError={onError} />
    </article>
  );
}
