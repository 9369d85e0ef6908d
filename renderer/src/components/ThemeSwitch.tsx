import { useTranslation } from 'react-i18next';
import { setTheme, useTheme, type ThemeChoice } from '../stores/theme.ts';

export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useTheme((s) => s.theme);
  return (
    <label className="topbar-select">
      <span className="visually-hidden">{t('shell.theme.label')}</span>
      <select aria-label={t('shell.theme.label')} value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} data-testid="theme-switch">
        {(['system', 'light', 'dark'] as const).map((c) => (
          <option key={c} value={c}>
            {t(`shell.theme.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
