// Reads the users CSV (columns in docs/doorfile.md) into user records. Every problem found is
// reported with its line and column; a line with an error yields no record, and reading goes on
// so that one run lists every problem in the file. Records go straight into a UserTable (one
// buffer for all credentials, numbers for dates), so a million lines make no million objects.

import { MAX_CREDENTIAL_BITS, writeCredentialBlock, writeSmallCredentialBlock } from './credential.ts';
import { scanCsv } from './csv.ts';
import { DEFAULT_ACTIVATION_NUMBER, DEFAULT_EXPIRATION_NUMBER, MAX_DAY, dateTimeText, dayNumberOf, parseDateTimeNumber } from './dates.ts';
import { issueAt, type Issue } from './issues.ts';
import { isPinText, PIN_MAX_DIGITS, PIN_MIN_DIGITS, PIN_RECOMMENDED_DIGITS, writePinBlock } from './pin.ts';
import { ATTRIBUTE_NORMAL, MAX_USER_ID, NO_SCHEDULE, type UserRecord } from './userRecord.ts';
import { CREDENTIAL_TYPE_CODES, UserTable } from './userTable.ts';
import { fieldMax, isWiegandFormat, WIEGAND_FORMATS, wiegandFrame } from './wiegand.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostParam, HostText } from '../errors/hostText.ts';

export const CREDENTIAL_FORMATS = ['h10301', 'c1000-35', 'h10304', 'h10302', 'raw', 'pin'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

const CREDENTIAL_COLUMNS = ['facility', 'card', 'raw_hex', 'raw_bits', 'pin'] as const;
type CredentialColumn = (typeof CREDENTIAL_COLUMNS)[number];
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

export interface CsvTableImport {
  table: UserTable;
  issues: Issue[];
}

/** The users as records; importUsersTable is the same without one object per user. */
export function importUsersCsv(text: string): CsvImport {
  const { table, issues } = importUsersTable(text);
  return { users: table.toRecords(), issues };
}

/** Lines in the text, counted once so the table is allocated at its final size. */
function estimateRows(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  if (n === 0) for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) n++;
  return n + 1;
}

export function importUsersTable(text: string): CsvTableImport {
  const table = new UserTable(estimateRows(text));
  const issues: Issue[] = [];
  let reader: RowReader | null = null;
  let headerSeen = false;
  let records = 0;
  const problems = scanCsv(text, (line, fields) => {
    records++;
    if (!headerSeen) {
      headerSeen = true;
      reader = readHeader(line, fields, table, issues);
    } else if (reader) reader.read(line, fields);
  });
  const all: Issue[] = problems.map((p) => issueAt('error', 'csv-syntax', {}, p.text));
  if (!headerSeen) {
    all.push(issueAt('error', 'csv-empty', {}, hostText('csv.no-header', {})));
    return { table, issues: all };
  }
  for (const i of issues) all.push(i);
  if (reader && records === 1 && problems.length === 0) {
    all.push(issueAt('error', 'csv-no-users', {}, hostText('csv.no-users', {})));
  }
  return { table, issues: all };
}

/** Short, and not a long run of hex digits (which may be a key): safe to quote in a message. */
function isShowableColumnName(name: string): boolean {
  return name.length <= 32 && !/[0-9a-f]{12,}/i.test(name);
}

/** Checks the header and returns the reader for the rows, or null when a required column is missing. */
function readHeader(line: number, fields: readonly string[], table: UserTable, issues: Issue[]): RowReader | null {
  const header = fields.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    // A header cell is repeated only when it could be a column name: a key file given as --in would
    // otherwise put the key on screen. Others are named by their position.
    const shown = isShowableColumnName(name) ? `"${name}"` : hostText('csv.column-number', { number: String(i + 1) });
    const at = { line, column: isShowableColumnName(name) && name ? name : `#${i + 1}` };
    if (index.has(name)) issues.push(issueAt('error', 'csv-header', at, hostText('csv.column-twice', { column: shown })));
    else if (!KNOWN_COLUMNS.has(name)) {
      issues.push(issueAt('warning', 'unknown-column', at, hostText('csv.unknown-column', { column: shown })));
    } else index.set(name, i);
  });
  for (const required of ['user_id', 'format']) {
    if (!index.has(required)) {
      issues.push(issueAt('error', 'csv-header', { line }, hostText('csv.missing-column', { column: required })));
    }
  }
  if (!index.has('user_id') || !index.has('format')) return null;
  return new RowReader(table, issues, header.length, (name) => index.get(name) ?? -1);
}

