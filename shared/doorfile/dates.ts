// Dates of a user record. JSON carries them as 14-digit YYYYMMDDHHMMSS text (the ENGAGE form);
// the 32-byte record keeps 2 bytes, which ReaderDesk fills with whole days since 2000-01-01 (UTC),
// so the binary export keeps the day and drops the time of day. In bulk they are kept as the
// number YYYYMMDDHHMMSS (below 2^53, so exact in a double) and read digit by digit, not by regex.

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(2000, 0, 1);

export const MAX_DAY = 0xffff;
export const DEFAULT_ACTIVATION = '20000101000000';
/** The last moment the 2-byte day field can hold: day 65535 is 2179-06-06. */
export const DEFAULT_EXPIRATION = '21790606235959';
export const DEFAULT_ACTIVATION_NUMBER = 20000101000000;
export const DEFAULT_EXPIRATION_NUMBER = 21790606235959;

const TIME_DIGITS = 1_000_000;

function digitsAt(text: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Accepts YYYYMMDDHHMMSS or YYYY-MM-DD and returns the number YYYYMMDDHHMMSS, or -1 when the text
 * is not a real calendar date and time. A date without time starts the day (activation) or ends
 * it (expiration), so "valid until 2026-12-31" includes the 31st. Years 0-99 are refused as
 * before, when Date.UTC read them as 1900-1999 and the round trip failed.
 */
export function parseDateTimeNumber(text: string, endOfDay: boolean): number {
  let y: number;
  let mo: number;
  let d: number;
  let h: number;
  let mi: number;
  let s: number;
  if (text.length === 14) {
    y = digitsAt(text, 0, 4);
    mo = digitsAt(text, 4, 2);
    d = digitsAt(text, 6, 2);
    h = digitsAt(text, 8, 2);
    mi = digitsAt(text, 10, 2);
    s = digitsAt(text, 12, 2);
  } else if (text.length === 10 && text.charCodeAt(4) === 0x2d && text.charCodeAt(7) === 0x2d) {
    y = digitsAt(text, 0, 4);
    mo = digitsAt(text, 5, 2);
    d = digitsAt(text, 8, 2);
    h = endOfDay ? 23 : 0;
    mi = endOfDay ? 59 : 0;
    s = endOfDay ? 59 : 0;
  } else return -1;
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return -1;
  const monthDays = mo === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[mo - 1]!;
  if (d > monthDays) return -1;
  return (y * 10000 + mo * 100 + d) * TIME_DIGITS + h * 10000 + mi * 100 + s;
}

/**
 * Accepts YYYYMMDDHHMMSS or YYYY-MM-DD and returns the 14-digit form, or null when the text is not
 * a real calendar date and time.
 */
export function parseDateTime(text: string, endOfDay: boolean): string | null {
  const v = parseDateTimeNumber(text, endOfDay);
  return v < 0 ? null : dateTimeText(v);
}

/** The 14-digit text of a YYYYMMDDHHMMSS number. */
export function dateTimeText(value: number): string {
  return String(value).padStart(14, '0');
}

/** The YYYYMMDDHHMMSS number of 14-digit text (checked by the caller). */
export function dateTimeNumber(dateTime14: string): number {
  return Number(dateTime14);
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const EPOCH_DAY = daysFromCivil(2000, 1, 1);

/** Whole days since 2000-01-01 for a YYYYMMDDHHMMSS number; may be negative or above MAX_DAY. */
export function dayNumberOf(value: number): number {
  const ymd = Math.floor(value / TIME_DIGITS);
  return daysFromCivil(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100) - EPOCH_DAY;
}

/** Whole days since 2000-01-01 for a 14-digit date; may be negative or above MAX_DAY. */
export function dayNumber(dateTime14: string): number {
  return dayNumberOf(dateTimeNumber(dateTime14));
}

export function dateFromDayNumber(day: number): string {
  const d = new Date(EPOCH_MS + day * DAY_MS);
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
}
