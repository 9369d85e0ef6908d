// `readerdesk doorfile build|verify`: door files for ENGAGE offline locks from a users CSV.
// Exit codes: 0 done (verify: optimized and no problems), 1 the data has problems (nothing
// written / verify found problems or degraded mode), 2 the command could not run (usage, files).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { wipe } from '../../../shared/bytes.ts';
import { parseDoorJson } from '../../../shared/doorfile/doorJson.ts';
import { parseSiteKeyText } from '../../../shared/doorfile/siteKey.ts';
import { DEFAULT_MAX_USERS } from '../../../shared/doorfile/validate.ts';
import { verifyDoorFile, type VerifyReport } from '../../../shared/doorfile/verify.ts';
import { nodeAesFactory } from '../../../node/crypto/nodeAes.ts';
import { secretFileReadError } from '../../host/tags/pinFile.ts';
import { DoorfileJobError } from '../../host/doorfile/jobProtocol.ts';
import { runDoorfileJob } from '../../host/doorfile/runDoorfileJob.ts';

import type { CliIo } from '../io.ts';
import { englishText } from '../../../shared/errors/hostError.ts';
import { errnoOf, fileProblem } from '../../../shared/errors/fileProblem.ts';

const USAGE = [
  'usage: readerdesk doorfile build --in <users.csv> --site-key-file <file> --out <door.json>',
  '                                 [--binary <door.bin>] [--max-users N] [--accept-warnings] [--field-name primeCred|primeCr]',
  '       readerdesk doorfile verify --in <door.json> --site-key-file <file> [--max-users N] [--json]',
];

/** A problem that stops the command before any data is judged; its message is for the user. */
class UsageError extends Error {}

export async function runDoorfile(argv: string[], io: CliIo): Promise<number> {
  const args = argv[0] === 'doorfile' ? argv.slice(1) : argv;
  const [sub, ...rest] = args;
  try {
    if (sub === 'build') return await build(rest, io);
    if (sub === 'verify') return await verify(rest, io);
    if (sub === undefined || sub === '--help' || sub === 'help') {
      USAGE.forEach((l) => io.out(l));
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`"${sub}" is not a doorfile command; use build or verify.`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    io.err(`error: ${(e as Error).message}`);
    return 2;
  }
}

/** What both commands read: the input file, the site key file and how many users the lock holds. */
const INPUT_OPTIONS = {
  in: { type: 'string' },
  'site-key-file': { type: 'string' },
  'max-users': { type: 'string' },
} as const;

/** The options given, parsed strictly; complaints (unknown option, missing value) become usage errors. */
function parsed<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, strict: true, options }).values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}. Run "readerdesk doorfile --help" for the options.`);
  }
}

function need(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${flag} is required. Run "readerdesk doorfile --help" for the options.`);
  return value;
}

function maxUsersOf(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_USERS;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError('--max-users takes a whole number of at least 1 (the number of users the lock holds).');
  }
  return Number(value);
}

function unreadable(file: string, what: string, e: unknown): UsageError {
  return new UsageError(`cannot read the ${what} ${file} (${englishText(fileProblem(errnoOf(e)))}); check the path.`);
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw unreadable(file, what, e);
  }
}