/** Where the columns of one credential (primary or secondary) are, with their names for messages. */
interface CredentialColumns {
  format: number;
  formatName: string;
  cells: Record<CredentialColumn, number>;
  names: Record<CredentialColumn, string>;
  /** Per format, the columns of this header that the format does not read (checked to be empty). */
  unused: Record<CredentialFormat, readonly CredentialColumn[]>;
}

/**
 * The format named by a cell, or null. It returns the constant, not the cell's text: tables keyed
 * by format then look up a string whose hash V8 already knows, once per row of a million.
 */
function formatOf(text: string): CredentialFormat | null {
  switch (text) {
    case 'h10301':
      return 'h10301';
    case 'c1000-35':
      return 'c1000-35';
    case 'h10304':
      return 'h10304';
    case 'h10302':
      return 'h10302';
    case 'raw':
      return 'raw';
    case 'pin':
      return 'pin';
    default: {
      const lower = text.toLowerCase();
      return lower !== text ? formatOf(lower) : null;
    }
  }
}

/** Largest facility code and card number per Wiegand format, worked out once. */
const WIEGAND_LIMITS = new Map(Object.values(WIEGAND_FORMATS).map((f) => [f.id, { facility: f.facility ? fieldMax(f.facility) : 0, card: fieldMax(f.card) }]));

function credentialColumns(prefix: '' | 'secondary_', indexOf: (name: string) => number): CredentialColumns {
  const cells = {} as Record<CredentialColumn, number>;
  const names = {} as Record<CredentialColumn, string>;
  for (const c of CREDENTIAL_COLUMNS) {
    names[c] = prefix + c;
    cells[c] = indexOf(prefix + c);
  }
  const unused = {} as Record<CredentialFormat, readonly CredentialColumn[]>;
  for (const f of CREDENTIAL_FORMATS) unused[f] = CREDENTIAL_COLUMNS.filter((c) => cells[c] >= 0 && !COLUMNS_OF[f].includes(c));
  return { format: indexOf(prefix + 'format'), formatName: prefix + 'format', cells, names, unused };
}

/** Digits only, as a number; -1 when the text is not a whole number. */
function wholeNumber(text: string): number {
  if (text.length === 0) return -1;
  if (text.length > 15) return /^\d+$/.test(text) ? Number(text) : -1;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}

interface DateSeen {
  text: string;
  value: number;
}

/** Reads one row after another into the table; one instance per file, no closures per line. */
class RowReader {
  private fields: readonly string[] = [];
  private line = 0;
  private readonly primary: CredentialColumns;
  private readonly secondary: CredentialColumns;
  private readonly col: { userId: number; active: number; attribute: number; schedule: number; activation: number; expiration: number };
  /** The last valid date of each date column. */
  private readonly activationSeen: DateSeen = { text: '', value: -1 };
  private readonly expirationSeen: DateSeen = { text: '', value: -1 };
  /** Type and bit count of the credential read last. */
  private readType = 0;
  private readBits = 0;

  constructor(
    private readonly table: UserTable,
    private readonly issues: Issue[],
    private readonly width: number,
    indexOf: (name: string) => number,
  ) {
    this.primary = credentialColumns('', indexOf);
    this.secondary = credentialColumns('secondary_', indexOf);
    this.col = {
      userId: indexOf('user_id'),
      active: indexOf('active'),
      attribute: indexOf('attribute'),
      schedule: indexOf('schedule'),
      activation: indexOf('activation'),
      expiration: indexOf('expiration'),
    };
  }

  private cell(index: number): string {
    return index < 0 ? '' : this.fields[index]!.trim();
  }

  private error(column: string, text: HostText, code = 'value'): null {
    this.issues.push(issueAt('error', code, { line: this.line, column }, text));
    return null;
  }

