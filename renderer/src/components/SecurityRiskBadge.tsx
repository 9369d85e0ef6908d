import { useTranslation } from 'react-i18next';
import type { ReaderSummary } from '../../../shared/api/contract.ts';

/**
 * Seed 000: productive readers without project settings are a security risk, because anyone can
 * reconfigure them. Every place that lists a reader shows this badge.
 */
export function SecurityRiskBadge({ reader, compact = false }: { reader: Pick<ReaderSummary, 'projectSettings'>; compact?: boolean }) {
  const { t } = useTranslation();
  if (reader.projectSettings !== false) return null;
  return (
    <span className={`badge warning${compact ? ' compact' : ''}`} role="status" title={t('readers.riskText')}>
      ⚠ {t('readers.riskBadge')}
    </span>
  );
}
