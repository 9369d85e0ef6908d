import { useTranslation } from 'react-i18next';
import type { DoorfileCredentialView, DoorfilePreview } from '../../../../shared/api/features/doorfile.ts';
import { IssueList, issueSentence } from './IssueList.tsx';
import { ColumnHeaders } from '../../components/ColumnHeaders.tsx';

function day(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
}

export function PreviewTable({ preview }: { preview: DoorfilePreview }) {
  const { t, i18n } = useTranslation();
  const cred = (c: DoorfileCredentialView | null) =>
    c === null ? t('doorfile.preview.none') : c.type === 'pin' ? t('doorfile.preview.pin', { digits: Math.ceil(c.bitCount / 4) }) : t('doorfile.preview.card', { bits: c.bitCount, hex: c.hex });
  return (
    <div className="panel" data-testid="doorfile-preview">
      <h3>{t('doorfile.preview.heading')}</h3>
      <p className="mono muted">{preview.csvPath}</p>
      <p role="status" data-testid="doorfile-summary">
        {t('doorfile.preview.summary', { users: preview.userCount, errors: preview.errors, warnings: preview.warnings, max: preview.maxUsers })}
      </p>
      <h4>{t('doorfile.preview.problems')}</h4>
      <IssueList issues={preview.issues} label={t('doorfile.preview.problems')} />
      <h4>{t('doorfile.preview.users')}</h4>
      {preview.truncated && <p className="muted">{t('doorfile.preview.truncated', { shown: preview.users.length, total: preview.userCount })}</p>}
      <div className="df-scroll" role="region" tabIndex={0} aria-label={t('doorfile.preview.users')}>
        <table className="df-users" aria-label={t('doorfile.preview.users')}>
          <ColumnHeaders
            labels={[
              t('doorfile.preview.position'),
              t('doorfile.preview.line'),
              t('doorfile.preview.user'),
              t('doorfile.preview.primary'),
              t('doorfile.preview.secondary'),
              t('doorfile.preview.active'),
              t('doorfile.preview.valid'),
              t('doorfile.preview.schedule'),
              t('doorfile.preview.status'),
            ]}
          />
          <tbody>
            {preview.users.map((u) => (
              <tr key={u.position} className={u.severity ? `sev-${u.severity}` : ''} data-line={u.line}>
                <td>{u.position}</td>
                <td>{u.line}</td>
                <td>{u.userId}</td>
                <td className="mono">{cred(u.primary)}</td>
                <td className="mono">{cred(u.secondary)}</td>
                <td>{u.active ? t('doorfile.preview.yes') : t('doorfile.preview.no')}</td>
                <td className="nowrap">
                  {day(u.activation)} – {day(u.expiration)}
                </td>
                <td>{u.schedule || t('doorfile.preview.none')}</td>
                <td>
                  {u.severity === null ? (
                    <span className="ok-text">{t('doorfile.preview.ok')}</span>
                  ) : (
                    u.issues.map((i, n) => (
                      <div key={n}>
                        <span className={`sev-badge ${i.severity}`}>{t(`doorfile.severity.${i.severity}`)}</span> {issueSentence(i, t, i18n.language)}
                      </div>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