  read(line: number, fields: readonly string[]): void {
    if (fields.length !== this.width) {
      this.issues.push(issueAt('error', 'csv-fields', { line }, hostText('csv.field-count', { fields: fields.length, width: this.width })));
      return;
    }
    this.fields = fields;
    this.line = line;
    const t = this.table;
    t.reserveNext();
    const i = t.count;
    const issues = this.issues;
    const before = issues.length;

    const userId = this.readInt(this.cell(this.col.userId), 0, MAX_USER_ID, 'user_id', true);
    const primaryOk = this.readCredential(this.primary, t.primaries, t.blockOffset(i), true);
    if (primaryOk) {
      t.primaryTypes[i] = this.readType;
      t.primaryBits[i] = this.readBits;
    }
    t.secondaryTypes[i] = 0;
    t.secondaryBits[i] = 0;
    if (this.cell(this.secondary.format) !== '') {
      if (this.readCredential(this.secondary, t.secondaryBlocks(), t.blockOffset(i), false)) {
        t.secondaryTypes[i] = this.readType;
        t.secondaryBits[i] = this.readBits;
      }
    } else {
      for (const c of CREDENTIAL_COLUMNS) {
        if (this.cell(this.secondary.cells[c]) !== '') {
          this.error(`secondary_${c}`, hostText('csv.secondary-without-format', {}));
        }
      }
    }

    let active = 1;
    const activeCell = this.cell(this.col.active);
    // '1' and '' need no lower-casing, and most files hold nothing else.
    const activeText = activeCell === '1' || activeCell === '' ? activeCell : activeCell.toLowerCase();
    if (activeText === '0' || activeText === 'no' || activeText === 'n' || activeText === 'false') active = 0;
    else if (!(activeText === '' || activeText === '1' || activeText === 'yes' || activeText === 'y' || activeText === 'true')) {
      this.error('active', hostText('csv.not-yes-no', { value: activeCell }));
    }

    const attrCell = this.cell(this.col.attribute);
    const attrText = attrCell === '' ? attrCell : attrCell.toLowerCase();
    const attribute = attrText === '' || attrText === 'normal' ? ATTRIBUTE_NORMAL : this.readInt(attrText, 0, 255, 'attribute', false);

    const scheduleText = this.cell(this.col.schedule);
    const schedule = scheduleText === '' ? NO_SCHEDULE : this.readInt(scheduleText, 0, 0xffff, 'schedule', false);
    const activation = this.readDate(this.cell(this.col.activation), false, DEFAULT_ACTIVATION_NUMBER, 'activation', this.activationSeen);
    const expiration = this.readDate(this.cell(this.col.expiration), true, DEFAULT_EXPIRATION_NUMBER, 'expiration', this.expirationSeen);
    if (activation >= 0 && expiration >= 0 && expiration < activation) {
      this.error('expiration', hostText('csv.expires-first', { expiration: dateTimeText(expiration), activation: dateTimeText(activation) }));
    }

    for (let k = before; k < issues.length; k++) if (issues[k]!.severity === 'error') return;
    if (userId === null || !primaryOk || attribute === null || schedule === null || activation < 0 || expiration < 0) return;
    t.lines[i] = line;
    t.userIds[i] = userId;
    t.active[i] = active;
    t.attributes[i] = attribute;
    t.schedules[i] = schedule;
    t.activations[i] = activation;
    t.expirations[i] = expiration;
    t.count++;
  }

  private readInt(text: string, min: number, max: number, column: string, required: boolean, forFormat: HostParam = ''): number | null {
    if (text === '') {
      if (required) this.error(column, hostText('csv.number-missing', { min: String(min), max: String(max) }), 'missing');
      return null;
    }
    const v = wholeNumber(text);
    if (v < 0) return this.error(column, hostText('csv.not-a-number', { value: text, min: String(min), max: String(max) }));
    if (v < min || v > max) return this.error(column, hostText('csv.out-of-range', { value: text, forFormat, min: String(min), max: String(max) }), 'range');
    return v;
  }

  /** YYYYMMDDHHMMSS as a number, or -1 after reporting why not. */
  private readDate(text: string, endOfDay: boolean, fallback: number, column: string, seen: DateSeen): number {
    if (text === '') return fallback;
    // Most files give many users the same dates: a date that was valid on the row before is valid again.
    if (text === seen.text) return seen.value;
    const v = parseDateTimeNumber(text, endOfDay);
    if (v < 0) {
      this.error(column, hostText('csv.not-a-date', { value: text }), 'date');
      return -1;
    }
    const day = dayNumberOf(v);
    if (day < 0 || day > MAX_DAY) {
      this.error(column, hostText('csv.date-outside', { value: text }), 'date');
      return -1;
    }
    seen.text = text;
    seen.value = v;
    return v;
  }

