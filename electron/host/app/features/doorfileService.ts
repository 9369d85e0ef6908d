import { readFile } from 'node:fs/promises';
import { secretFileProblem } from '../../tags/pinFile.ts';
import { englishText, HostError, hostText } from '../../../../shared/errors/hostError.ts';
import { fileProblem } from '../../../../shared/errors/fileProblem.ts';
import type { HostText } from '../../../../shared/errors/hostText.ts';
import {
  FINDING_POSITION_LIMIT,
  ISSUE_LIMIT,
  type DoorfileApi,
  type DoorfileBuildRequest,
  type DoorfileBuildResult,
  type DoorfileFinding,
  type DoorfileIssue,
  type DoorfilePreview,
  type DoorfileVerifyRequest,
  type DoorfileVerifyResult,
  type SiteKeySource,
} from '../../../../shared/api/features/doorfile.ts';
import { wipe } from '../../../../shared/bytes.ts';
import { SITE_KEY_BYTES } from '../../../../shared/doorfile/siteKey.ts';
import type { Finding } from '../../../../shared/doorfile/verify.ts';
import { issueView } from '../../doorfile/doorfileViews.ts';
import { DoorfileJobError } from '../../doorfile/jobProtocol.ts';
import { runDoorfileJob } from '../../doorfile/runDoorfileJob.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import type { AppContext } from '../appContext.ts';

function unreadable(file: string, what: 'users CSV' | 'door file', errno: string | undefined): HostError {
  return new HostError(what === 'users CSV' ? 'doorfile.csv-unreadable' : 'doorfile.door-file-unreadable', { file, why: fileProblem(errno) });
}

/** The key never appears in a message: only what is wrong with its shape. The caller wipes the result. */
async function loadSiteKey(source: SiteKeySource, ctx: Pick<AppContext, 'files'>): Promise<Uint8Array> {
  let text: string;
  let from: HostText;
  if ('hex' in source) {
    text = source.hex;
    from = hostText('doorfile.the-site-key', {});
  } else {
    const file = ctx.files.forRead(source.file, 'key');
    let raw: Uint8Array;
    try {
      raw = await readFile(file);
    } catch (e) {
      throw secretFileProblem(hostText('secret.site-key', {}), file, e);
    }
    try {
      text = new TextDecoder().decode(raw);
    } finally {
      wipe(raw);
    }
    from = hostText('doorfile.the-site-key-file', {});
  }
  const digits = text.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    throw new HostError('doorfile.site-key-not-hex', { source: from, digits: SITE_KEY_BYTES * 2 });
  }
  if (digits.length !== SITE_KEY_BYTES * 2) {
    throw new HostError('doorfile.site-key-length', { source: from, count: digits.length, digits: SITE_KEY_BYTES * 2 });
  }
  const key = new Uint8Array(SITE_KEY_BYTES);
  for (let i = 0; i < SITE_KEY_BYTES; i++) key[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return key;
}

