// A small RFC 4180 reader: comma separated, double-quoted fields with "" for a quote, quoted
// fields may span lines, a leading BOM is dropped. Lines end with LF, CRLF or a lone CR (old Mac
// spreadsheets), and every record remembers the physical line it starts on, because that is the
// number a spreadsheet user looks for. Any other control character is an error on its line, never
// a silent cut: a user dropped without a word is a door that opens for the wrong person or not at all.

import { englishText, hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';
import { placed } from './issues.ts';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  /** Names its line ("Line 7: …"), in English; `text` is the same as a catalogue text. */
  message: string;
  text: HostText;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

function isStrayControl(c: number): boolean {
  return (c < 0x20 && c !== TAB && c !== LF && c !== CR) || c === 0x7f;
}

function controlName(c: number): HostText {
  return hostText('csv.control', { code: `0x${c.toString(16).toUpperCase().padStart(2, '0')}` });
}

/** Length of the line end at i (2 for CRLF, 1 for LF or CR), 0 if there is none. */
function lineEndAt(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === LF) return 1;
  if (c === CR) return src.charCodeAt(i + 1) === LF ? 2 : 1;
  return 0;
}

function at(line: number, problem: HostText): CsvProblem {
  const text = placed({ line }, problem);
  return { line, message: englishText(text), text };
}

/**
 * Reads the CSV record by record without keeping the records: `onRecord` gets the record's first
 * line and its fields, sliced from the text. Lines with problems yield no record; the problems are
 * returned.
 */
export function scanCsv(text: string, onRecord: (line: number, fields: string[]) => void): CsvProblem[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems: CsvProblem[] = [];
  const n = src.length;
  let line = 1;
  let i = 0;

  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let problem: CsvProblem | null = null;
    for (;;) {
      let field: string;
      if (src.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        let value = '';
        let from = i + 1;
        let closed = false;
        for (let j = from; j < n; j++) {
          const c = src.charCodeAt(j);
          if (c === QUOTE) {
            value += src.slice(from, j);
            if (src.charCodeAt(j + 1) === QUOTE) {
              value += '"';
              from = j + 2;
              j++;
              continue;
            }
            i = j + 1;
            closed = true;
            break;
          }
          const end = lineEndAt(src, j);
          if (end > 0) {
            line++;
            j += end - 1;
          } else if (isStrayControl(c) && problem === null) {
            problem = at(line, hostText('csv.control-in-quotes', { control: controlName(c) }));
          }
        }
        if (!closed) {
          problems.push(at(quoteLine, hostText('csv.unclosed-quote', {})));
          return problems;
        }
        field = value;
        const next = src.charCodeAt(i);
        if (i < n && next !== COMMA && lineEndAt(src, i) === 0 && problem === null) {
          problem = at(line, hostText('csv.text-after-quote', {}));
        }
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = src.charCodeAt(j);
          // Printable characters other than the comma and the quote need no further look.
          if (c > QUOTE && c !== COMMA && c !== 0x7f) continue;
          if (c === COMMA || c === LF || c === CR) break;
          if (problem !== null) continue;
          if (c === QUOTE) problem = at(line, hostText('csv.quote-in-field', {}));
          else if (isStrayControl(c)) problem = at(line, hostText('csv.control-in-field', { control: controlName(c) }));
        }
        field = src.slice(i, j);
        i = j;
      }
      // After a problem, the rest of the physical line belongs to the same broken record.
      while (problem !== null && i < n && src.charCodeAt(i) !== COMMA && lineEndAt(src, i) === 0) i++;
      fields.push(field);
      if (i < n && src.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    const end = lineEndAt(src, i);
    if (end > 0) {
      i += end;
      line++;
    }
    if (problem !== null) {
      problems.push(problem);
      continue;
    }
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!blank) onRecord(startLine, fields);
  }
  return problems;
}

/** The whole file as records, for small files and tests; the door-file import uses scanCsv. */
export function readCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems = scanCsv(text, (line, fields) => records.push({ line, fields }));
  return { records, problems };
}
