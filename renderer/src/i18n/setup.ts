import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { de } from './de.ts';
import { formatNumber, uiLanguage } from '../lib/locale.ts';
import * as config from './features/config.ts';
import * as deploy from './features/deploy.ts';
import * as events from './features/events.ts';
import * as frames from './features/frames.ts';
import * as doorfile from './features/doorfile.ts';
import * as tags from './features/tags.ts';
import * as shell from './features/shell.ts';

const features = { config, deploy, events, frames, doorfile, tags, shell };

function bundle(lang: 'en' | 'de') {
  const base = lang === 'en' ? en : de;
  const extra = Object.fromEntries(Object.entries(features).map(([k, m]) => [k, m[lang]]));
  return { ...base, ...extra };
}

/** English and German; the system language decides unless the user picks one. */
export function setupI18n(): typeof i18next {
  const saved = localStorage.getItem('readerdesk.lang');
  const system = navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
  // <html lang> follows the language: screen readers pick their voice and hyphenation by it.
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = uiLanguage(lng);
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: bundle('en') }, de: { translation: bundle('de') } },
    lng: saved ?? system,
    fallbackLng: 'en',
    interpolation: {
      escapeValue: false,
      // Every number a sentence shows reads the way the language writes it (1,234 / 1.234).
      alwaysFormat: true,
      // Anything else passes through untouched (i18next handles strings and missing values itself).
      format: (value: unknown, format?: string, lng?: string) =>
        (typeof value === 'number' && Number.isFinite(value) && format === undefined ? formatNumber(value, lng) : value) as string,
    },
  });
  return i18next;
}
