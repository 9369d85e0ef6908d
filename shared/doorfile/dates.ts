// Dates of a user record. JSON carries them as 14-digit YYYYMMDDHHMMSS text (the ENGAGE form);
// the 32-byte record keeps 2 bytes, which ReaderDesk fills with whole days since 2000-01-01 (UTC),
// so the binary export keeps the day and drops the time of day.

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(2000, 0, 1);

export const MAX_DAY = 0xffff;
export const DEFAULT_ACTIVATION = '20000101000000';
/** The last moment the 2-byte day field can hold: day 65535 is 2179-06-06. */
export const DEFAULT_EXPIRATION = '21790606235959';

/**
 * Accepts YYYYMMDDHHMMSS or YYYY-MM-DD and returns the 14-digit form, or null when the text is not
 * a real calendar date and time. A date without time starts the day (activation) or ends it
 * (expiration), so "valid until 2026-12-31" includes the 31st.
 */
export function parseDateTime(text: string, endOfDay: boolean): string | null {
  let digits: string;
  if (/^\d{14}$/.test(text)) digits = text;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) digits = text.replace(/-/g, '') + (endOfDay ? '235959' : '000000');
  else return null;
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((o, k) => Number(digits.slice(o, o + (k === 0 ? 4 : 2))));
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(t);
  const ok =
    back.getUTCFullYear() === y && back.getUTCMonth() === mo! - 1 && back.getUTCDate() === d &&
    back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s;
  return ok ? digits : null;
}

/** Whole days since 2000-01-01 for a 14-digit date; may be negative or above MAX_DAY. */
export function dayNumber(dateTime14: string): number {
  const t = Date.UTC(Number(dateTime14.slice(0, 4)), Number(dateTime14.slice(4, 6)) - 1, Number(dateTime14.slice(6, 8)));
  return Math.round((t - EPOCH_MS) / DAY_MS);
}

export function dateFromDayNumber(day: number): string {
  const d = new Date(EPOCH_MS + day * DAY_MS);
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
}
