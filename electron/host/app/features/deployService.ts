import fs from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ReaderSummary } from '../../../../shared/api/contract.ts';
import type { Bec2Summary, DeployApi, DeployProgress, DeployResult, FinalizedFile, LineSpeedReport, ReadBackReport } from '../../../../shared/api/features/deploy.ts';
import { csvDocument } from '../../../../shared/csvWriter.ts';
import { HostError, hostText, reasonOf } from '../../../../shared/errors/hostError.ts';
import { activityDetails } from '../activity.ts';
import { errnoOf, fileProblem } from '../../../../shared/errors/fileProblem.ts';
import * as Sys from '../../../../shared/brp/commands/sys.ts';
import { serialNumberOf } from '../../../../shared/brp/firmwareString.ts';
import { lineSpeedSentence } from '../../../../shared/brp/lineSpeed.ts';
import { loadBalcfg } from '../../files/balcfgStore.ts';
import { decodeBec2Text, deployToReader, expectedConfigIdOf } from '../../lifecycle/deployJob.ts';
import { sameReaderTwice } from '../../lifecycle/readerKey.ts';
import { factoryReset } from '../../lifecycle/factoryReset.ts';
import { readBackAtSpeed } from '../../lifecycle/readBackAtSpeed.ts';
import { readReaderInfo } from '../../readers/readerInfo.ts';
import { openSession } from '../../readers/openSession.ts';
import type { BrpSession } from '../../brp/session.ts';
import { writeFileAtomic } from '../../../../node/files/atomicWrite.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import type { AppContext } from '../appContext.ts';

/** One row per reader: the audit record of a deploy (who got which file when, what it ran before and after). */
const CSV_COLUMNS = [
  'startedAt',
  'finishedAt',
  'file',
  'sha256',
  'port',
  'serialNumber',
  'firmware',
  'configIdBefore',
  'configIdAfter',
  'result',
  'reason',
  'message',
  'bytesSent',
  'bytes',
  'durationMs',
  'lineSpeed',
] as const;

/** Every column of a report row; a value the deploy could not learn is empty (CSV) or null (JSON). */
function reportRow(r: DeployResult): Record<Exclude<(typeof CSV_COLUMNS)[number], 'lineSpeed'>, string | number | null> & { lineSpeed: LineSpeedReport | null } {
  return {
    startedAt: r.startedAt ?? null,
    finishedAt: r.finishedAt ?? null,
    file: r.file ?? null,
    sha256: r.sha256 ?? null,
    port: r.port,
    serialNumber: r.serialNumber ?? null,
    firmware: r.firmware ?? null,
    configIdBefore: r.configIdBefore ?? null,
    configIdAfter: r.configIdAfter ?? null,
    result: r.result,
    reason: r.reason,
    message: r.message,
    bytesSent: r.bytesSent ?? null,
    bytes: r.bytes,
    durationMs: r.durationMs,
    lineSpeed: r.lineSpeed ?? null,
  };
}

export function deployReportCsv(results: readonly DeployResult[]): string {
  return csvDocument(CSV_COLUMNS, results.map((r) => {
    // A serial link's speed in words in the CSV; the JSON report keeps its details.
    const row = { ...reportRow(r), lineSpeed: r.lineSpeed ? lineSpeedSentence(r.lineSpeed) : null };
    return CSV_COLUMNS.map((c) => row[c] ?? '');
  }));
}

