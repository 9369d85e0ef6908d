import { readFile } from 'node:fs/promises';
import { secretFileProblem } from '../../tags/pinFile.ts';
import { englishText, HostError, hostText } from '../../../../shared/errors/hostError.ts';
import { errnoOf, fileProblem } from '../../../../shared/errors/fileProblem.ts';
import type { HostText } from '../../../../shared/errors/hostText.ts';
import {
  FINDING_POSITION_LIMIT,
  ISSUE_LIMIT,
  PREVIEW_ROW_LIMIT,
  type DoorfileApi,
  type DoorfileBuildRequest,
  type DoorfileBuildResult,
  type DoorfileCredentialView,
  type DoorfileFinding,
  type DoorfileIssue,
  type DoorfilePreview,
  type DoorfileUserRow,
  type DoorfileVerifyRequest,
  type DoorfileVerifyResult,
  type SiteKeySource,
} from '../../../../shared/api/features/doorfile.ts';
import { toHex, wipe } from '../../../../shared/bytes.ts';
import { encodeRecords } from '../../../../shared/doorfile/binaryRecords.ts';
import { buildDoorFile } from '../../../../shared/doorfile/build.ts';
import type { Credential } from '../../../../shared/doorfile/credential.ts';
import { parseDoorJson, renderDoorJson } from '../../../../shared/doorfile/doorJson.ts';
import type { Issue } from '../../../../shared/doorfile/issues.ts';
import { lockOrder } from '../../../../shared/doorfile/lockOrder.ts';
import { mayWrite, planDoorFile } from '../../../../shared/doorfile/plan.ts';
import { SITE_KEY_BYTES } from '../../../../shared/doorfile/siteKey.ts';
import type { Finding } from '../../../../shared/doorfile/verify.ts';
import { verifyDoorFile } from '../../../../shared/doorfile/verify.ts';
import { nodeAesFactory } from '../../crypto/nodeAes.ts';
import { writeFileAtomic } from '../../../../node/files/atomicWrite.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import type { AppContext } from '../appContext.ts';

async function readText(file: string, what: 'users CSV' | 'door file'): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const why = fileProblem(errnoOf(e));
    throw new HostError(what === 'users CSV' ? 'doorfile.csv-unreadable' : 'doorfile.door-file-unreadable', { file, why });
  }
}

