import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ENGLISH } from './english.ts';
import { isOtherLanguage, loadLanguagePack } from './languages.ts';
import { formatNumber, uiLanguage } from '../lib/locale.ts';

/**
 * i18next's backend for the languages besides English: it loads the language's pack (a chunk of
 * its own) before i18next switches to it, so no page ever renders that language's keys unresolved.
 * English is bundled and never asked for.
 */
const languagePacks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isOtherLanguage(language)) return callback(null, {});
    loadLanguagePack(language).then(
      (pack) => callback(null, pack.translation),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), false),
    );
  },
};

/**
 * English and German; the system language decides unless the user picks one. Resolves once the
 * first language's sentences are here: the first render waits for it (main.tsx), so a window
 * opening in German is German from its first paint.
 */
export function setupI18n(): Promise<typeof i18next> {
  const saved = localStorage.getItem('readerdesk.lang');
  const system = navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
  // <html lang> follows the language: screen readers pick their voice and hyphenation by it.
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = uiLanguage(lng);
  });
  return i18next
    .use(languagePacks)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: ENGLISH } },
      // English is bundled; other languages come from the backend when first used.
      partialBundledLanguages: true,
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
    })
    .then(() => i18next);
}
