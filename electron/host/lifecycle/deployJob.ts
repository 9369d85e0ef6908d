import { readTextContainer } from '../../../shared/bec2/index.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { BrpTimeoutError, PortLostError } from '../../../shared/brp/errors.ts';
import type { LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import { largestUploadBlock } from '../../../shared/brp/frameLimits.ts';
import { FEATURE_ID, hasFeature, namedFeatures } from '../../../shared/brp/features.ts';
import { MAIN_STATUS, SYS_STATUS } from '../../../shared/brp/status.ts';
import { isGroupStatus } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession, SessionOptions } from '../brp/session.ts';
import type { FrameLogSink } from '../brp/frameLog.ts';
import { raiseBaudRate } from '../brp/negotiateBaud.ts';
import { UNSUPPORTED, executeIfSupported } from '../readers/ifSupported.ts';
import { openSession } from '../readers/openSession.ts';
import { NoBec2UploadError, classifyDeployError, type DeployProgress, type DeployResult } from './deployResult.ts';
import { reconnectSession, sleep } from './reconnect.ts';

export interface DeployOptions {
  onProgress?: (p: DeployProgress) => void;
  frameLog?: FrameLogSink;
  baudRate?: number;
  /**
   * The highest rate a serial port is raised to for the upload (default 921600; TCP and USB HID have
   * no line speed). The rate the port is opened at, or less, keeps it there.
   */
  maxBaud?: number;
  /** The user's checksum for the ports; without it each port's kind decides. */
  checksum?: LinkChecksumKind;
  /** Time allowed for a restart before the reader's own retry timeout is added (default 10 s, as BALTECH's uploader). */
  reconnectTimeoutMs?: number;
  /**
   * The configuration id the file carries ("Configuration:" comment). When the line drops right after
   * the last block, before the confirmation arrives, the reader is asked after its restart what it runs.
   */
  expectedConfigId?: string | null;
}

/** Decodes the text of a .bec2 into the binary the reader asks for (ReqDataAdr counts from "BEC2\0"). */
export function decodeBec2Text(text: string): Uint8Array {
  return readTextContainer(text).binary;
}