/** The key never appears in a message: only what is wrong with its shape. The caller wipes the result. */
async function loadSiteKey(source: SiteKeySource): Promise<Uint8Array> {
  let text: string;
  let from: HostText;
  if ('hex' in source) {
    text = source.hex;
    from = hostText('doorfile.the-site-key', {});
  } else {
    const file = resolveUserPath(source.file);
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

function issueView(i: Issue): DoorfileIssue {
  return { severity: i.severity, code: i.code, line: i.line ?? null, column: i.column ?? null, message: i.message };
}

function credentialView(c: Credential): DoorfileCredentialView {
  // A PIN's block is its digits in BCD: the UI is told only that there is one and how long it is.
  if (c.type === 'pin') return { type: 'pin', bitCount: c.bitCount, hex: null };
  return { type: c.type, bitCount: c.bitCount, hex: toHex(c.block.subarray(0, Math.ceil(c.bitCount / 8))) };
}

function finding(f: Finding): DoorfileFinding {
  return { code: f.code, message: f.message, positions: f.positions.slice(0, FINDING_POSITION_LIMIT), userIds: f.userIds.slice(0, FINDING_POSITION_LIMIT) };
}

function sameFile(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

async function write(target: string, data: string | Uint8Array, mode: number): Promise<void> {
  try {
    await writeFileAtomic(target, data, { mode });
  } catch (e) {
    throw new HostError('doorfile.write-failed', { file: target, why: fileProblem(errnoOf(e)) });
  }
}

/** Host side of the Doorfile slice of the API. */
export function createDoorfileService(_ctx: AppContext): DoorfileApi {
  return {
    async doorfilePreview(csvPath, { maxUsers }): Promise<DoorfilePreview> {
      const file = resolveUserPath(csvPath);
      const plan = planDoorFile(await readText(file, 'users CSV'), { maxUsers });
      const issues = plan.issues.map(issueView);
      const sent = issues.slice(0, ISSUE_LIMIT);
      const byLine = new Map<number, DoorfileIssue[]>();
      for (const i of issues) if (i.line !== null) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i]);
      const sorted = lockOrder(plan.users);
      const users: DoorfileUserRow[] = sorted.slice(0, PREVIEW_ROW_LIMIT).map((u, n) => {
        const own = byLine.get(u.line) ?? [];
        return {
          position: n + 1,
          line: u.line,
          userId: u.userId,
          primary: credentialView(u.primary),
          secondary: u.secondary ? credentialView(u.secondary) : null,
          active: u.active,
          attribute: u.attribute,
          activation: u.activation,
          expiration: u.expiration,
          schedule: u.schedule,
          severity: own.some((i) => i.severity === 'error') ? 'error' : own.length > 0 ? 'warning' : null,
          issues: own,
        };
      });
      return { csvPath: file, userCount: plan.users.length, users, truncated: sorted.length > users.length, issues: sent, errors: plan.errors, warnings: plan.warnings, maxUsers };
    },

    async doorfileBuild(req: DoorfileBuildRequest): Promise<DoorfileBuildResult> {
      const csvPath = resolveUserPath(req.csvPath);
      const outPath = resolveUserPath(req.outPath);
      const binaryPath = req.binaryPath ? resolveUserPath(req.binaryPath) : null;
      if (sameFile(outPath, csvPath) || (binaryPath && sameFile(binaryPath, csvPath))) {
        throw new HostError('doorfile.out-is-csv', {});
      }
      if (binaryPath && sameFile(binaryPath, outPath)) {
        throw new HostError('doorfile.binary-is-json', {});
      }
      const csv = await readText(csvPath, 'users CSV');
      const key = await loadSiteKey(req.siteKey);
      try {
        const plan = planDoorFile(csv, { maxUsers: req.maxUsers, siteKey: key });
        const base = { userCount: plan.users.length, errors: plan.errors, warnings: plan.warnings, issues: plan.issues.slice(0, ISSUE_LIMIT).map(issueView), outPath, binaryPath, binaryBytes: null };
        if (!mayWrite(plan, req.acceptWarnings)) {
          const refusal = plan.errors > 0 ? 'errors' : 'warnings';
          const text =
            refusal === 'errors'
              ? hostText('doorfile.refused-errors', { errors: plan.errors, andWarnings: plan.warnings ? hostText('doorfile.and-warnings', { warnings: plan.warnings }) : '' })
              : hostText('doorfile.refused-warnings', { warnings: plan.warnings });
          return { ...base, written: false, refusal, text, message: englishText(text) };
        }
        const built = buildDoorFile(plan.users, key, nodeAesFactory);
        await write(outPath, renderDoorJson(built, { primaryField: req.fieldName }), 0o644);
        let binaryBytes: number | null = null;
        if (binaryPath) {
          const bytes = encodeRecords(built.records.map((r) => r.user));
          try {
            // Unencrypted credentials: readable by the owner only.
            await write(binaryPath, bytes, 0o600);
            binaryBytes = bytes.length;
          } finally {
            wipe(bytes);
          }
        }
        const text = hostText('doorfile.written', {
          file: outPath,
          users: built.records.length,
          accepted: plan.warnings > 0 ? hostText('doorfile.accepted-warnings', { warnings: plan.warnings }) : '',
          binary: binaryPath ? hostText('doorfile.binary-written', { bytes: binaryBytes ?? 0, file: binaryPath }) : '',
        });
        return { ...base, binaryBytes, written: true, refusal: null, text, message: englishText(text) };
      } finally {
        wipe(key);
      }
    },

    async doorfileVerify(req: DoorfileVerifyRequest): Promise<DoorfileVerifyResult> {
      const doorPath = resolveUserPath(req.doorPath);
      let entries;
      try {
        entries = parseDoorJson(await readText(doorPath, 'door file'));
      } catch (e) {
        if (e instanceof HostError) throw e;
        throw new HostError('doorfile.invalid', { reason: (e as Error).message }, { cause: e });
      }
      const key = await loadSiteKey(req.siteKey);
      try {
        const report = verifyDoorFile(entries, key, { maxUsers: req.maxUsers, cipher: nodeAesFactory });
        return { doorPath, userCount: report.userCount, mode: report.mode, degradedBy: report.degradedBy.map(finding), problems: report.problems.map(finding) };
      } finally {
        wipe(key);
      }
    },
  };
}
