import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Tooltip from '@radix-ui/react-tooltip';
import { Pencil, RefreshCw, Siren, Unplug } from 'lucide-react';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { BaudSelect } from './BaudSelect.tsx';
import { MaxBaudSelect } from './MaxBaudSelect.tsx';
import { StateDot } from './ReaderSidebar.tsx';
import { useOpenAlarms } from '../hooks/useOpenAlarms.ts';
import { readerLabel } from '../lib/readers.ts';
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
  const checksumChoice: ChecksumChoice = link && !link.automatic ? link.checksum : 'auto';
  const baudChoice = reader.baudRate === null || reader.baudRate === 115200 ? 'default' : reader.baudRate;
  // Another checksum or baud rate opens the port anew with it (and the reader remembers it for next time).
  const changeLink = (choice: ChecksumChoice, baud: number | 'default') =>
    api.connect(reader.address, connectOptions(choice, baud)).catch((e: unknown) => onError(errorText(e)));
  const alarms = useOpenAlarms().get(reader.id)?.length ?? 0;
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(reader.name ?? '');
  const saveName = async () => {
    try {
      await api.setReaderName(reader.id, name);
      setNaming(false);
    } catch (e) {
      onError(errorText(e));
    }
  };
  const keyKind =
    reader.customerKeyKind === 'default' ? t('readers.keyDefault') : reader.customerKeyKind === 'custom' ? t('readers.keyCustom') : t('readers.keyNotIdentified');
  const limits = firmwareLimits(reader);
  return (
    <article className={`card ${risk ? 'risk' : ''} ${reader.state}`} aria-label={reader.address} data-testid="reader-card" id={`reader-${reader.id}`} tabIndex={-1}>
      <header className="row">
        <StateDot state={reader.state} />
        <Tooltip.Root>
          <Tooltip.Trigger asChild>
            <h4 className="grow" data-testid="reader-name">
              {readerLabel(reader)}
            </h4>
          </Tooltip.Trigger>
          <Tooltip.Portal>
            <Tooltip.Content className="tooltip" sideOffset={4}>
              {reader.address}
            </Tooltip.Content>
          </Tooltip.Portal>
        </Tooltip.Root>
        {alarms > 0 && (
          <span className="badge alarm-badge" data-testid="card-alarm">
            <Siren size={14} aria-hidden />
            {t('shell.readers.alarm', { count: alarms })}
          </span>
        )}
        <span className={`state ${reader.state}`} data-testid="reader-state">
          {t(`readers.state.${reader.state}`)}
        </span>
        <button type="button" className="icon-button" aria-label={t('shell.readers.rename')} title={t('shell.readers.rename')} aria-expanded={naming} onClick={() => (setName(reader.name ?? ''), setNaming((n) => !n))}>
          <Pencil size={14} aria-hidden />
        </button>
      </header>
      {naming && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void saveName();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setNaming(false);
            }
          }}
        >
          <label className="grow">
            {t('shell.readers.name')}{' '}
            <input value={name} maxLength={64} autoFocus placeholder={t('shell.readers.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="primary">
            {t('shell.readers.saveName')}
          </button>
        </form>
      )}
      {reader.state === 'disconnected' && <p className="muted small">{t('shell.readers.retrying')}</p>}
      {risk && (
        <p>
          <SecurityRiskBadge reader={reader} />
        </p>
      )}
      <dl>
        <dt>{t('shell.readers.path')}</dt>
        <dd className="mono" data-testid="reader-address">
          {reader.address}
        </dd>
        <dt>{t('shell.readers.serialNumber')}</dt>
        <dd data-testid="serial-number">{reader.serialNumber ?? '–'}</dd>
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
        <dt>{t('shell.readers.baud')}</dt>
        <dd data-testid="baud-rate">{reader.baudRate ?? t('shell.readers.baudNone')}</dd>
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
        <button type="button" className={reader.state === 'connected' ? '' : 'primary'} onClick={() => api.refreshReader(reader.id).catch((e: unknown) => onError(errorText(e)))}>
          <RefreshCw size={14} aria-hidden /> {t('readers.refresh')}
        </button>
        <button type="button" onClick={() => api.disconnect(reader.id).catch((e: unknown) => onError(errorText(e)))}>
          <Unplug size={14} aria-hidden /> {t('readers.disconnect')}
        </button>
      </div>
      <div className="row">
        <ChecksumSelect value={checksumChoice} onChange={(c) => void changeLink(c, baudChoice)} label={t('readers.checksumForPort')} disabled={reader.state !== 'connected'} />
        {reader.baudRate !== null && (
          <BaudSelect value={baudChoice} onChange={(b) => void changeLink(checksumChoice, b)} label={t('shell.readers.baudForPort')} disabled={reader.state === 'reconnecting'} />
        )}
        {reader.maxBaud !== null && (
          <MaxBaudSelect value={reader.maxBaud} onChange={(b) => void api.setPortMaxBaud(reader.id, b).catch((e: unknown) => onError(errorText(e)))} />
        )}
      </div>
      <ReaderActions reader={reader} onError={onError} />
    </article>
  );
}
