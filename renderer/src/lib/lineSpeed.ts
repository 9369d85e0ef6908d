// A serial link's speed during a deploy or read-back, in the UI's language (the CLI words the same
// report in English: shared/brp/lineSpeed.ts).

import type { LineSpeedReport, RateFailure } from '../../../shared/brp/lineSpeed.ts';
import { localeOf } from './locale.ts';

type T = (key: string, opts?: Record<string, unknown>) => string;

const ORDER: readonly RateFailure[] = ['transfer', 'port', 'reader', 'line'];

export function lineSpeedText(r: LineSpeedReport, t: T, lang: string): string {
  // Rates stay plain digits, as on the port and in BALTECH's documents.
  const list = (rates: number[]) => new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }).format(rates.map(String));
  const why = ORDER.flatMap((where) => {
    const rates = r.failed.filter((f) => f.where === where).map((f) => f.baud);
    return rates.length ? [t(`deploy.lineSpeed.failed.${where}`, { rates: list(rates) })] : [];
  });
  const paren = (parts: string[]) => (parts.length ? ` (${parts.join('; ')})` : '');
  // Strings, not numbers: the sentences would otherwise group the digits (921,600).
  const rate = String(r.rate);
  const from = String(r.from);
  if (r.outcome === 'raised') return t('deploy.lineSpeed.raised', { rate }) + paren(why);
  if (r.outcome === 'lost') return `${t('deploy.lineSpeed.lost', { rate, from })}${paren(why)}; ${t('deploy.lineSpeed.lostWhatToDo', { rate })}`;
  if (r.keptBecause === 'at-maximum') return t('deploy.lineSpeed.keptAtMaximum', { rate, max: String(r.maxBaud) });
  if (r.keptBecause === 'reader-refused') return t('deploy.lineSpeed.kept', { rate }) + paren([t('deploy.lineSpeed.readerRefused'), ...why]);
  return t('deploy.lineSpeed.kept', { rate }) + paren(why);
}
