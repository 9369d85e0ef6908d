// The door-file work itself: preview, build (writing the files) and verify. It runs in the
// door-file worker (doorfileWorker.ts), so that a million-user file never holds up the main event
// loop, where the tamper-alarm polling of connected readers runs.

import { readFileSync } from 'node:fs';
import { wipe } from '../../../shared/bytes.ts';
import { encodeTableRecords } from '../../../shared/doorfile/binaryRecords.ts';
import { buildSortedDoorFile } from '../../../shared/doorfile/build.ts';
import { doorJsonChunks, parseDoorJson, type DoorEntry } from '../../../shared/doorfile/doorJson.ts';
import { mayWrite, planDoorFile, type DoorFilePlan } from '../../../shared/doorfile/plan.ts';
import { verifyDoorFile, type VerifyReport } from '../../../shared/doorfile/verify.ts';
import { writeFileAtomic, type AtomicContent } from '../../../node/files/atomicWrite.ts';
import { nodeAesFactory } from '../../../node/crypto/nodeAes.ts';
import { previewOf } from './doorfileViews.ts';
import { DoorfileJobError, failureText, type BuildJob, type BuildOutcome, type BuildPlan, type DoorfileJob, type PreviewJob, type VerifyJob } from './jobProtocol.ts';

/** How a job reaches the thread that started it. */
export interface JobLink {
  /** Hands out the site key; the job wipes it when done. */
  siteKey(): Promise<Uint8Array>;
  /** The build's check of the CSV, before anything is written. */
  planned(plan: BuildPlan): void;
}

/** The file's text as readFile(file, 'utf8') gives it; synchronous, which blocks only this worker. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new DoorfileJobError({ kind: 'unreadable', file, code: (e as NodeJS.ErrnoException).code ?? null, message: (e as Error).message });
  }
}

async function write(file: string, content: AtomicContent, mode: number): Promise<void> {
  try {
    await writeFileAtomic(file, content, { mode });
  } catch (e) {
    throw new DoorfileJobError({ kind: 'write-failed', file, code: (e as NodeJS.ErrnoException).code ?? null, message: (e as Error).message });
  }
}

async function preview(job: PreviewJob) {
  return previewOf(planDoorFile({ text: readText(job.csvPath) }, { maxUsers: job.maxUsers }), job.csvPath, job.maxUsers);
}

async function build(job: BuildJob, link: JobLink): Promise<BuildOutcome> {
  const csv = { text: readText(job.csvPath) };
  const key = await link.siteKey();
  try {
    let plan: DoorFilePlan | null = planDoorFile(csv, { maxUsers: job.maxUsers, siteKey: key });
    const outcome = { userCount: plan.table.count, errors: plan.errors, warnings: plan.warnings };
    link.planned({ ...outcome, issues: plan.issues.slice(0, job.issueLimit) });
    if (!mayWrite(plan, job.acceptWarnings)) return { ...outcome, written: false, binaryBytes: null };
    const built = buildSortedDoorFile(plan, key, nodeAesFactory);
    plan = null;
    await write(job.outPath, doorJsonChunks(built, { primaryField: job.fieldName }), 0o644);
    let binaryBytes: number | null = null;
    if (job.binaryPath !== null) {
      const bytes = encodeTableRecords(built.table);
      try {
        // Unencrypted credentials: readable by the owner only.
        await write(job.binaryPath, bytes, 0o600);
        binaryBytes = bytes.length;
      } finally {
        wipe(bytes);
      }
    }
    return { ...outcome, written: true, binaryBytes };
  } finally {
    wipe(key);
  }
}

async function verify(job: VerifyJob, link: JobLink): Promise<VerifyReport> {
  const text = readText(job.doorPath);
  let entries: DoorEntry[];
  try {
    entries = parseDoorJson(text);
  } catch (e) {
    throw new DoorfileJobError({ kind: 'door-file-invalid', message: (e as Error).message, ...failureText(e) });
  }
  // Asked for only now: a damaged door file is reported before any problem with the key.
  const key = await link.siteKey();
  let report: VerifyReport;
  try {
    report = verifyDoorFile(entries, key, { maxUsers: job.maxUsers, cipher: nodeAesFactory });
  } finally {
    wipe(key);
  }
  const cut = (f: VerifyReport['problems'][number]) => ({ ...f, positions: f.positions.slice(0, job.positionLimit), userIds: f.userIds.slice(0, job.positionLimit) });
  return { ...report, degradedBy: report.degradedBy.map(cut), problems: report.problems.map(cut) };
}

export async function performDoorfileJob(job: DoorfileJob, link: JobLink): Promise<unknown> {
  switch (job.kind) {
    case 'preview':
      return preview(job);
    case 'build':
      return build(job, link);
    case 'verify':
      return verify(job, link);
  }
}