/** The ConfigId string the file's "Configuration" comment names, e.g. "10234-5678-6789-09 Name". */
export function expectedConfigIdOf(text: string): string | null {
  return readTextContainer(text).comments.find((c) => c.name === 'Configuration')?.value ?? null;
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
  let sessionOpts: SessionOptions = { frameLog: opts.frameLog, baudRate: opts.baudRate, checksum: opts.checksum };
  let session: BrpSession | undefined;
  let started = 0;
  let confirmed = 0;
  let lastBlockSent = false;
  try {
    progress('connecting', 0);
    session = await openSession(port, sessionOpts);
    // A restarted reader must be spoken to the same way (the port may be gone while it restarts).
    sessionOpts = session.reopenOptions;
    await checkBec2Upload(session);
    started = performance.now();
    // The wire is the limit: upload at the fastest rate the link takes. Closing the session puts the old
    // rate back unless the reader restarts (an accepted upload), which restores its configured rate itself.
    await raiseBaudRate(session, { maxBaud: opts.maxBaud });
    let req = await startUpload(session);
    let done = 0;
    progress('uploading', 0);
    for (;;) {
      if (req.reqDataAdr + req.reqDataLen > total) {
        throw new Error(`the reader asked for bytes ${req.reqDataAdr}..${req.reqDataAdr + req.reqDataLen} but the file has only ${total}`);
      }
      const data = binary.subarray(req.reqDataAdr, req.reqDataAdr + Math.min(req.reqDataLen, await uploadBlockLimit(session)));
      lastBlockSent = req.reqDataAdr + data.length >= total;
      const res = await session.execute(Main.MainBf3UploadContinue, { dataAdr: req.reqDataAdr, data });
      done = Math.max(done, req.reqDataAdr + data.length);
      progress('uploading', done);
      if (!res.continue) {
        confirmed = performance.now();
        if (res.reconnect) {
          progress('restarting', total);
          await session.close();
          session = await reconnectSession(port, { ...sessionOpts, baseTimeoutMs: opts.reconnectTimeoutMs, retryTimeoutMs: res.reconnectRetryTimeoutMs });
        }
        break;
      }
      if (res.reconnect) {
        await session.close();
        session = await reconnectSession(port, { ...sessionOpts, baseTimeoutMs: opts.reconnectTimeoutMs, retryTimeoutMs: res.reconnectRetryTimeoutMs });
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
      if (!isGroupStatus(err, 'Sys', SYS_STATUS.ErrCfgNotFound)) throw err;
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
    const unconfirmed = !confirmed && lastBlockSent && (err instanceof PortLostError || err instanceof BrpTimeoutError);
    if (unconfirmed && opts.expectedConfigId) {
      const verified = await verifyAfterRestart(port, opts, sessionOpts);
      if (verified === opts.expectedConfigId) {
        progress('done', total);
        return {
          port,
          result: 'accepted',
          reason: 'ok',
          message: `Accepted; the reader restarted before its confirmation arrived, and now runs ${verified}.`,
          bytes: total,
          durationMs: Math.round(performance.now() - started),
          configIdAfter: verified,
        };
      }
    }
    progress('done', 0);
    const c = unconfirmed
      ? {
          result: 'failed' as const,
          reason: 'not-verified' as const,
          message:
            'Not confirmed: the line dropped after the last block, before the reader confirmed it. The reader may have taken the file; check what it runs with "Read back" or "readerdesk info".',
        }
      : classifyDeployError(err);
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

/** Asks a reader that dropped off the line what configuration it runs once it is back; null if it does not say. */
async function verifyAfterRestart(port: string, opts: DeployOptions, sessionOpts: SessionOptions): Promise<string | null> {
  let s: BrpSession | undefined;
  try {
    s = await reconnectSession(port, { ...sessionOpts, baseTimeoutMs: opts.reconnectTimeoutMs });
    const id = await s.execute(Sys.SysCfgGetId, undefined);
    return `${id.configId} ${id.configName}`.trim();
  } catch {
    return null;
  } finally {
    await s?.close().catch(() => undefined);
  }
}

/**
 * The reader chooses ReqDataLen; a block is cut shorter only where the reader asks for more than its
 * own buffer (Sys.GetBufferSize) or the link (a USB HID report) takes in one frame, so no frame is
 * ever larger than either.
 */
async function uploadBlockLimit(session: BrpSession): Promise<number> {
  const limit = largestUploadBlock(await session.frameLimits(), session.checksum, session.transport.maxFrameBytes);
  if (limit < 1) throw new Error('the reader reports a buffer too small to carry any file data in Main.Bf3UploadContinue');
  return limit;
}

/**
 * A reader whose Sys.GetFeatures says it has no Bec2Upload cannot take the file; say so before
 * uploading. Firmware without Sys.GetFeatures is simply tried (Bf3UploadStart then tells).
 */
async function checkBec2Upload(session: BrpSession): Promise<void> {
  const answer = await executeIfSupported(session, Sys.SysGetFeatures, undefined, []);
  if (answer === UNSUPPORTED) return;
  if (hasFeature(namedFeatures(answer.featureIds, answer.maxFeatureId), FEATURE_ID.Bec2Upload) === false) throw new NoBec2UploadError();
}

/** Bf3UploadStart; a reader still holding an abandoned upload says ErrInvalidState for a moment. */
async function startUpload(session: BrpSession): Promise<Main.Bf3BlockRequest> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await session.execute(Main.MainBf3UploadStart, undefined);
    } catch (err) {
      if (attempt < 8 && isGroupStatus(err, 'Main', MAIN_STATUS.ErrInvalidState)) {
        await sleep(500);
        continue;
      }
      throw err;
    }
  }
}
