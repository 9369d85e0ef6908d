// Dates, times and numbers as the UI shows them, through Intl in the UI's locale.

import { localeOf } from './locale.ts';

export { formatNumber } from './locale.ts';

export function formatTime(time: number, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'short', timeStyle: 'medium' }).format(time);
}

/** A clock time with milliseconds, for frame logs (hh:mm:ss.mmm in every locale ReaderDesk speaks). */
export function formatClock(time: number, lang?: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  }).format(time);
}
