// The UI's language as a locale for Intl: dates, times and numbers read the way the language
// writes them.

export type UiLanguage = 'en' | 'de';

export function uiLanguage(lang: string | undefined): UiLanguage {
  return lang?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The Intl locale of a UI language (British English: day before month, 24-hour clock). */
export function localeOf(lang: string | undefined): string {
  return uiLanguage(lang) === 'de' ? 'de-DE' : 'en-GB';
}

export function formatNumber(n: number, lang: string | undefined): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}
