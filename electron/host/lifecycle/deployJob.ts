import { readTextContainer } from '../../../shared/bec2/index.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import type { BrpSession } from '../brp/session.ts';
import type { FrameLogSink } from '../brp/frameLog.ts';
import { openSession } from '../readers/openSession.ts';
import { classifyDeployError, type DeployProgress, type DeployResult } from './deployResult.ts';
import { reconnectSession, sleep } from './reconnect.ts';

export interface DeployOptions {
  onProgress?: (p: DeployProgress) => void;
  frameLog?: FrameLogSink;
  baudRate?: number;
  reconnectTimeoutMs?: number;
}

/** Decodes the text of a .bec2 into the binary the reader asks for (ReqDataAdr counts from "BEC2\0"). */
export function decodeBec2Text(text: string): Uint8Array {
  return readTextContainer(text).binary;
}

/**
 * Deploys one BEC2 to many readers at once, each on its own port. One reader's failure never
 * stops the others; the result list has one entry per port, in the order given.
 */
export async function deployToReaders(binary: Uint8Array, ports: string[], opts: DeployOptions = {}): Promise<DeployResult[]> {
  return Promise.all(ports.map((port) => deployToReader(binary, port, opts)));
}

export async function deployToReader(binary: Uint8Array, port: string, opts: DeployOptions = {}): Promise<DeployResult> {
  const total = binary.length;
  const progress = (phase: DeployProgress['phase'], bytesDone: number) => opts.onProgress?.({ port, phase, bytesDone, bytesTotal: total });
  const sessionOpts = { frameLog: opts.frameLog, baudRate: opts.baudRate };
  let session: BrpSession | undefined;
  let started = 0;
  let confirmed = 0;
  try {
    progress('connecting', 0);
    session = await openSession(port, sessionOpts);
    started = performance.now();
    let req = await startUpload(session);
    let done = 0;
    progress('uploading', 0);
    for (;;) {
      const data = binary.subarray(req.reqDataAdr, req.reqDataAdr + req.reqDataLen);
      if (data.length !== req.reqDataLen) {
        throw new Error(`the reader asked for bytes ${req.reqDataAdr}..${req.reqDataAdr + req.reqDataLen} but the file has only ${total}`);
      }
      const res = await session.execute(Main.MainBf3UploadContinue, { dataAdr: req.reqDataAdr, data });
      done = Math.max(done, req.reqDataAdr + data.length);
      progress('uploading', done);
      if (!res.continue) {
        confirmed = performance.now();
        if (res.reconnect) {
          progress('restarting', total);
          await session.close();
          session = await reconnectSession(port, { ...sessionOpts, timeoutMs: (opts.reconnectTimeoutMs ?? 15_000) + (res.reconnectRetryTimeoutMs ?? 0) });
        }
        break;
      }
      if (res.reconnect) {
        await session.close();
        session = await reconnectSession(port, { ...sessionOpts, timeoutMs: (opts.reconnectTimeoutMs ?? 15_000) + (res.reconnectRetryTimeoutMs ?? 0) });
      }
      // ReqDataLen 0: the reader is busy but still listening; ask again for the same address.
      if (res.reqDataLen === 0 && res.continue) await sleep(20);
      req = res;
    }
    progress('verifying', total);
    let configIdAfter: string | null = null;
    try {
      const id = await session.execute(Sys.SysCfgGetId, undefined);
      configIdAfter = `${id.configId} ${id.configName}`.trim();
    } catch (err) {
      if (!(err instanceof ReaderStatusError && err.status === 0x03)) throw err;
    }
    progress('done', total);
    return {
      port,
      result: 'accepted',
      reason: 'ok',
      message: `Accepted; after its restart the reader runs ${configIdAfter ?? 'a configuration without id'}.`,
      bytes: total,
      durationMs: Math.round(confirmed - started),
      configIdAfter,
    };
  } catch (err) {
    progress('done', 0);
    const c = classifyDeployError(err);
    return {
      port,
      ...c,
      bytes: total,
      durationMs: started ? Math.round((confirmed || performance.now()) - started) : 0,
    };
  } finally {
    await session?.close().catch(() => undefined);
  }
}

/** Bf3UploadStart; a reader still holding an abandoned upload says ErrInvalidState for a moment. */
async function startUpload(session: BrpSession): Promise<Main.Bf3BlockRequest> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await session.execute(Main.MainBf3UploadStart, undefined);
    } catch (err) {
      if (attempt < 8 && err instanceof ReaderStatusError && err.status === 0x10) {
        await sleep(500);
        continue;
      }
      throw err;
    }
  }
}
