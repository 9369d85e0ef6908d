// Reads the users CSV (columns in docs/doorfile.md) into user records. Every problem found is
// reported with its line and column; a line with an error yields no record, and reading goes on
// so that one run lists every problem in the file.

import { makeCredential, MAX_CREDENTIAL_BITS, type Credential } from './credential.ts';
import { readCsv } from './csv.ts';
import { DEFAULT_ACTIVATION, DEFAULT_EXPIRATION, MAX_DAY, dayNumber, parseDateTime } from './dates.ts';
import { issueAt, type Issue } from './issues.ts';
import { isPinText, pinBits, PIN_MAX_DIGITS, PIN_MIN_DIGITS, PIN_RECOMMENDED_DIGITS } from './pin.ts';
import { ATTRIBUTE_NORMAL, MAX_USER_ID, NO_SCHEDULE, type UserRecord } from './userRecord.ts';
import { encodeWiegand, fieldMax, isWiegandFormat, WIEGAND_FORMATS } from './wiegand.ts';

export const CREDENTIAL_FORMATS = ['h10301', 'c1000-35', 'h10304', 'h10302', 'raw', 'pin'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

const CREDENTIAL_COLUMNS = ['facility', 'card', 'raw_hex', 'raw_bits', 'pin'] as const;
const KNOWN_COLUMNS = new Set<string>([
  'user_id',
  'format',
  ...CREDENTIAL_COLUMNS,
  'secondary_format',
  ...CREDENTIAL_COLUMNS.map((c) => `secondary_${c}`),
  'active',
  'attribute',
  'activation',
  'expiration',
  'schedule',
]);

/** Which credential columns each format reads; the others must stay empty. */
const COLUMNS_OF: Record<CredentialFormat, readonly string[]> = {
  h10301: ['facility', 'card'],
  'c1000-35': ['facility', 'card'],
  h10304: ['facility', 'card'],
  h10302: ['card'],
  raw: ['raw_hex', 'raw_bits'],
  pin: ['pin'],
};

export interface CsvImport {
  users: UserRecord[];
  issues: Issue[];
}

export function importUsersCsv(text: string): CsvImport {
  const issues: Issue[] = [];
  const users: UserRecord[] = [];
  const { records, problems } = readCsv(text);
  for (const p of problems) issues.push(issueAt('error', 'csv-syntax', {}, p.message));
  const headerRecord = records[0];
  if (!headerRecord) {
    issues.push(issueAt('error', 'csv-empty', {}, 'The CSV file has no header row; start it with a line such as "user_id,format,facility,card".'));
    return { users, issues };
  }
  const header = headerRecord.fields.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const at = { line: headerRecord.line, column: name || `#${i + 1}` };
    if (index.has(name)) issues.push(issueAt('error', 'csv-header', at, `the column "${name}" appears twice; keep one of them.`));
    else if (!KNOWN_COLUMNS.has(name)) {
      issues.push(issueAt('warning', 'unknown-column', at, `the column "${name}" is not a door-file column and is ignored; check its spelling if it should be used.`));
    } else index.set(name, i);
  });
  for (const required of ['user_id', 'format']) {
    if (!index.has(required)) {
      issues.push(issueAt('error', 'csv-header', { line: headerRecord.line }, `the header has no "${required}" column; add it (see docs/doorfile.md for the columns).`));
    }
  }
  if (!index.has('user_id') || !index.has('format')) return { users, issues };

  for (const rec of records.slice(1)) {
    if (rec.fields.length !== header.length) {
      issues.push(issueAt('error', 'csv-fields', { line: rec.line }, `the line has ${rec.fields.length} fields but the header has ${header.length}; check for a missing or extra comma.`));
      continue;
    }
    const user = readLine(rec.line, (col) => {
      const i = index.get(col);
      return i === undefined ? '' : rec.fields[i]!.trim();
    }, issues);
    if (user) users.push(user);
  }
  if (records.length === 1 && problems.length === 0) {
    issues.push(issueAt('error', 'csv-no-users', {}, 'The CSV file has a header but no user rows; a door file needs at least one user.'));
  }
  return { users, issues };
}

type Cell = (column: string) => string;

function readLine(line: number, cell: Cell, issues: Issue[]): UserRecord | null {
  const before = issues.length;
  const err = (column: string, text: string, code = 'value') => issues.push(issueAt('error', code, { line, column }, text));

  const userId = readInt(cell('user_id'), 0, MAX_USER_ID, 'user_id', line, issues, true);
  const primary = readCredential(line, cell, '', issues, true);
  let secondary: Credential | null = null;
  if (cell('secondary_format') !== '') secondary = readCredential(line, cell, 'secondary_', issues, false);
  else {
    for (const c of CREDENTIAL_COLUMNS) {
      if (cell(`secondary_${c}`) !== '') {
        err(`secondary_${c}`, 'a secondary credential value is given but secondary_format is empty; fill in secondary_format or clear the value.');
      }
    }
  }

  let active = true;
  const activeText = cell('active').toLowerCase();
  if (['0', 'no', 'n', 'false'].includes(activeText)) active = false;
  else if (!['', '1', 'yes', 'y', 'true'].includes(activeText)) {
    err('active', `"${cell('active')}" is not a yes/no value; write 1 or 0 (yes/no, true/false also work), or leave it empty for active.`);
  }

  const attrText = cell('attribute').toLowerCase();
  const attribute =
    attrText === '' || attrText === 'normal' ? ATTRIBUTE_NORMAL : readInt(attrText, 0, 255, 'attribute', line, issues, false);

  const schedule = cell('schedule') === '' ? NO_SCHEDULE : readInt(cell('schedule'), 0, 0xffff, 'schedule', line, issues, false);
  const activation = readDate(cell('activation'), false, DEFAULT_ACTIVATION, 'activation', line, issues);
  const expiration = readDate(cell('expiration'), true, DEFAULT_EXPIRATION, 'expiration', line, issues);
  if (activation && expiration && expiration < activation) {
    err('expiration', `the expiration ${expiration} is before the activation ${activation}; the credential would never open the door. Correct one of the dates.`);
  }

  const failed = issues.slice(before).some((i) => i.severity === 'error');
  if (failed || userId === null || !primary || attribute === null || schedule === null || !activation || !expiration) return null;
  return { line, userId, primary, secondary, active, attribute, activation, expiration, schedule };
}

