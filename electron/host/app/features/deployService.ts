import fs from 'node:fs/promises';
import path from 'node:path';
import type { ReaderSummary } from '../../../../shared/api/contract.ts';
import type { DeployApi, DeployResult, ReadBackReport } from '../../../../shared/api/features/deploy.ts';
import { HostError, reasonOf } from '../../../../shared/errors/hostError.ts';
import { errnoOf, fileProblem } from '../../../../shared/errors/fileProblem.ts';
import { csvDocument } from '../../../../shared/csvWriter.ts';
import { decodeBec2Text, deployToReader, expectedConfigIdOf } from '../../lifecycle/deployJob.ts';
import { sameReaderTwice } from '../../lifecycle/readerKey.ts';
import { factoryReset } from '../../lifecycle/factoryReset.ts';
import { readBackValues } from '../../lifecycle/readBack.ts';
import { readReaderInfo } from '../../readers/readerInfo.ts';
import { openSession } from '../../readers/openSession.ts';
import { writeFileAtomic } from '../../../../node/files/atomicWrite.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import type { AppContext } from '../appContext.ts';

const CSV_COLUMNS = ['port', 'result', 'reason', 'message', 'bytes', 'durationMs'] as const;

export function deployReportCsv(results: readonly DeployResult[]): string {
  return csvDocument(CSV_COLUMNS, results.map((r) => CSV_COLUMNS.map((c) => r[c])));
}

export function deployReportJson(results: readonly DeployResult[]): string {
  const rows = results.map(({ port, result, reason, message, bytes, durationMs }) => ({ port, result, reason, message, bytes, durationMs }));
  return JSON.stringify(rows, null, 2) + '\n';
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
      const file = resolveUserPath(bec2Path);
      const ports = addresses.map((a) => a.trim());
      if (ports.some((p) => p === '')) throw new HostError('deploy.empty-address', {});
      const twice = await sameReaderTwice(ports);
      if (twice) {
        throw twice.first === twice.again
          ? new HostError('deploy.duplicate-address', {})
          : new HostError('deploy.same-reader', { again: twice.again, first: twice.first });
      }
      let text: string;
      try {
        text = await fs.readFile(file, 'latin1');
      } catch (err) {
        throw new HostError('deploy.file-unreadable', { file, why: fileProblem(errnoOf(err)) });
      }
      let binary: Uint8Array;
      try {
        binary = decodeBec2Text(text);
      } catch {
        throw new HostError('deploy.not-bec2', { file });
      }
      await ctx.settings.addRecentFile(file).catch(() => undefined);
      // Read once for all readers: the file's text is tens of kilobytes of hex.
      const expectedConfigId = expectedConfigIdOf(text);
      return Promise.all(
        ports.map(async (port): Promise<DeployResult> => {
          // The deploy job needs the port to itself; a connected reader's card reconnects afterwards.
          const reattach = await ctx.readers.borrow(port);
          try {
            return await deployToReader(binary, port, {
              checksum: ctx.readers.checksumFor(port),
              onProgress: (progress) => ctx.emit({ type: 'deploy-progress', ...(jobId ? { jobId } : {}), progress }),
              frameLog: (e) => ctx.frames.add(e),
              expectedConfigId,
            });
          } finally {
            await reattach().catch(() => undefined);
          }
        }),
      );
    },

    async saveDeployReport(reportPath, format, results) {
      const file = resolveUserPath(reportPath);
      const dir = path.dirname(file);
      try {
        if (!(await fs.stat(dir)).isDirectory()) throw new HostError('deploy.report-not-folder', { folder: dir });
      } catch (err) {
        if (err instanceof HostError) throw err;
        throw new HostError('deploy.report-no-folder', { folder: dir });
      }
      try {
        await writeFileAtomic(file, format === 'csv' ? deployReportCsv(results) : deployReportJson(results));
      } catch (err) {
        throw new HostError('deploy.report-unwritable', { file, why: fileProblem(errnoOf(err)) });
      }
      return file;
    },

    async recentBec2Files() {
      return ctx.settings.get().recentFiles.filter((f) => /\.bec2$/i.test(f));
    },

    async factoryReset(readerId, typedConfirmation) {
      const reader = summaryOf(readerId);
      if (typedConfirmation.trim() !== reader.address) {
        throw new HostError('deploy.reset-not-confirmed', { address: reader.address });
      }
      const reattach = await ctx.readers.borrow(reader.address);
      try {
        const session = await openSession(reader.address, { frameLog: (e) => ctx.frames.add(e), checksum: ctx.readers.checksumFor(reader.address) });
        await factoryReset(session);
      } catch (err) {
        throw new HostError('deploy.reset-failed', { reason: reasonOf(err) }, { cause: err });
      } finally {
        await reattach().catch(() => undefined);
      }
      const after = ctx.readers.list().find((x) => x.id === readerId);
      if (after?.state === 'connected') return ctx.readers.refresh(readerId);
      return after ?? reader;
    },

    async readBack(readerId): Promise<ReadBackReport> {
      const reader = summaryOf(readerId);
      const session = ctx.readers.session(readerId);
      const info = await readReaderInfo(session);
      const { values, valueList } = await readBackValues(session);
      return {
        address: reader.address,
        firmware: info.firmware,
        configId: info.configId,
        configName: info.configName,
        securityCode: info.securityCode,
        valueList,
        values,
      };
    },
  };
}
