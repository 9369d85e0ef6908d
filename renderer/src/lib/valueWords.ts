// The words of a configuration value's display text (shared/config/catalogue.ts, formatValue) in the
// UI's language: a secret's length, the lengths a value expects, "(empty)".

import type { ValueWords } from '../../../shared/config/catalogue.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function valueWords(t: Translate): ValueWords {
  return {
    bytes: (count) => t('shell.value.bytes', { count }),
    // One size of one byte reads "byte"; anything else "bytes", as in English.
    expected: (sizes) => t('shell.value.expected', { sizes: sizes.join(t('shell.value.or')), count: sizes.length === 1 ? sizes[0] : 2 }),
    empty: t('shell.value.empty'),
    notBool: t('shell.value.notBool'),
    unknown: t('shell.value.unknown'),
  };
}
