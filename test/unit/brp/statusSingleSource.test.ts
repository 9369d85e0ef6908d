// Status codes and AR message types have one home: shared/brp/. A second table anywhere else (a
// copy of MAIN_STATUS in the simulator, `const MSG_ALARM_ON = 0x01` in the host, a comparison
// with a bare Main status number) drifts apart unnoticed, so this test fails on each of them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AR_MSG_TYPE } from '../../../shared/brp/commands/ar.ts';
import { AR_STATUS, CRYPTO_STATUS, GENERAL_STATUS, MAIN_STATUS, SEC_STATUS, SYS_STATUS, VHL_STATUS } from '../../../shared/brp/status.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Where product code lives; shared/brp is the one place allowed to give a status its number. */
const SCANNED = ['electron', 'simulator', 'renderer/src', 'shared', 'bench', 'tools', 'bin'];
const HOME = path.join('shared', 'brp') + path.sep;

const TABLES: Record<string, Readonly<Record<string, number>>> = {
  GENERAL_STATUS,
  SYS_STATUS,
  CRYPTO_STATUS,
  VHL_STATUS,
  AR_STATUS,
  SEC_STATUS,
  MAIN_STATUS,
  AR_MSG_TYPE,
};

const MAIN_CODES: ReadonlySet<number> = new Set(Object.values(MAIN_STATUS));

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

const NUMBER = String.raw`(?:0x[0-9a-fA-F]+|\d+)\b`;

interface Finding {
  file: string;
  line: number;
  why: string;
}

/** Every place in `source` that defines a status number itself or compares with a bare Main status number. */
function findStatusCopies(file: string, source: string): Finding[] {
  const out: Finding[] = [];
  const lines = source.split('\n');
  const rules: { re: RegExp; why: (m: RegExpExecArray) => string | null }[] = [];
  for (const [table, entries] of Object.entries(TABLES)) {
    for (const name of Object.keys(entries)) {
      // `ErrInvalidState: 0x10` in an object literal, or `const MSG_ALARM_ON = 0x01`.
      rules.push({ re: new RegExp(String.raw`\b${name}\s*:\s*${NUMBER}`), why: () => `defines ${table}.${name} again` });
      rules.push({ re: new RegExp(String.raw`\b[A-Z_]*${snake(name)}\s*=\s*${NUMBER}`), why: () => `defines ${table}.${name} again` });
    }
  }
  // `err.status === 0x13` or a table keyed by Main status numbers (`0x13: ['customer-key-mismatch', …]`).
  rules.push({
    re: new RegExp(String.raw`\bstatus\s*[!=]==?\s*(${NUMBER})`),
    why: (m) => (MAIN_CODES.has(Number(m[1])) ? `compares a status with the bare number ${m[1]}` : null),
  });
  rules.push({
    re: new RegExp(String.raw`^\s*(0x1[0-9a-fA-F])\s*:\s*\[`),
    why: (m) => (MAIN_CODES.has(Number(m[1])) ? `keys a table by the Main status number ${m[1]}` : null),
  });
  lines.forEach((text, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
    for (const rule of rules) {
      const m = rule.re.exec(text);
      const why = m && rule.why(m);
      if (why) out.push({ file, line: i + 1, why });
    }
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|cjs|js)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith(HOME) && !f.split(path.sep).includes('node_modules'));
}

describe('status codes have one home (shared/brp)', () => {
  it('finds no second status table or bare Main status number in product code', () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((f) => findStatusCopies(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.why}`)).toEqual([]);
  });

  it('would notice the copies this test exists for', () => {
    const copies = [
      'export const MAIN_STATUS = {',
      '  ErrInvalidState: 0x10,',
      '} as const;',
      'const MSG_ALARM_ON = 0x01;',
      'const AR_ERR_NO_MESSAGE = 0x01;',
      "if (err instanceof ReaderStatusError && err.status === 0x13) return 'customer-key-mismatch';",
      "  0x15: ['rollback', 'the file is older'],",
      '  AlarmOff: 0x02,',
    ].join('\n');
    expect(findStatusCopies('copy.ts', copies).map((f) => f.line)).toEqual([2, 4, 5, 6, 7, 8]);
    // A CmdWork check and a status of 0 (OK) are not Main statuses.
    expect(findStatusCopies('ok.ts', 'if (frame.status === 0x40) break;\nif (status !== 0) fail();')).toEqual([]);
  });
});
