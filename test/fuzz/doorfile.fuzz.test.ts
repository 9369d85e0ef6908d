// The users CSV comes out of any spreadsheet, and a door file may be anything a user points --in at.
// The importers report what they cannot use, line by line, and never fall over; no user row is
// dropped without a word, and no PIN is repeated in a message. Tested from the outside only: the
// door-file internals are rewritten elsewhere for speed, and these properties must hold for both.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDoorJson } from '../../shared/doorfile/doorJson.ts';
import { importUsersCsv } from '../../shared/doorfile/userCsv.ts';
import { echoedHex, hexDigit, isPlainError, mutatedText, runs } from './campaign.ts';
import { HostError } from '../../shared/errors/hostError.ts';

const COLUMNS = ['user_id', 'format', 'facility', 'card', 'raw_hex', 'raw_bits', 'pin', 'secondary_format', 'secondary_pin', 'active', 'attribute', 'activation', 'expiration', 'schedule'];

/** Digits a PIN is made of here; no other generated cell holds 8 digits starting with 97. */
const pin = fc.stringMatching(/^97[0-9]{6,14}$/);

/** Cell text a spreadsheet might hold in each column, good and bad. */
function cellFor(column: string): fc.Arbitrary<string> {
  const small = fc.oneof(fc.nat({ max: 70_000 }).map(String), fc.constantFrom('', '-1', '1.5', 'x', '1048576'));
  switch (column) {
    case 'format':
    case 'secondary_format':
      return fc.constantFrom('h10301', 'H10304', 'c1000-35', 'h10302', 'raw', 'pin', '', 'wiegand');
    case 'raw_hex':
      return fc.oneof(fc.string({ unit: hexDigit, maxLength: 40 }), fc.constantFrom('0x1F', 'xyz', ''));
    case 'pin':
    case 'secondary_pin':
      return fc.oneof({ arbitrary: pin, weight: 4 }, { arbitrary: fc.constantFrom('', '12a4', '0'), weight: 1 });
    case 'active':
      return fc.constantFrom('', '1', '0', 'yes', 'no', 'maybe');
    case 'activation':
    case 'expiration':
      return fc.constantFrom('', '2026-12-31', '20261231235959', '1999-01-01', '2200-01-01', '2026-02-30', 'tomorrow');
    default:
      return small;
  }
}

/** A CSV cell as a spreadsheet writes it: plain, or quoted with "" for a quote. */
function written(cell: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

interface GeneratedCsv {
  text: string;
  /** The physical line of each data row. */
  rowLines: number[];
  pins: string[];
}

const generatedCsv: fc.Arbitrary<GeneratedCsv> = fc
  .tuple(
    fc.shuffledSubarray(COLUMNS, { minLength: 1 }).map((cols) => [...new Set(['user_id', 'format', ...cols])]),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .chain(([columns, eol, finalEol]) =>
    fc.array(fc.tuple(...columns.map(cellFor)), { minLength: 1, maxLength: 12 }).chain((rows) =>
      fc.array(fc.boolean(), { minLength: rows.length * columns.length, maxLength: rows.length * columns.length }).map((quotes) => {
        const lines = [columns.join(','), ...rows.map((row, r) => row.map((cell, c) => written(cell, quotes[r * columns.length + c]!)).join(','))];
        const pins = rows.flatMap((row) => row.filter((_, c) => columns[c]!.endsWith('pin')));
        return { text: lines.join(eol) + (finalEol ? eol : ''), rowLines: rows.map((_, r) => r + 2), pins };
      }),
    ),
  );

/** Every user row either gives a user or is named in an error: nothing disappears silently. */
function expectEveryRowAccountedFor(csv: GeneratedCsv): void {
  const { users, issues } = importUsersCsv(csv.text);
  const errorLines = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.line ?? Number(/^Line (\d+):/.exec(i.message)?.[1])));
  const userLines = new Set(users.map((u) => u.line));
  const headerBroken = issues.some((i) => i.code === 'csv-header' && i.severity === 'error');
  if (headerBroken) return;
  for (const line of csv.rowLines) expect(userLines.has(line) || errorLines.has(line), `line ${line}`).toBe(true);
}

describe('importUsersCsv', () => {
  it('reads any text without throwing and gives every issue a sentence', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), generatedCsv.map((c) => c.text).chain(mutatedText)), (text) => {
        const { users, issues } = importUsersCsv(text);
        for (const i of issues) expect(i.message.length).toBeGreaterThan(10);
        for (const u of users) expect(Number.isInteger(u.line)).toBe(true);
      }),
      runs(2000),
    );
  });

  it('accounts for every user row: a user or an error on that line, with LF, CRLF or CR line ends', () => {
    fc.assert(fc.property(generatedCsv, expectEveryRowAccountedFor), runs(1500));
  });

  it('never repeats a PIN in a message', () => {
    fc.assert(
      fc.property(generatedCsv, (csv) => {
        const { issues } = importUsersCsv(csv.text);
        const pins = csv.pins.filter((x) => x.length >= 8);
        expect(issues.filter((i) => pins.some((p) => i.message.includes(p)))).toEqual([]);
      }),
      runs(1500),
    );
  });
});

describe('parseDoorJson', () => {
  const entry = fc.record(
    {
      usrID: fc.oneof(fc.nat({ max: 0xfffff }), fc.string({ maxLength: 6 })),
      primeCred: fc.string({ unit: hexDigit, maxLength: 64 }),
      prCrTyp: fc.constantFrom('card', 'pin', 1),
      scndCr: fc.option(fc.string({ unit: hexDigit, maxLength: 64 })),
      scndCrTyp: fc.constantFrom('null', 'card', 'pin'),
    },
    { requiredKeys: [] },
  );
  const doorJsonLike = fc.oneof(
    fc.array(fc.oneof(entry, fc.jsonValue({ maxDepth: 1 })), { maxLength: 6 }).map((users) => JSON.stringify({ users })),
    fc.array(entry, { maxLength: 6 }).map((add) => JSON.stringify({ db: { usrRcrd: { add } } })),
  );

  it('reads any text to records or refuses it with a plain sentence that does not repeat its hex', () => {
    const text = fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.json({ maxDepth: 3 }), doorJsonLike, doorJsonLike.chain(mutatedText), fc.string({ unit: hexDigit, minLength: 32, maxLength: 64 }));
    fc.assert(
      fc.property(text, (source) => {
        try {
          for (const e of parseDoorJson(source)) expect(typeof e.primeCred).toBe('string');
        } catch (err) {
          // A refusal is a sentence of the catalogue (HostError), which the UI words in its language.
          if (!isPlainError(err) && !(err instanceof HostError)) throw err;
          expect(echoedHex((err as Error).message, source)).toEqual([]);
        }
      }),
      runs(2000),
    );
  });
});