export function deployReportJson(results: readonly DeployResult[], now = new Date()): string {
  const times = (key: 'startedAt' | 'finishedAt') => results.map((r) => r[key]).filter((t): t is string => !!t).sort();
  const files = [...new Set(results.map((r) => r.file).filter(Boolean))];
  const sums = [...new Set(results.map((r) => r.sha256).filter(Boolean))];
  const report = {
    kind: 'readerdesk-deploy-report',
    savedAt: now.toISOString(),
    startedAt: times('startedAt')[0] ?? null,
    finishedAt: times('finishedAt').at(-1) ?? null,
    file: files.length === 1 ? files[0] : null,
    sha256: sums.length === 1 ? sums[0] : null,
    readers: results.map(reportRow),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

/** What the reader runs before the upload, read only (Sys.GetInfo and Sys.CfgGetId); nulls where it does not answer. */
/** What the audit record says about the reader, read in the deploy's own session; unknown (null) if it does not answer. */
interface ReaderBefore {
  firmware: string | null;
  serialNumber: string | null;
}

async function readIdentity(session: BrpSession, into: ReaderBefore): Promise<void> {
  try {
    const { info } = await session.execute(Sys.SysGetInfo, undefined);
    into.firmware = info;
    into.serialNumber = serialNumberOf(info);
  } catch {
    // The deploy itself says what went wrong with the line; the record keeps the fields empty.
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a BEC2 and checks that it is one, with a sentence for each way it cannot be used. */
async function readBec2(file: string): Promise<{ text: string; binary: Uint8Array; sha256: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    throw new HostError('deploy.file-unreadable', { file, why: fileProblem(errnoOf(err)) });
  }
  const text = Buffer.from(bytes).toString('latin1');
  let binary: Uint8Array;
  try {
    binary = decodeBec2Text(text);
  } catch {
    throw new HostError('deploy.not-bec2', { file });
  }
  return { text, binary, sha256: sha256Hex(bytes) };
}

/** Host side of the Deploy slice of the API. */
export function createDeployService(ctx: AppContext): DeployApi {
  const summaryOf = (readerId: string): ReaderSummary => {
    const r = ctx.readers.list().find((x) => x.id === readerId);
    if (!r) throw new HostError('deploy.reader-gone', {});
    return r;
  };

  return {
    async deployFile(bec2Path, addresses, jobId) {
      const file = ctx.files.forRead(bec2Path, 'bec2');
      const ports = addresses.map((a) => a.trim());
      if (ports.some((p) => p === '')) throw new HostError('deploy.empty-address', {});
      const twice = await sameReaderTwice(ports);
      if (twice) {
        throw twice.first === twice.again
          ? new HostError('deploy.duplicate-address', {})
          : new HostError('deploy.same-reader', { again: twice.again, first: twice.first });
      }
      // The file is read and checked before any reader is touched: a missing file fails at once.
      const { text, binary, sha256 } = await readBec2(file);
      await ctx.settings.addRecentFile(file, 'bec2').catch(() => undefined);
      const expectedConfigId = expectedConfigIdOf(text);
      return ctx.jobs.run('deploy', ports, () =>
        Promise.all(
          ports.map(async (port): Promise<DeployResult> => {
            const startedAt = new Date().toISOString();
            let bytesSent = 0;
            const link = { checksum: ctx.readers.checksumFor(port), baudRate: ctx.readers.baudRateFor(port) };
            const maxBaud = ctx.readers.maxBaudFor(port);
            const send = (progress: DeployProgress) => ctx.emit({ type: 'deploy-progress', ...(jobId ? { jobId } : {}), progress });
            // The deploy job needs the port to itself; a connected reader's card reconnects afterwards.
            const reattach = await ctx.readers.borrow(port);
            let result: DeployResult;
            try {
              const before: ReaderBefore = { firmware: null, serialNumber: null };
              const outcome = await deployToReader(binary, port, {
                ...link,
                maxBaud,
                onConnected: (session) => readIdentity(session, before),
                onProgress: (progress) => {
                  if (progress.phase === 'uploading') bytesSent = Math.max(bytesSent, progress.bytesDone);
                  // 'done' is sent below, with the outcome, once the result is known.
                  if (progress.phase !== 'done') send(progress);
                },
                frameLog: (e) => ctx.frames.add(e),
                expectedConfigId,
              });
              result = { ...outcome, ...before, configIdBefore: outcome.configIdBefore ?? null, bytesSent, startedAt, finishedAt: new Date().toISOString(), file, sha256 };
            } finally {
              await reattach().catch(() => undefined);
            }
            send({ port, phase: 'done', bytesDone: bytesSent, bytesTotal: binary.length, outcome: result.result });
            const reader = ctx.readers.byAddress(port);
            ctx.activity.emit({
              kind: 'deploy',
              readerId: reader?.id ?? null,
              address: port,
              time: Date.now(),
              ok: result.result === 'accepted',
              ...activityDetails(
                hostText('activity.deployed', { file: path.basename(file), sha: sha256.slice(0, 16), result: result.text ?? result.message }),
              ),
              reason: result.reason,
            });
            return result;
          }),
        ),
      );
    },

    async inspectBec2(bec2Path): Promise<Bec2Summary> {
      const file = ctx.files.forRead(bec2Path, 'bec2');
      const { text, binary, sha256 } = await readBec2(file);
      return { path: file, configId: expectedConfigIdOf(text), sha256, bytes: binary.length };
    },

    async finalizedFiles(balcfgPath): Promise<FinalizedFile[]> {
      const file = ctx.files.forRead(balcfgPath, 'balcfg');
      const cfg = await loadBalcfg(file);
      const recent = ctx.settings.recentFiles('bec2');
      const out: FinalizedFile[] = [];
      for (const h of [...cfg.history].reverse()) {
        // Next to the BALCFG first (where finalizing puts it by default), then the recent BEC2 files.
        const candidates = [path.join(path.dirname(file), h.bec2File), ...recent.filter((f) => path.basename(f) === h.bec2File)];
        let found: string | null = null;
        for (const c of candidates) {
          const bytes = await fs.readFile(c).catch(() => null);
          if (bytes && sha256Hex(bytes) === h.sha256.toLowerCase()) {
            found = c;
            // Named by the document the user opened: the user may deploy it.
            ctx.files.found(c);
            break;
          }
        }
        out.push({ version: h.version, configId: h.configId, sha256: h.sha256.toLowerCase(), finalizedAt: h.finalizedAt, path: found });
      }
      return out;
    },

    async saveDeployReport(reportPath, format, results) {
      const file = resolveUserPath(reportPath);
      const dir = path.dirname(file);
      if ((await fs.stat(file).catch(() => undefined))?.isDirectory()) {
        throw new HostError('deploy.report-is-folder', { file, example: path.join(file, 'deploy-report.csv') });
      }
      try {
        if (!(await fs.stat(dir)).isDirectory()) throw new HostError('deploy.report-not-folder', { folder: dir });
      } catch (err) {
        if (err instanceof HostError) throw err;
        throw new HostError('deploy.report-no-folder', { folder: dir });
      }
      ctx.files.forWrite(file);
      try {
        await writeFileAtomic(file, format === 'csv' ? deployReportCsv(results) : deployReportJson(results));
      } catch (err) {
        throw new HostError('deploy.report-unwritable', { file, why: fileProblem(errnoOf(err)) });
      }
      ctx.files.written(file, 'report');
      return file;
    },

    async recentBec2Files() {
      return ctx.settings.recentFiles('bec2');
    },

    async factoryReset(readerId, typedConfirmation) {
      const reader = summaryOf(readerId);
      if (typedConfirmation.trim() !== reader.address) {
        throw new HostError('deploy.reset-not-confirmed', { address: reader.address });
      }
      const logReset = (ok: boolean, failure: unknown) =>
        ctx.activity.emit({
          kind: 'factory-reset',
          readerId,
          address: reader.address,
          time: Date.now(),
          ok,
          ...activityDetails(
            ok
              ? hostText('activity.reset-done', { config: reader.configId ? ` ${reader.configId} ${reader.configName ?? ''}`.trimEnd() : '' })
              : hostText('activity.reset-failed', { reason: reasonOf(failure) }),
          ),
          reason: ok ? null : (failure as Error).message,
        });
      await ctx.jobs.run('factory-reset', [reader.address], async () => {
        const reattach = await ctx.readers.borrow(reader.address);
        try {
          const session = await openSession(reader.address, {
            frameLog: (e) => ctx.frames.add(e),
            checksum: ctx.readers.checksumFor(reader.address),
            baudRate: ctx.readers.baudRateFor(reader.address),
          });
          await factoryReset(session);
        } catch (err) {
          logReset(false, err);
          throw new HostError('deploy.reset-failed', { reason: reasonOf(err) });
        } finally {
          await reattach().catch(() => undefined);
        }
      });
      logReset(true, undefined);
      const after = ctx.readers.list().find((x) => x.id === readerId);
      if (after?.state === 'connected') return ctx.readers.refresh(readerId);
      return after ?? reader;
    },

    async readBack(readerId): Promise<ReadBackReport> {
      const reader = summaryOf(readerId);
      const session = ctx.readers.session(readerId);
      const info = await readReaderInfo(session);
      const { values, valueList, lineSpeed } = await readBackAtSpeed(session, ctx.readers.maxBaudFor(reader.address));
      return {
        address: reader.address,
        firmware: info.firmware,
        configId: info.configId,
        configName: info.configName,
        securityCode: info.securityCode,
        valueList,
        values,
        ...(lineSpeed ? { lineSpeed } : {}),
      };
    },
  };
}
