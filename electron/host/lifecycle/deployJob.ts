import { readTextContainer } from '../../../shared/bec2/index.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import type { LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import { PortLostError, ReaderStatusError } from '../../../shared/brp/errors.ts';
import { largestUploadBlock } from '../../../shared/brp/frameLimits.ts';
import { FEATURE_ID, hasFeature, namedFeatures } from '../../../shared/brp/features.ts';
import { MAIN_STATUS, SYS_STATUS } from '../../../shared/brp/status.ts';
import { isGroupStatus } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession, SessionOptions } from '../brp/session.ts';
import type { FrameLogSink } from '../brp/frameLog.ts';
import { LineSpeedLostError } from '../brp/negotiateBaud.ts';
import { LineSpeedTracker } from '../brp/lineSpeedTracker.ts';
import { UNSUPPORTED, executeIfSupported } from '../readers/ifSupported.ts';
import { openSession } from '../readers/openSession.ts';
import { NoBec2UploadError, classifyDeployError, said, type DeployProgress, type DeployResult } from './deployResult.ts';
import { hostText, reasonOf } from '../../../shared/errors/hostError.ts';
import { isLineFault, needsNewSession } from './lineFault.ts';
import { claimReader, readerKey } from './readerKey.ts';
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
   * The configuration id the file carries ("Configuration:" comment). When the line fails at or after
   * the last block, the reader is asked after its restart what it runs, and only a change to this id
   * during the deploy counts as proof that the file arrived.
   */
  expectedConfigId?: string | null;
  /** Line faults an upload recovers from before it gives up (resume or restart each count one). */
  maxRecoveries?: number;
  /**
   * Reads what the caller wants to know about the reader (firmware, serial number) in the deploy's
   * own session, once it is open and before anything is sent: a second session for it would open
   * and close every port once more. Must only read, and should not throw.
   */
  onConnected?: (session: BrpSession) => Promise<void>;
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

const DEFAULT_MAX_RECOVERIES = 5;

/** The line failed at or after the last block: only the reader can say whether it took the file. */
class FaultAfterLastBlock extends Error {
  constructor(readonly fault: unknown) {
    super((fault as Error)?.message ?? String(fault));
  }
}

/** The line kept failing before the last block; the reader never had the whole file. */
class UploadGaveUp extends Error {
  constructor(readonly fault: unknown) {
    super((fault as Error)?.message ?? String(fault));
  }
}

function idText(id: { configId: string; configName: string }): string {
  return `${id.configId} ${id.configName}`.trim();
}

/** The configuration id a reader runs (null: none). Read-only. */
async function readConfigId(session: BrpSession): Promise<string | null> {
  try {
    return idText(await session.execute(Sys.SysCfgGetId, undefined));
  } catch (err) {
    if (isGroupStatus(err, 'Sys', SYS_STATUS.ErrCfgNotFound)) return null;
    throw err;
  }
}

export async function deployToReader(binary: Uint8Array, port: string, opts: DeployOptions = {}): Promise<DeployResult> {
  const claim = claimReader(await readerKey(port), port);
  if ('heldAs' in claim) {
    return {
      port,
      result: 'failed',
      reason: 'reader-busy',
      ...said(
        claim.heldAs === port
          ? hostText('deploy.not-started-busy', { port })
          : hostText('deploy.not-started-same', { port, other: claim.heldAs }),
      ),
      bytes: 0,
      durationMs: 0,
    };
  }
  try {
    return await new DeployRun(binary, port, opts).run();
  } finally {
    claim.release();
  }
}

/** One reader's deploy: upload with recovery from line faults, then only results the host has proven. */
class DeployRun {
  private readonly total: number;
  private sessionOpts: SessionOptions;
  private session: BrpSession | undefined;
  private before: string | null | undefined;
  private started = 0;
  private confirmedAt = 0;
  private sent = 0;
  private recoveries = 0;
  /** A patient reconnect already failed: asking the reader again would only wait once more. */
  private unreachable = false;
  /** The serial link's speed: raised for the upload, stepped down when the raised rate fails on the way. */
  private readonly speed: LineSpeedTracker;

