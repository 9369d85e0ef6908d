import fs from 'node:fs/promises';
import path from 'node:path';
import type { ReaderSummary } from '../../../../shared/api/contract.ts';
import type { DeployApi, DeployResult, ReadBackReport } from '../../../../shared/api/features/deploy.ts';
import { csvDocument } from '../../../../shared/csvWriter.ts';
import { decodeBec2Text, deployToReader, expectedConfigIdOf } from '../../lifecycle/deployJob.ts';
import { factoryReset } from '../../lifecycle/factoryReset.ts';
import { readBackValues } from '../../lifecycle/readBack.ts';
import { readReaderInfo } from '../../readers/readerInfo.ts';
import { openSession } from '../../readers/openSession.ts';
import { writeFileAtomic } from '../../../../node/files/atomicWrite.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import type { AppContext } from '../appContext.ts';

/** An error whose message is a sentence for the person at the screen. */
class DeployError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const CSV_COLUMNS = ['port', 'result', 'reason', 'message', 'bytes', 'durationMs'] as const;

export function deployReportCsv(results: readonly DeployResult[]): string {
  return csvDocument(CSV_COLUMNS, results.map((r) => CSV_COLUMNS.map((c) => r[c])));
}

export function deployReportJson(results: readonly DeployResult[]): string {
  const rows = results.map(({ port, result, reason, message, bytes, durationMs }) => ({ port, result, reason, message, bytes, durationMs }));
  return JSON.stringify(rows, null, 2) + '\n';
}

function fileProblem(file: string, err: unknown, doing: string): DeployError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'the file or its folder does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'ReaderDesk is not allowed to access it'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : 'the system refused';
  return new DeployError('file', `Cannot ${doing} ${file}: ${why}.`);
}

/** Host side of the Deploy slice of the API. */
export function createDeployService(ctx: AppContext): DeployApi {
  const summaryOf = (readerId: string): ReaderSummary => {
    const r = ctx.readers.list().find((x) => x.id === readerId);
    if (!r) throw new DeployError('not-connected', 'That reader is not connected any more; connect it on the Readers page first.');
    return r;
  };

  return {
    async deployFile(bec2Path, addresses, jobId) {
      const file = resolveUserPath(bec2Path);
      const ports = addresses.map((a) => a.trim());
      if (ports.some((p) => p === '')) throw new DeployError('bad-address', 'One of the reader addresses is empty; remove it or type a port.');
      if (new Set(ports).size !== ports.length) {
        throw new DeployError('duplicate-address', 'The same reader is listed twice; each reader can take the file only once per deploy.');
      }
      let text: string;
      try {
        text = await fs.readFile(file, 'latin1');
      } catch (err) {
        throw fileProblem(file, err, 'read');
      }
      let binary: Uint8Array;
      try {
        binary = decodeBec2Text(text);
      } catch {
        throw new DeployError('not-bec2', `${file} is not a readable BEC2 file; pick the .bec2 file that finalizing wrote.`);
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
        if (!(await fs.stat(dir)).isDirectory()) throw new DeployError('file', `Cannot save the report: ${dir} is not a folder.`);
      } catch (err) {
        if (err instanceof DeployError) throw err;
        throw new DeployError('file', `Cannot save the report: the folder ${dir} does not exist.`);
      }
      try {
        await writeFileAtomic(file, format === 'csv' ? deployReportCsv(results) : deployReportJson(results));
      } catch (err) {
        throw fileProblem(file, err, 'write the report to');
      }
      return file;
    },

    async recentBec2Files() {
      return ctx.settings.get().recentFiles.filter((f) => /\.bec2$/i.test(f));
    },

    async factoryReset(readerId, typedConfirmation) {
      const reader = summaryOf(readerId);
      if (typedConfirmation.trim() !== reader.address) {
        throw new DeployError(
          'not-confirmed',
          `Nothing was reset: the text typed does not match the reader's address ${reader.address}. Type the address exactly to confirm.`,
        );
      }
      const reattach = await ctx.readers.borrow(reader.address);
      try {
        const session = await openSession(reader.address, { frameLog: (e) => ctx.frames.add(e), checksum: ctx.readers.checksumFor(reader.address) });
        await factoryReset(session);
      } catch (err) {
        throw new DeployError('factory-reset', `The factory reset did not complete: ${(err as Error).message}`);
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