/** The key file's text never appears in a message; only what is wrong with its shape. */
async function readSiteKey(file: string): Promise<Uint8Array> {
  let raw: Uint8Array;
  try {
    raw = await readFile(file);
  } catch (e) {
    throw new UsageError(secretFileReadError('site key', file, e));
  }
  try {
    return parseSiteKeyText(new TextDecoder().decode(raw));
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (file: ${file})`);
  } finally {
    wipe(raw);
  }
}

async function build(args: string[], io: CliIo): Promise<number> {
  const v = parsed(args, {
    ...INPUT_OPTIONS,
    out: { type: 'string' },
    binary: { type: 'string' },
    'accept-warnings': { type: 'boolean' },
    'field-name': { type: 'string' },
  });
  const input = need(v.in, '--in');
  const keyFile = need(v['site-key-file'], '--site-key-file');
  const outFile = need(v.out, '--out');
  const maxUsers = maxUsersOf(v['max-users']);
  const field = v['field-name'] ?? 'primeCred';
  if (field !== 'primeCred' && field !== 'primeCr') throw new UsageError('--field-name is primeCred (the default) or primeCr.');
  const acceptWarnings = v['accept-warnings'] === true;

  // Reading, parsing, sorting, encryption and writing run in a worker thread (runDoorfileJob.ts), as in the app.
  let outcome;
  try {
    outcome = await runDoorfileJob(
      { kind: 'build', csvPath: input, maxUsers, acceptWarnings, fieldName: field, outPath: outFile, binaryPath: typeof v.binary === 'string' ? v.binary : null, issueLimit: Infinity },
      {
        siteKey: () => readSiteKey(keyFile),
        onPlanned: (plan) => {
          for (const issue of plan.issues) io.err(`${issue.severity}: ${issue.message}`);
        },
      },
    );
  } catch (e) {
    throw jobError(e);
  }
  if (!outcome.written) {
    io.err(
      outcome.errors > 0
        ? `Nothing written: ${outcome.errors} error(s)${outcome.warnings ? ` and ${outcome.warnings} warning(s)` : ''} in ${input}. Correct them and run again.`
        : `Nothing written: ${outcome.warnings} warning(s) in ${input}. Correct them, or run again with --accept-warnings to write the file anyway.`,
    );
    return 1;
  }
  const binaryNote = typeof v.binary === 'string' ? `; ${outcome.binaryBytes} bytes of 32-byte records (unencrypted) in ${v.binary}` : '';
  const accepted = outcome.warnings > 0 ? ` with ${outcome.warnings} accepted warning(s)` : '';
  io.out(`Wrote ${outFile}: ${outcome.userCount} user(s) in lock order${accepted}${binaryNote}.`);
  return 0;
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const v = parsed(args, { ...INPUT_OPTIONS, json: { type: 'boolean' } });
  const input = need(v.in, '--in');
  const keyFile = need(v['site-key-file'], '--site-key-file');
  const maxUsers = maxUsersOf(v['max-users']);
  const entries = parseDoorJson(await readText(input, 'door file'));
  const key = await readSiteKey(keyFile);
  let report: VerifyReport;
  try {
    report = verifyDoorFile(entries, key, { maxUsers, cipher: nodeAesFactory });
  } finally {
    wipe(key);
  }
  const clean = report.mode === 'optimized' && report.problems.length === 0;
  if (v.json) {
    // The findings' catalogue texts are for the app's languages; the JSON keeps its keys.
    const plain = ({ text: _text, ...finding }: VerifyReport['problems'][number]) => finding;
    io.out(JSON.stringify({ ...report, degradedBy: report.degradedBy.map(plain), problems: report.problems.map(plain) }));
    return clean ? 0 : 1;
  }
  const modeLine: Record<VerifyReport['mode'], string> = {
    optimized: 'the lock runs it "optimized" (sorted, binary search)',
    degraded: 'the lock runs it "degraded" (linear search, slow for the last users)',
    unknown: 'the search mode cannot be judged because the credentials do not decrypt',
  };
  io.out(`${input}: ${report.userCount} user(s); ${modeLine[report.mode]}.`);
  for (const f of report.degradedBy) io.out(`degraded: ${f.message}`);
  for (const f of report.problems) io.out(`problem: ${f.message}`);
  return clean ? 0 : 1;
}

/** A failure of the door-file worker as one sentence; a failed write changed nothing at the target (node/files/atomicWrite.ts). */
function jobError(e: unknown): unknown {
  if (!(e instanceof DoorfileJobError)) return e;
  const f = e.failure;
  if (f.kind === 'unreadable') return unreadable(f.file, 'users CSV', { code: f.code ?? undefined, message: f.message });
  if (f.kind !== 'write-failed') return new UsageError(f.message);
  return new UsageError(`could not write ${f.file} (${f.code ? englishText(fileProblem(f.code)) : f.message}); check that the folder ${path.dirname(path.resolve(f.file))} exists and is writable. Nothing was changed.`);
}