  constructor(
    private readonly binary: Uint8Array,
    private readonly port: string,
    private readonly opts: DeployOptions,
  ) {
    this.total = binary.length;
    this.sessionOpts = { frameLog: opts.frameLog, baudRate: opts.baudRate, checksum: opts.checksum };
    this.speed = new LineSpeedTracker(opts.maxBaud);
  }

  private progress(phase: DeployProgress['phase'], bytesDone: number): void {
    this.opts.onProgress?.({ port: this.port, phase, bytesDone, bytesTotal: this.total });
  }

  private result(r: Pick<DeployResult, 'result' | 'reason' | 'message' | 'text'> & { configIdAfter?: string | null }): DeployResult {
    const end = this.confirmedAt || performance.now();
    const lineSpeed = this.speed.report();
    return {
      port: this.port,
      ...r,
      bytes: this.total,
      durationMs: this.started ? Math.round(end - this.started) : 0,
      ...(this.before !== undefined ? { configIdBefore: this.before } : {}),
      ...(this.recoveries ? { recoveries: this.recoveries } : {}),
      ...(lineSpeed ? { lineSpeed } : {}),
    };
  }

  async run(): Promise<DeployResult> {
    try {
      this.progress('connecting', 0);
      this.session = await openSession(this.port, this.sessionOpts);
      // A restarted reader must be spoken to the same way (the port may be gone while it restarts).
      this.sessionOpts = this.session.reopenOptions;
      await this.opts.onConnected?.(this.session);
      this.before = await readConfigId(this.session);
      await checkBec2Upload(this.session);
      this.started = performance.now();
      // The wire is the limit: upload at the fastest rate the link takes. Closing the session puts the old
      // rate back unless the reader restarts (an accepted upload), which restores its configured rate itself.
      try {
        await this.speed.raise(this.session);
      } catch (err) {
        if (!(err instanceof LineSpeedLostError)) throw err;
        this.unreachable = true;
        this.progress('done', 0);
        return this.result({ result: 'failed', reason: 'io', ...said(hostText('deploy.nothing-sent', { why: err.why ?? reasonOf(err) })) });
      }
      for (;;) {
        try {
          return await this.confirmed(await this.upload());
        } catch (err) {
          if (!(err instanceof FaultAfterLastBlock)) throw err;
          const verdict = await this.judgeByReadBack(err.fault);
          if (verdict) return verdict;
          // Proven unchanged: the reader did not take the file, so sending it again is safe, at the
          // raised rate again (the read-back's new session runs at the port's own rate).
          this.countRecovery(err.fault);
          await this.raiseAgain();
        }
      }
    } catch (err) {
      if (err instanceof UploadGaveUp) return this.notDeployed(err.fault);
      const c = classifyDeployError(err);
      this.progress('done', c.result === 'accepted' ? this.total : this.sent);
      if (c.result === 'failed' && isLineFault(err)) return this.notDeployed(err);
      return this.result(c);
    } finally {
      await this.session?.close().catch(() => undefined);
    }
  }

