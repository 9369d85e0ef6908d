// `readerdesk doorfile build|verify`: door files for ENGAGE offline locks from a users CSV.
// Exit codes: 0 done (verify: optimized and no problems), 1 the data has problems (nothing
// written / verify found problems or degraded mode), 2 the command could not run (usage, files).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { wipe } from '../../../shared/bytes.ts';
import { encodeRecords } from '../../../shared/doorfile/binaryRecords.ts';
import { buildDoorFile } from '../../../shared/doorfile/build.ts';
import { doorJsonChunks, parseDoorJson, type PrimaryFieldName } from '../../../shared/doorfile/doorJson.ts';
import { mayWrite, planDoorFile } from '../../../shared/doorfile/plan.ts';
import { parseSiteKeyText } from '../../../shared/doorfile/siteKey.ts';
import { DEFAULT_MAX_USERS } from '../../../shared/doorfile/validate.ts';
import { verifyDoorFile, type VerifyReport } from '../../../shared/doorfile/verify.ts';
import { nodeAesFactory } from '../../host/crypto/nodeAes.ts';
import { secretFileReadError } from '../../host/tags/pinFile.ts';
import { writeFileAtomic, type AtomicContent } from '../../../node/files/atomicWrite.ts';

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

/** Runs parseArgs and turns its complaints (unknown option, missing value) into usage errors. */
function parsed<T>(run: () => T): T {
  try {
    return run();
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

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the ${what} ${file} (${englishText(fileProblem(errnoOf(e)))}); check the path.`);
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
  const { values: v } = parsed(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        in: { type: 'string' },
        'site-key-file': { type: 'string' },
        out: { type: 'string' },
        binary: { type: 'string' },
        'max-users': { type: 'string' },
        'accept-warnings': { type: 'boolean' },
        'field-name': { type: 'string' },
      },
    }),
  );
  const input = need(v.in, '--in');
  const keyFile = need(v['site-key-file'], '--site-key-file');
  const outFile = need(v.out, '--out');
  const maxUsers = maxUsersOf(v['max-users']);
  const field = v['field-name'] ?? 'primeCred';
  if (field !== 'primeCred' && field !== 'primeCr') throw new UsageError('--field-name is primeCred (the default) or primeCr.');
  const acceptWarnings = v['accept-warnings'] === true;

  const csv = await readText(input, 'users CSV');
  const key = await readSiteKey(keyFile);
  try {
    const plan = planDoorFile(csv, { maxUsers, siteKey: key });
    for (const issue of plan.issues) io.err(`${issue.severity}: ${issue.message}`);
    if (!mayWrite(plan, acceptWarnings)) {
      io.err(
        plan.errors > 0
          ? `Nothing written: ${plan.errors} error(s)${plan.warnings ? ` and ${plan.warnings} warning(s)` : ''} in ${input}. Correct them and run again.`
          : `Nothing written: ${plan.warnings} warning(s) in ${input}. Correct them, or run again with --accept-warnings to write the file anyway.`,
      );
      return 1;
    }
    const built = buildDoorFile(plan.users, key, nodeAesFactory);
    await writeAtomic(outFile, doorJsonChunks(built, { primaryField: field as PrimaryFieldName }), 0o644);
    let binaryNote = '';
    if (typeof v.binary === 'string') {
      const bytes = encodeRecords(built.records.map((r) => r.user));
      // The records hold unencrypted credentials: readable by the owner only.
      await writeAtomic(v.binary, [bytes], 0o600);
      wipe(bytes);
      binaryNote = `; ${bytes.length} bytes of 32-byte records (unencrypted) in ${v.binary}`;
    }
    const accepted = plan.warnings > 0 ? ` with ${plan.warnings} accepted warning(s)` : '';
    io.out(`Wrote ${outFile}: ${built.records.length} user(s) in lock order${accepted}${binaryNote}.`);
    return 0;
  } finally {
    wipe(key);
  }
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values: v } = parsed(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        in: { type: 'string' },
        'site-key-file': { type: 'string' },
        'max-users': { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
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
    io.out(JSON.stringify(report));
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

/** Readers of the target see the old file or the new one (node/files/atomicWrite.ts); failures become one sentence. */
async function writeAtomic(target: string, chunks: AtomicContent, mode: number): Promise<void> {
  try {
    await writeFileAtomic(target, chunks, { mode });
  } catch (e) {
    throw new UsageError(`could not write ${target} (${englishText(fileProblem(errnoOf(e)))}); check that the folder ${path.dirname(path.resolve(target))} exists and is writable. Nothing was changed.`);
  }
}
