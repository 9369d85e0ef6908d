import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { de } from './de.ts';

/** English and German; the system language decides unless the user picks one. */
export function setupI18n(): typeof i18next {
  const saved = localStorage.getItem('readerdesk.lang');
  const system = navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: saved ?? system,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
