import { useTranslation } from 'react-i18next';
import type { DoorfileIssue } from '../../../../shared/api/features/doorfile.ts';

/**
 * The capacity finding is worded for the CLI ("--max-users"); here the same numbers point at the
 * page's own field.
 */
function capacitySentence(message: string, t: (key: string, o?: Record<string, unknown>) => string): string {
  const m = /has (\d+) users but the lock holds (\d+)/.exec(message);
  if (!m) return message;
  return t('shell.doorfile.capacity', { users: Number(m[1]), max: Number(m[2]), field: t('doorfile.import.maxUsers') });
}

/** Every finding of a CSV with its line, so a person with a large spreadsheet can go to the cell. */
export function IssueList({ issues, label }: { issues: DoorfileIssue[]; label: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return <p className="ok-text">{t('doorfile.preview.noProblems')}</p>;
  return (
    <table className="df-issues" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('doorfile.preview.severity')}</th>
          <th scope="col">{t('doorfile.preview.line')}</th>
          <th scope="col">{t('doorfile.preview.message')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i, n) => (
          <tr key={n} className={`sev-${i.severity}`}>
            <td>
              <span className={`sev-badge ${i.severity}`}>{t(`doorfile.severity.${i.severity}`)}</span>
            </td>
            <td>{i.line ?? t('doorfile.preview.fileWide')}</td>
            <td>{i.code === 'capacity' ? capacitySentence(i.message, t) : i.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