  /** Sends the file block by block as the reader asks; resumes or restarts after line faults. */
  private async upload(): Promise<Main.Bf3UploadContinueResponse> {
    this.sent = 0;
    let req: Main.Bf3BlockRequest = await this.live(() => startUpload(this.session!));
    this.progress('uploading', 0);
    let resuming = false;
    for (;;) {
      if (req.reqDataAdr + req.reqDataLen > this.total) {
        throw new Error(`the reader asked for bytes ${req.reqDataAdr}..${req.reqDataAdr + req.reqDataLen} but the file has only ${this.total}`);
      }
      const session = this.session!;
      const data = this.binary.subarray(req.reqDataAdr, req.reqDataAdr + Math.min(req.reqDataLen, await uploadBlockLimit(session)));
      const last = req.reqDataAdr + data.length >= this.total;
      let res: Main.Bf3UploadContinueResponse;
      try {
        res = await session.execute(Main.MainBf3UploadContinue, { dataAdr: req.reqDataAdr, data });
      } catch (err) {
        if (isLineFault(err)) {
          // The reader saying our last frame arrived damaged means it did not take it; anything else
          // at the last block may have reached it, and only a read-back can tell.
          if (last && !(err instanceof ReaderStatusError)) throw new FaultAfterLastBlock(err);
          await this.recover(err);
          resuming = true;
          continue; // the same block again, at the address the reader asked for last
        }
        // After a fault, "not the address I expected" or "no upload running" means the reader moved
        // on or restarted meanwhile: start the upload over (BALTECH's uploader resumes the same way).
        if (resuming && (isGroupStatus(err, 'Main', MAIN_STATUS.ErrReadFile) || isGroupStatus(err, 'Main', MAIN_STATUS.ErrInvalidState))) {
          this.countRecovery(err);
          this.sent = 0;
          req = await this.live(() => startUpload(this.session!));
          this.progress('uploading', 0);
          resuming = false;
          continue;
        }
        throw err;
      }
      resuming = false;
      this.sent = Math.max(this.sent, req.reqDataAdr + data.length);
      this.progress('uploading', this.sent);
      if (!res.continue) return res;
      if (res.reconnect) {
        await this.session!.close();
        this.session = await reconnectSession(this.port, { ...this.sessionOpts, baseTimeoutMs: this.opts.reconnectTimeoutMs, retryTimeoutMs: res.reconnectRetryTimeoutMs });
        // The restart brought back the reader's configured rate: raise the new link for the rest of the file.
        await this.raiseAgain();
      }
      // ReqDataLen 0: the reader is busy but still listening; ask again for the same address.
      if (res.reqDataLen === 0) await sleep(20);
      req = res;
    }
  }