  /**
   * Writes the credential's block at `buffer[off]` and leaves its type and bit count in
   * readType/readBits; false (after reporting why) when it cannot be encoded.
   */
  private readCredential(cols: CredentialColumns, buffer: Uint8Array, off: number, required: boolean): boolean {
    const formatCell = this.cell(cols.format);
    if (formatCell === '') {
      if (required) this.error(cols.formatName, hostText('csv.format-missing', { formats: CREDENTIAL_FORMATS.join(', ') }), 'missing');
      return false;
    }
    const format = formatOf(formatCell);
    if (format === null) {
      this.error(cols.formatName, hostText('csv.not-a-format', { value: formatCell, formats: CREDENTIAL_FORMATS.join(', ') }));
      return false;
    }
    for (const c of cols.unused[format]) {
      if (this.cell(cols.cells[c]) !== '') {
        this.issues.push(
          issueAt('warning', 'ignored-value', { line: this.line, column: cols.names[c] }, hostText('csv.value-ignored', { format, column: cols.names[c] })),
        );
      }
    }

    if (isWiegandFormat(format)) {
      const f = WIEGAND_FORMATS[format];
      const limits = WIEGAND_LIMITS.get(format)!;
      let facility: number | null = null;
      if (f.facility) {
        facility = this.readInt(this.cell(cols.cells.facility), 0, limits.facility, cols.names.facility, true, hostText('csv.for-format', { format }));
        if (facility === null) return false;
      }
      const card = this.readInt(this.cell(cols.cells.card), 0, limits.card, cols.names.card, true, hostText('csv.for-format', { format }));
      if (card === null) return false;
      writeSmallCredentialBlock(buffer, off, wiegandFrame(format, facility, card), f.bits);
      this.readType = CREDENTIAL_TYPE_CODES.card;
      this.readBits = f.bits;
      return true;
    }

    if (format === 'pin') {
      const pin = this.cell(cols.cells.pin);
      if (!isPinText(pin)) {
        this.error(
          cols.names.pin,
          hostText(pin === '' ? 'csv.pin-missing' : 'csv.pin-digits', { min: String(PIN_MIN_DIGITS), max: String(PIN_MAX_DIGITS) }),
        );
        return false;
      }
      if (pin.length < PIN_RECOMMENDED_DIGITS) {
        this.issues.push(
          issueAt('warning', 'short-pin', { line: this.line, column: cols.names.pin }, hostText('csv.short-pin', { digits: pin.length, recommended: PIN_RECOMMENDED_DIGITS })),
        );
      }
      this.readBits = writePinBlock(buffer, off, pin);
      this.readType = CREDENTIAL_TYPE_CODES.pin;
      return true;
    }

    return this.readRaw(cols, buffer, off);
  }

  /** A raw frame: hex digits right-aligned in raw_bits bits. */
  private readRaw(cols: CredentialColumns, buffer: Uint8Array, off: number): boolean {
    const bitCount = this.readInt(this.cell(cols.cells.raw_bits), 1, MAX_CREDENTIAL_BITS, cols.names.raw_bits, true);
    const hexCell = this.cell(cols.cells.raw_hex);
    const hexText = hexCell.charCodeAt(0) === 0x30 && (hexCell.charCodeAt(1) | 0x20) === 0x78 ? hexCell.slice(2) : hexCell;
    if (hexText === '') {
      this.error(cols.names.raw_hex, hostText('csv.raw-missing', {}), 'missing');
      return false;
    }
    let first = 0;
    while (first < hexText.length - 1 && hexText.charCodeAt(first) === 0x30) first++;
    for (let k = 0; k < hexText.length; k++) {
      if (hexDigit(hexText.charCodeAt(k)) < 0) {
        this.error(cols.names.raw_hex, hostText('csv.not-hex', { value: hexCell }));
        return false;
      }
    }
    if (bitCount === null) return false;
    const significant = hexText.length - first;
    const lead = hexDigit(hexText.charCodeAt(first));
    const bitLength = lead === 0 ? 0 : (significant - 1) * 4 + (32 - Math.clz32(lead));
    if (bitLength > bitCount) {
      this.error(cols.names.raw_hex, hostText('csv.too-many-bits', { value: hexText.toUpperCase(), bits: bitLength, bitCount }), 'range');
      return false;
    }
    // At most 16 significant digits remain: the low 8 go to `lo`, the rest to `hi`.
    let hi = 0;
    let lo = 0;
    for (let k = first; k < hexText.length; k++) {
      const d = hexDigit(hexText.charCodeAt(k));
      hi = ((hi << 4) | (lo >>> 28)) >>> 0;
      lo = ((lo << 4) | d) >>> 0;
    }
    writeCredentialBlock(buffer, off, hi, lo, bitCount);
    this.readType = CREDENTIAL_TYPE_CODES.card;
    this.readBits = bitCount;
    return true;
  }
}
