import { useTranslation } from 'react-i18next';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../api/apiContext.ts';
import { ReaderActions } from './ReaderActions.tsx';
import { SecurityRiskBadge } from './SecurityRiskBadge.tsx';
import { ChecksumSelect, connectOptions, type ChecksumChoice } from './ChecksumSelect.tsx';
import { errorText, reasonText } from '../lib/errorText.ts';

type Limit = 'securityCode' | 'features' | 'tamperDisabled' | 'tamperNotSupported';

/** What the reader's firmware cannot tell or do, each said in words on the card. */
function firmwareLimits(reader: ReaderSummary): Limit[] {
  const out: Limit[] = [];
  if (reader.securityCode === 'unknown') out.push('securityCode');
  if (reader.features === null && reader.firmwareLacks.includes('Sys.GetFeatures')) out.push('features');
  if (reader.tamperReporting === 'autoread-disabled') out.push('tamperDisabled');
  if (reader.tamperReporting === 'not-supported') out.push('tamperNotSupported');
  return out;
}

export function ReaderCard({ reader, onError }: { reader: ReaderSummary; onError: (m: string) => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const risk = reader.projectSettings === false;
  const link = reader.link;
  const linkText = link
    ? `${t(`readers.checksumChoice.${link.checksum}`)} (${t(`readers.linkReason.${link.automatic ? link.kind : 'user'}`)})`
    : '–';
  const changeChecksum = (choice: ChecksumChoice) =>
    api.connect(reader.address, connectOptions(choice)).catch((e: unknown) => onError(errorText(e)));
  const keyKind =
    reader.customerKeyKind === 'default' ? t('readers.keyDefault') : reader.customerKeyKind === 'custom' ? t('readers.keyCustom') : t('readers.keyNotIdentified');
  const limits = firmwareLimits(reader);
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
        <dd data-testid="csc">
          {reader.securityCode === 'set'
            ? t('readers.set')
            : reader.securityCode === 'unset'
              ? t('readers.unset')
              : reader.securityCode === 'unknown'
                ? t('readers.unknown')
                : '–'}
        </dd>
        <dt>{t('readers.customerKey')}</dt>
        <dd data-testid="customer-key">
          {keyKind}
          {reader.customerKeyKind === null && reader.state === 'connected' && (
            <>
              {' '}
              <button
                title={t('readers.identifyKeyHint')}
                onClick={() => api.identifyCustomerKey(reader.id).catch((e: unknown) => onError(errorText(e)))}
              >
                {t('readers.identifyKey')}
              </button>
            </>
          )}
        </dd>
        <dt>{t('readers.linkChecksum')}</dt>
        <dd data-testid="link-checksum">{linkText}</dd>
        <dt>{t('readers.features')}</dt>
        <dd data-testid="features">
          {reader.features
            ? reader.features.features.map((f) => f.name).join(', ') || t('readers.featuresNone')
            : reader.firmwareLacks.includes('Sys.GetFeatures')
              ? t('readers.unknown')
              : '–'}
        </dd>
      </dl>
      {limits.length > 0 && (
        <ul className="muted" aria-label={t('readers.limitsLabel')} data-testid="firmware-limits">
          {limits.map((key) => (
            <li key={key}>{t(`readers.limit.${key}`)}</li>
          ))}
        </ul>
      )}
      {risk && <p className="muted">{t('readers.riskText')}</p>}
      {reader.bootProblems.length > 0 && (
        <p className="error">
          {t('readers.bootProblems')}: {reader.bootProblems.join(', ')}
        </p>
      )}
      {reader.lastError && <p className="error">{reasonText(reader.lastErrorText ?? reader.lastError, i18n.language)}</p>}
      <div className="row">
        <button onClick={() => api.refreshReader(reader.id).catch((e: unknown) => onError(errorText(e)))}>{t('readers.refresh')}</button>
        <button onClick={() => api.disconnect(reader.id).catch((e: unknown) => onError(errorText(e)))}>{t('readers.disconnect')}</button>
        <ChecksumSelect
          value={link && !link.automatic ? link.checksum : 'auto'}
          onChange={(c) => void changeChecksum(c)}
          label={t('readers.checksumForPort')}
          disabled={reader.state !== 'connected'}
        />
      </div>
      <ReaderActions reader={reader} onError={onError} />
    </article>
  );
}
