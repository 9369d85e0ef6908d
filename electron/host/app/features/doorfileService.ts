import { readFile } from 'node:fs/promises';
import { secretFileReadError } from '../../tags/pinFile.ts';
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

/** A failure the person at the desk can act on; `code` is for programs. */
class DoorfileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errno(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? 'unknown error';
}

function unreadable(file: string, what: string, e: unknown): DoorfileError {
  return new DoorfileError('file-unreadable', `Cannot read the ${what} ${file} (${errno(e)}); check the path.`);
}

/** The key never appears in a message: only what is wrong with its shape. The caller wipes the result. */
async function loadSiteKey(source: SiteKeySource): Promise<Uint8Array> {
  let text: string;
  let from: string;
  if ('hex' in source) {
    text = source.hex;
    from = 'The site key';
  } else {
    const file = resolveUserPath(source.file);
    let raw: Uint8Array;
    try {
      raw = await readFile(file);
    } catch (e) {
      throw new DoorfileError('site-key-unreadable', secretFileReadError('site key', file, e));
    }
    try {
      text = new TextDecoder().decode(raw);
    } finally {
      wipe(raw);
    }
    from = 'The site key file';
  }
  const digits = text.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    throw new DoorfileError('site-key-invalid', `${from} contains characters other than hex digits; a site key is exactly ${SITE_KEY_BYTES * 2} hex digits (0-9, A-F).`);
  }
  if (digits.length !== SITE_KEY_BYTES * 2) {
    throw new DoorfileError('site-key-invalid', `${from} has ${digits.length} hex digits, but a site key has ${SITE_KEY_BYTES * 2}; check that the whole key was copied.`);
  }
  const key = new Uint8Array(SITE_KEY_BYTES);
  for (let i = 0; i < SITE_KEY_BYTES; i++) key[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return key;
}

function sameFile(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Failures of a door-file job as the sentences this service gives; `what` names the file the job reads. */
function jobError(e: unknown, what: string): unknown {
  if (!(e instanceof DoorfileJobError)) return e;
  const f = e.failure;
  if (f.kind === 'unreadable') return unreadable(f.file, what, { code: f.code ?? undefined });
  if (f.kind === 'write-failed') {
    return new DoorfileError('write-failed', `Could not write ${f.file} (${errno({ code: f.code ?? undefined })}); check that the folder exists and is writable. Nothing was changed there.`);
  }
  if (f.kind === 'door-file-invalid') return new DoorfileError('door-file-invalid', f.message);
  return new DoorfileError('doorfile-failed', f.message);
}

/**
 * Host side of the Doorfile slice of the API. Reading, parsing, sorting, encryption and writing
 * run in a worker thread (runDoorfileJob), so reader polling goes on while a large file is handled;
 * only the site key is read here.
 */
export function createDoorfileService(_ctx: AppContext): DoorfileApi {
  return {
    async doorfilePreview(csvPath, { maxUsers }): Promise<DoorfilePreview> {
      const file = resolveUserPath(csvPath);
      return runDoorfileJob({ kind: 'preview', csvPath: file, maxUsers }).catch((e: unknown) => {
        throw jobError(e, 'users CSV');
      });
    },

    async doorfileBuild(req: DoorfileBuildRequest): Promise<DoorfileBuildResult> {
      const csvPath = resolveUserPath(req.csvPath);
      const outPath = resolveUserPath(req.outPath);
      const binaryPath = req.binaryPath ? resolveUserPath(req.binaryPath) : null;
      if (sameFile(outPath, csvPath) || (binaryPath && sameFile(binaryPath, csvPath))) {
        throw new DoorfileError('same-file', 'The door file would overwrite the users CSV; choose another output path.');
      }
      if (binaryPath && sameFile(binaryPath, outPath)) {
        throw new DoorfileError('same-file', 'The JSON door file and the binary export have the same path; give the binary export its own path.');
      }
      let outcome;
      let issues: DoorfileIssue[] = [];
      try {
        outcome = await runDoorfileJob(
          { kind: 'build', csvPath, maxUsers: req.maxUsers, acceptWarnings: req.acceptWarnings, fieldName: req.fieldName, outPath, binaryPath, issueLimit: ISSUE_LIMIT },
          { siteKey: () => loadSiteKey(req.siteKey), onPlanned: (plan) => (issues = plan.issues.map(issueView)) },
        );
      } catch (e) {
        throw jobError(e, 'users CSV');
      }
      const base = { userCount: outcome.userCount, errors: outcome.errors, warnings: outcome.warnings, issues, outPath, binaryPath, binaryBytes: null };
      if (!outcome.written) {
        const refusal = outcome.errors > 0 ? 'errors' : 'warnings';
        const message =
          refusal === 'errors'
            ? `Nothing was written: the CSV has ${outcome.errors} error(s)${outcome.warnings ? ` and ${outcome.warnings} warning(s)` : ''}. Correct them and build again.`
            : `Nothing was written: the CSV has ${outcome.warnings} warning(s). Correct them, or tick "accept warnings" to write the file anyway.`;
        return { ...base, written: false, refusal, message };
      }
      const accepted = outcome.warnings > 0 ? ` with ${outcome.warnings} accepted warning(s)` : '';
      const binaryNote = binaryPath ? `, and ${outcome.binaryBytes} bytes of unencrypted 32-byte records to ${binaryPath}` : '';
      return {
        ...base,
        binaryBytes: outcome.binaryBytes,
        written: true,
        refusal: null,
        message: `Wrote ${outPath}: ${outcome.userCount} user(s) in lock order${accepted}${binaryNote}.`,
      };
    },

    async doorfileVerify(req: DoorfileVerifyRequest): Promise<DoorfileVerifyResult> {
      const doorPath = resolveUserPath(req.doorPath);
      let report;
      try {
        report = await runDoorfileJob({ kind: 'verify', doorPath, maxUsers: req.maxUsers, positionLimit: FINDING_POSITION_LIMIT }, { siteKey: () => loadSiteKey(req.siteKey) });
      } catch (e) {
        throw jobError(e, 'door file');
      }
      return { doorPath, userCount: report.userCount, mode: report.mode, degradedBy: report.degradedBy.map(findingOf), problems: report.problems.map(findingOf) };
    },
  };
}

/** The worker already cut the positions to FINDING_POSITION_LIMIT. */
function findingOf(f: Finding): DoorfileFinding {
  return { code: f.code, message: f.message, positions: f.positions, userIds: f.userIds };
}