  /** Runs a step that sends no file data; a line fault there is recovered from like one during the upload. */
  private async live<T>(step: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await step();
      } catch (err) {
        if (!isLineFault(err)) throw err;
        await this.recover(err);
      }
    }
  }

  private countRecovery(fault: unknown): void {
    if (++this.recoveries > (this.opts.maxRecoveries ?? DEFAULT_MAX_RECOVERIES)) throw new UploadGaveUp(fault);
  }

  /**
   * Gets a usable line back after a fault. At a raised rate the rate is the suspect: both sides go back
   * to the old rate on the same link and slower rates are tried (the reader answering at neither ends
   * the upload). Otherwise a new session where the link is gone or stuck.
   */
  private async recover(fault: unknown): Promise<void> {
    this.countRecovery(fault);
    if (this.speed.raisedRate !== undefined && this.session && !this.session.isLost && !(fault instanceof PortLostError)) {
      try {
        await this.speed.stepDown(this.session);
        return;
      } catch (err) {
        if (err instanceof LineSpeedLostError) {
          this.unreachable = true;
          throw new UploadGaveUp(err);
        }
        // The link itself is gone: a new session follows.
      }
    } else if (!needsNewSession(fault)) {
      // A damaged frame: let the reader drop what it received (its 20 ms gap rule) and go on.
      await sleep(50);
      return;
    }
    await this.closeSession();
    try {
      this.session = await reconnectSession(this.port, { ...this.sessionOpts, baseTimeoutMs: this.opts.reconnectTimeoutMs });
    } catch {
      this.unreachable = true;
      throw new UploadGaveUp(fault);
    }
    await this.raiseAgain();
  }

  /** A new session runs at the port's own rate: raise it again, up to the rate that last worked. */
  private async raiseAgain(): Promise<void> {
    try {
      await this.speed.raise(this.session!);
    } catch (err) {
      if (err instanceof LineSpeedLostError) {
        this.unreachable = true;
        throw new UploadGaveUp(err);
      }
      // Anything else leaves the link at the port's own rate, where the upload goes on.
    }
  }

  /** Closes the session on purpose, putting a raised rate back first (a reader lost on the way is remembered). */
  private async closeSession(): Promise<void> {
    await this.speed.release().catch(() => undefined);
    await this.session?.close().catch(() => undefined);
    this.session = undefined;
  }

  /** The reader confirmed the last block: accepted. What it runs after its restart is read back if it can be. */
  private async confirmed(res: Main.Bf3UploadContinueResponse): Promise<DeployResult> {
    this.confirmedAt = performance.now();
    this.progress(res.reconnect ? 'restarting' : 'verifying', this.total);
    let after: string | null | undefined;
    try {
      if (res.reconnect) {
        await this.session!.close();
        this.session = undefined;
        this.session = await reconnectSession(this.port, { ...this.sessionOpts, baseTimeoutMs: this.opts.reconnectTimeoutMs, retryTimeoutMs: res.reconnectRetryTimeoutMs });
      }
      this.progress('verifying', this.total);
      after = await readConfigId(this.session!);
    } catch {
      after = undefined;
    }
    this.progress('done', this.total);
    if (after === undefined) {
      return this.result({ result: 'accepted', reason: 'ok', ...said(hostText('deploy.accepted-unread', {})) });
    }
    return this.result({
      result: 'accepted',
      reason: 'ok',
      ...said(hostText('deploy.accepted-runs', { config: after ?? hostText('deploy.config-without-id', {}) })),
      configIdAfter: after,
    });
  }

  /**
   * The line failed at or after the last block, before the reader confirmed. Only a read-back after
   * its restart can tell: the id changed to the file's during this deploy (accepted), it is still
   * the one from before (not deployed: undefined is returned while recoveries are left, so the
   * caller sends the file again), or nothing can be proven (unknown).
   */
  private async judgeByReadBack(fault: unknown): Promise<DeployResult | undefined> {
    this.progress('verifying', this.total);
    const now = await this.readBackAfterFault();
    const target = this.opts.expectedConfigId ?? null;
    const what = fault instanceof Error ? reasonOf(fault) : String(fault);
    if (now !== undefined && this.before !== undefined) {
      if (target !== null && now === target && this.before !== target) {
        this.progress('done', this.total);
        return this.result({
          result: 'accepted',
          reason: 'ok',
          ...said(hostText('deploy.accepted-confirmation-lost', { config: now })),
          configIdAfter: now,
        });
      }
      if (now === this.before && (target === null || this.before !== target)) {
        if (this.session && this.recoveries < (this.opts.maxRecoveries ?? DEFAULT_MAX_RECOVERIES)) return undefined;
        this.progress('done', this.sent);
        return this.result({
          result: 'failed',
          reason: 'io',
          ...said(hostText('deploy.not-deployed-unchanged', { why: what, config: now ?? hostText('deploy.no-configuration', {}) })),
          configIdAfter: now,
        });
      }
    }
    this.progress('done', this.sent);
    const seen =
      now === undefined ? hostText('deploy.seen-silent', {}) : hostText('deploy.seen-runs', { config: now ?? hostText('deploy.no-configuration', {}) });
    return this.result({
      result: 'unknown',
      reason: 'unconfirmed',
      ...said(hostText('deploy.unknown', { why: what, seen })),
      ...(now !== undefined ? { configIdAfter: now } : {}),
    });
  }

  /** The upload stopped before the reader had the whole file, so it cannot have applied it; checked where the reader answers. */
  private async notDeployed(fault: unknown): Promise<DeployResult> {
    // A reader lost at a raised rate: the reason says what happened and what to do, not the port's generic advice.
    const what = fault instanceof LineSpeedLostError ? (fault.why ?? reasonOf(fault)) : fault instanceof Error ? reasonOf(fault) : String(fault);
    if (this.started === 0) {
      this.progress('done', 0);
      return this.result({ result: 'failed', reason: 'io', ...said(hostText('deploy.nothing-sent', { why: what })) });
    }
    const now = this.unreachable ? undefined : await this.readBackAfterFault();
    this.progress('done', this.sent);
    const checked =
      now !== undefined && this.before !== undefined && now === this.before
        ? hostText('deploy.checked-unchanged', { config: now ?? hostText('deploy.no-configuration', {}) })
        : hostText('deploy.checked-never-whole', {});
    return this.result({ result: 'failed', reason: 'io', ...said(hostText('deploy.not-deployed', { why: what, checked })), ...(now !== undefined ? { configIdAfter: now } : {}) });
  }

  /** What the reader runs now, asked patiently (it may be restarting); undefined when it does not say. */
  private async readBackAfterFault(): Promise<string | null | undefined> {
    await this.closeSession();
    if (this.speed.report()?.outcome === 'lost') return undefined;
    try {
      this.session = await reconnectSession(this.port, { ...this.sessionOpts, baseTimeoutMs: this.opts.reconnectTimeoutMs });
      return await readConfigId(this.session);
    } catch {
      return undefined;
    }
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
