// The languages besides English, each a pack loaded the first time it is needed: the UI's
// sentences (for i18next) and the host's sentences (for lib/errorText.ts) arrive together, so a
// page in German never shows a host sentence in English because its table came later.

import type { HostErrorCode } from '../../../shared/errors/catalogue.ts';
import type { Translation } from './english.ts';

export type HostSentenceTable = { readonly [C in HostErrorCode]: string };

export interface LanguagePack {
  readonly translation: Translation;
  readonly hostSentences: HostSentenceTable;
  /** The value catalogue's descriptions and special meanings, by their English text (lib/valueWords.ts). */
  readonly valueCatalogue: { readonly texts: Readonly<Record<string, string>>; readonly runValue: string };
}

/** The languages the UI offers besides English, which is always there. */
export type OtherLanguage = 'de';

const packs = new Map<string, LanguagePack>();
const loading = new Map<OtherLanguage, Promise<LanguagePack>>();

/** Makes a loaded pack known (the loader does this; tests may hand one over directly). */
export function addLanguagePack(lang: OtherLanguage, pack: LanguagePack): void {
  packs.set(lang, pack);
}

/** A language's pack once loaded; undefined for English and for a pack not loaded yet. */
export function languagePack(lang: string): LanguagePack | undefined {
  return packs.get(lang);
}

export function isOtherLanguage(lang: string): lang is OtherLanguage {
  return lang === 'de';
}

/** Loads a language's pack once (its own chunk of the build); a failed load may be tried again. */
export function loadLanguagePack(lang: OtherLanguage): Promise<LanguagePack> {
  let load = loading.get(lang);
  if (!load) {
    load = import('./german.ts').then((m) => {
      addLanguagePack(lang, m.GERMAN);
      return m.GERMAN;
    });
    load.catch(() => loading.delete(lang));
    loading.set(lang, load);
  }
  return load;
}