function readInt(
  text: string,
  min: number,
  max: number,
  column: string,
  line: number,
  issues: Issue[],
  required: boolean,
  forWhat = '',
): number | null {
  if (text === '') {
    if (required) issues.push(issueAt('error', 'missing', { line, column }, `the value is missing; enter a whole number from ${min} to ${max}.`));
    return null;
  }
  if (!/^\d+$/.test(text)) {
    issues.push(issueAt('error', 'value', { line, column }, `"${text}" is not a whole number; enter a number from ${min} to ${max}.`));
    return null;
  }
  const v = Number(text);
  if (v < min || v > max) {
    issues.push(issueAt('error', 'range', { line, column }, `${text} is out of range${forWhat}; the allowed range is ${min} to ${max}.`));
    return null;
  }
  return v;
}

function readDate(text: string, endOfDay: boolean, fallback: string, column: string, line: number, issues: Issue[]): string | null {
  if (text === '') return fallback;
  const v = parseDateTime(text, endOfDay);
  if (!v) {
    issues.push(issueAt('error', 'date', { line, column }, `"${text}" is not a date; write YYYY-MM-DD or YYYYMMDDHHMMSS (for example 2026-12-31).`));
    return null;
  }
  const day = dayNumber(v);
  if (day < 0 || day > MAX_DAY) {
    issues.push(issueAt('error', 'date', { line, column }, `${text} is outside what the lock record holds; use a date from 2000-01-01 to 2179-06-06.`));
    return null;
  }
  return v;
}

function readCredential(line: number, cell: Cell, prefix: '' | 'secondary_', issues: Issue[], required: boolean): Credential | null {
  const col = (c: string) => prefix + c;
  const err = (c: string, text: string, code = 'value') => {
    issues.push(issueAt('error', code, { line, column: col(c) }, text));
    return null;
  };
  const formatText = cell(col('format')).toLowerCase();
  if (formatText === '') return required ? err('format', `the credential format is missing; use one of ${CREDENTIAL_FORMATS.join(', ')}.`, 'missing') : null;
  if (!(CREDENTIAL_FORMATS as readonly string[]).includes(formatText)) {
    return err('format', `"${cell(col('format'))}" is not a credential format; use one of ${CREDENTIAL_FORMATS.join(', ')}.`);
  }
  const format = formatText as CredentialFormat;
  for (const c of CREDENTIAL_COLUMNS) {
    if (!COLUMNS_OF[format].includes(c) && cell(col(c)) !== '') {
      issues.push(issueAt('warning', 'ignored-value', { line, column: col(c) }, `${format} does not use ${col(c)}, so its value is ignored; clear it or check the format.`));
    }
  }

  if (isWiegandFormat(format)) {
    const f = WIEGAND_FORMATS[format];
    let facility: number | null = null;
    if (f.facility) {
      facility = readInt(cell(col('facility')), 0, fieldMax(f.facility), col('facility'), line, issues, true, ` for ${format}`);
      if (facility === null) return null;
    }
    const card = readInt(cell(col('card')), 0, fieldMax(f.card), col('card'), line, issues, true, ` for ${format}`);
    if (card === null) return null;
    const { value, bitCount } = encodeWiegand(format, facility, card);
    return makeCredential('card', value, bitCount);
  }

  if (format === 'pin') {
    const pin = cell(col('pin'));
    if (!isPinText(pin)) {
      return err('pin', pin === '' ? `the PIN is missing; enter ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits.` : `the PIN must be ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits 0-9 and nothing else; correct it.`);
    }
    if (pin.length < PIN_RECOMMENDED_DIGITS) {
      issues.push(issueAt('warning', 'short-pin', { line, column: col('pin') }, `the PIN has only ${pin.length} digit(s) and is easy to guess; use at least ${PIN_RECOMMENDED_DIGITS}.`));
    }
    const { value, bitCount } = pinBits(pin);
    return makeCredential('pin', value, bitCount);
  }

  const bitCount = readInt(cell(col('raw_bits')), 1, MAX_CREDENTIAL_BITS, col('raw_bits'), line, issues, true);
  const hexText = cell(col('raw_hex')).replace(/^0x/i, '');
  if (hexText === '') return err('raw_hex', 'the raw credential is missing; enter the frame as hex digits, for example 23C5981.', 'missing');
  if (!/^[0-9a-fA-F]+$/.test(hexText)) return err('raw_hex', `"${cell(col('raw_hex'))}" is not a hex number; use digits 0-9 and A-F only.`);
  if (bitCount === null) return null;
  const value = BigInt('0x' + hexText);
  if (value >> BigInt(bitCount) !== 0n) {
    return err('raw_hex', `0x${hexText.toUpperCase()} needs ${value.toString(2).length} bits but raw_bits says ${bitCount}; correct raw_bits or the value.`, 'range');
  }
  return makeCredential('card', value, bitCount);
}
