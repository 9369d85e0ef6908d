// A configuration value's words in the UI's language: those of its display text (shared/config/
// catalogue.ts, formatValue: a secret's length, the lengths a value expects, "(empty)") and the
// value catalogue's own (what a value is for, what its special numbers mean). The catalogue's words
// come with the language's pack (i18n/languages.ts), keyed by their English text; English otherwise.

import type { ValueWords } from '../../../shared/config/catalogue.ts';
import { languagePack } from '../i18n/languages.ts';
import { uiLanguage } from './locale.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The values the reference lists without a format share one English sentence, with the value's name in it. */
const RUN_VALUE = /^Device\/Run value (\S+); the reference digest gives no format, so it is edited as raw bytes\.$/;

/** A text of the value catalogue (a description, a special number's meaning) in `lang`; English when the pack lacks it. */
export function catalogueText(english: string, lang: string): string {
  const words = languagePack(uiLanguage(lang))?.valueCatalogue;
  if (!words) return english;
  const run = RUN_VALUE.exec(english);
  if (run) return words.runValue.replace('{name}', run[1]!);
  return words.texts[english] ?? english;
}

export function valueWords(t: Translate, lang: string): ValueWords {
  return {
    bytes: (count) => t('shell.value.bytes', { count }),
    // One size of one byte reads "byte"; anything else "bytes", as in English.
    expected: (sizes) => t('shell.value.expected', { sizes: sizes.join(t('shell.value.or')), count: sizes.length === 1 ? sizes[0] : 2 }),
    empty: t('shell.value.empty'),
    notBool: t('shell.value.notBool'),
    unknown: t('shell.value.unknown'),
    meaning: (english) => catalogueText(english, lang),
  };
}
