import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { de } from './de.ts';
import * as config from './features/config.ts';
import * as deploy from './features/deploy.ts';
import * as events from './features/events.ts';
import * as frames from './features/frames.ts';
import * as doorfile from './features/doorfile.ts';
import * as tags from './features/tags.ts';

const features = { config, deploy, events, frames, doorfile, tags };

function bundle(lang: 'en' | 'de') {
  const base = lang === 'en' ? en : de;
  const extra = Object.fromEntries(Object.entries(features).map(([k, m]) => [k, m[lang]]));
  return { ...base, ...extra };
}

/** English and German; the system language decides unless the user picks one. */
export function setupI18n(): typeof i18next {
  const saved = localStorage.getItem('readerdesk.lang');
  const system = navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: bundle('en') }, de: { translation: bundle('de') } },
    lng: saved ?? system,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