function sameFile(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Failures of a door-file job as the sentences this service gives; `what` names the file the job reads. */
function jobError(e: unknown, what: 'users CSV' | 'door file'): unknown {
  if (!(e instanceof DoorfileJobError)) return e;
  const f = e.failure;
  if (f.kind === 'unreadable') return unreadable(f.file, what, f.code ?? undefined);
  if (f.kind === 'write-failed') {
    return new HostError('doorfile.write-failed', { file: f.file, why: fileProblem(f.code ?? undefined) }, { cause: e });
  }
  if (f.kind === 'door-file-invalid') return new HostError('doorfile.invalid', { reason: f.text ?? f.message }, { cause: e });
  return new HostError('doorfile.failed', { reason: f.text ?? f.message }, { cause: e });
}

/**
 * Host side of the Doorfile slice of the API. Reading, parsing, sorting, encryption and writing
 * run in a worker thread (runDoorfileJob), so reader polling goes on while a large file is handled;
 * only the site key is read here.
 */
export function createDoorfileService(ctx: AppContext): DoorfileApi {
  return {
    async doorfilePreview(csvPath, { maxUsers }): Promise<DoorfilePreview> {
      const file = ctx.files.forRead(csvPath, 'csv');
      const preview = await runDoorfileJob({ kind: 'preview', csvPath: file, maxUsers }).catch((e: unknown) => {
        throw jobError(e, 'users CSV');
      });
      await ctx.settings.addRecentFile(file, 'csv').catch(() => undefined);
      return preview;
    },

    async doorfileBuild(req: DoorfileBuildRequest): Promise<DoorfileBuildResult> {
      const csvPath = ctx.files.forRead(req.csvPath, 'csv');
      const outPath = resolveUserPath(req.outPath);
      const binaryPath = req.binaryPath ? resolveUserPath(req.binaryPath) : null;
      if (sameFile(outPath, csvPath) || (binaryPath && sameFile(binaryPath, csvPath))) {
        throw new HostError('doorfile.out-is-csv', {});
      }
      if (binaryPath && sameFile(binaryPath, outPath)) {
        throw new HostError('doorfile.binary-is-json', {});
      }
      // Where the user chose to write, and not over a file that is there unless they said so.
      ctx.files.forWrite(outPath);
      if (binaryPath) ctx.files.forWrite(binaryPath);
      let outcome;
      let issues: DoorfileIssue[] = [];
      try {
        outcome = await runDoorfileJob(
          { kind: 'build', csvPath, maxUsers: req.maxUsers, acceptWarnings: req.acceptWarnings, fieldName: req.fieldName, outPath, binaryPath, issueLimit: ISSUE_LIMIT },
          { siteKey: () => loadSiteKey(req.siteKey, ctx), onPlanned: (plan) => (issues = plan.issues.map(issueView)) },
        );
      } catch (e) {
        throw jobError(e, 'users CSV');
      }
      const base = { userCount: outcome.userCount, errors: outcome.errors, warnings: outcome.warnings, issues, outPath, binaryPath, binaryBytes: null };
      if (!outcome.written) {
        const refusal = outcome.errors > 0 ? 'errors' : 'warnings';
        const text =
          refusal === 'errors'
            ? hostText('doorfile.refused-errors', { errors: outcome.errors, andWarnings: outcome.warnings ? hostText('doorfile.and-warnings', { warnings: outcome.warnings }) : '' })
            : hostText('doorfile.refused-warnings', { warnings: outcome.warnings });
        return { ...base, written: false, refusal, text, message: englishText(text) };
      }
      ctx.files.written(outPath, 'doorfile');
      if (binaryPath) ctx.files.written(binaryPath, 'doorfile');
      await ctx.settings.addRecentFile(outPath, 'doorfile').catch(() => undefined);
      const text = hostText('doorfile.written', {
        file: outPath,
        users: outcome.userCount,
        accepted: outcome.warnings > 0 ? hostText('doorfile.accepted-warnings', { warnings: outcome.warnings }) : '',
        binary: binaryPath ? hostText('doorfile.binary-written', { bytes: outcome.binaryBytes ?? 0, file: binaryPath }) : '',
      });
      return { ...base, binaryBytes: outcome.binaryBytes, written: true, refusal: null, text, message: englishText(text) };
    },

    async doorfileVerify(req: DoorfileVerifyRequest): Promise<DoorfileVerifyResult> {
      const doorPath = ctx.files.forRead(req.doorPath, 'doorfile');
      let report;
      try {
        report = await runDoorfileJob({ kind: 'verify', doorPath, maxUsers: req.maxUsers, positionLimit: FINDING_POSITION_LIMIT }, { siteKey: () => loadSiteKey(req.siteKey, ctx) });
      } catch (e) {
        throw jobError(e, 'door file');
      }
      return { doorPath, userCount: report.userCount, mode: report.mode, degradedBy: report.degradedBy.map(findingOf), problems: report.problems.map(findingOf) };
    },
  };
}

/** The worker already cut the positions to FINDING_POSITION_LIMIT. */
function findingOf(f: Finding): DoorfileFinding {
  return { code: f.code, message: f.message, text: f.text, positions: f.positions, userIds: f.userIds };
}
