import { useTranslation } from 'react-i18next';
import type { DoorfileIssue } from '../../../../shared/api/features/doorfile.ts';
import { reasonText } from '../../lib/errorText.ts';

/**
 * A finding in the UI's language. The capacity finding is worded for the CLI ("--max-users"); here
 * the same numbers point at the page's own field.
 */
export function issueSentence(i: DoorfileIssue, t: (key: string, o?: Record<string, unknown>) => string, lang: string): string {
  if (i.code === 'capacity' && i.text.code === 'doorfile.capacity') {
    return t('shell.doorfile.capacity', { users: i.text.params.users, max: i.text.params.max, field: t('doorfile.import.maxUsers') });
  }
  return reasonText(i.text, lang);
}

/** Every finding of a CSV with its line, so a person with a large spreadsheet can go to the cell. */
export function IssueList({ issues, label }: { issues: DoorfileIssue[]; label: string }) {
  const { t, i18n } = useTranslation();
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
            <td>{issueSentence(i, t, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
