import { AsyncLocalStorage } from 'node:async_hooks';
import { encodeCommandFrame, FrameReader, type ResponseFrame } from '../../../shared/brp/frame.ts';
import type { LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import type { AnyBrpCommand, BrpCommand } from '../../../shared/brp/command.ts';
import {
  BrpChecksumError,
  BrpError,
  BrpFrameError,
  BrpTimeoutError,
  FrameTooLargeError,
  PortLostError,
  ReaderStatusError,
  UnsupportedChecksumError,
  type PortLostReason,
} from '../../../shared/brp/errors.ts';
import { englishText, hostText, reasonOf } from '../../../shared/errors/hostError.ts';
import type { HostText } from '../../../shared/errors/hostText.ts';
import { describeStatus, GENERAL_STATUS } from '../../../shared/brp/status.ts';
import { commandName } from '../../../shared/brp/commands/index.ts';
import { SysCfgSetValue, SysGetBufferSize, type BufferSize } from '../../../shared/brp/commands/sys.ts';
import { fitsGuaranteedFrame, GUARANTEED_LIMITS, largestCommandFrame } from '../../../shared/brp/frameLimits.ts';
import type { Transport, Unsubscribe } from '../transport/transport.ts';
import { linkChecksumFor, type LinkChecksum } from '../transport/linkChecksum.ts';
import type { FrameLogSink } from './frameLog.ts';

export interface SessionOptions {
  /** The user's checksum for this port; without it the link's kind decides (see linkChecksum.ts). */
  checksum?: LinkChecksumKind;
  /** An already made choice, so a reconnect keeps the checksum of the first session. */
  linkChecksum?: LinkChecksum;
  /**
   * Baud rate the serial port is opened at; also the wire time added to each timeout on links that
   * have no line speed of their own. A reconnect opens at this rate again.
   */
  baudRate?: number;
  /** Extra time on top of each command's documented timeout: OS and USB latency. */
  timeoutMarginMs?: number;
  frameLog?: FrameLogSink;
}

/** The reader's frame limits as far as the session knows them. */
export interface FrameLimits extends BufferSize {
  /** False when the reader does not know Sys.GetBufferSize and only the guaranteed 128 bytes apply. */
  reported: boolean;
}

/** The sessions whose exclusive sequences the current async context runs inside, innermost first. */
interface SequenceOwners {
  readonly session: BrpSession;
  readonly outer: SequenceOwners | undefined;
}

/**
 * One store for every session. Each AsyncLocalStorage that has ever run stays on Node's list of
 * stores that every new promise copies from, so one per session made each round trip slower with
 * every session the host had opened (issue 13). The value is the chain of sessions whose sequence
 * the current code runs inside, so a sequence on one session never waits for itself and sequences
 * on different sessions stay independent. Only callers' sequences (`exclusive`) use it, and it is
 * switched off while none runs: while it is on, Node tracks every promise, which was a fifth of the
 * host's CPU in a deploy to 64 readers.
 */
const sequenceOwners = new AsyncLocalStorage<SequenceOwners>();
let openSequences = 0;

function ownsSequence(session: BrpSession): boolean {
  for (let o = sequenceOwners.getStore(); o; o = o.outer) if (o.session === session) return true;
  return false;
}

export type AnswerListener = (command: AnyBrpCommand, request: unknown, response: unknown) => void;

interface Pending {
  name: string;
  cmdCode: number;
  resolve: (frame: ResponseFrame) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A BRP session: one command in flight, a queue behind it, per-command timeouts, resync after
 * garbage or a bad checksum, and typed errors. It never retries on its own, because a repeated
 * Sys.CfgSetValue or upload block is not always harmless; callers decide.
 *
 * Answers are read by their length field alone, as BALTECH's host library does: the 20 ms
 * inter-byte gap is the reader's rule for frames it receives, and TCP or USB may deliver an answer
 * in pieces far apart. A partial frame is dropped when its command times out or the next command
 * starts, which is where the stream resynchronises after garbage.
 */
export class BrpSession {
  private readonly reader = FrameReader.forResponses();
  private readonly unsubscribe: Unsubscribe[] = [];
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private sequenceLock: Promise<void> = Promise.resolve();
  private lostReason: PortLostReason | undefined;
  private readonly lostListeners = new Set<(reason: string) => void>();
  private readonly answerListeners = new Set<AnswerListener>();
  private readonly closingSteps: (() => Promise<void>)[] = [];
  private closed = false;
  private limits: FrameLimits | undefined;
  readonly linkChecksum: LinkChecksum;

  constructor(readonly transport: Transport, private readonly options: SessionOptions = {}) {
    this.linkChecksum = options.linkChecksum ?? linkChecksumFor(transport.address, options.checksum);
    this.unsubscribe.push(transport.onData((bytes) => this.onBytes(bytes)));
    this.unsubscribe.push(transport.onLost((reason) => this.onLost(reason)));
  }

  get address(): string {
    return this.transport.address;
  }

  get checksum(): LinkChecksumKind {
    return this.linkChecksum.checksum;
  }

  /** What a new session to the same reader needs to speak the same way (after a restart). */
  get reopenOptions(): SessionOptions {
    return { linkChecksum: this.linkChecksum, baudRate: this.options.baudRate, timeoutMarginMs: this.options.timeoutMarginMs, frameLog: this.options.frameLog };
  }

  get isLost(): boolean {
    return this.lostReason !== undefined;
  }

  /** True once close() has been called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The line speed the wire time of each frame is counted at: the serial port's current rate. */
  get baudRate(): number | undefined {
    return this.transport.baudRate ?? this.options.baudRate;
  }

  /** Whether the local port's line speed can change (serial links; not TCP or USB HID). */
  get canChangeBaudRate(): boolean {
    return this.transport.setBaudRate !== undefined;
  }

  /**
   * Switches the local port to another line speed, between two frames: call it inside `exclusive`,
   * right after the reader has answered Sys.SetCommParam. Timeouts follow the new rate from the
   * next command on.
   */
  async setLocalBaudRate(baud: number): Promise<void> {
    if (!this.transport.setBaudRate) throw new Error(`${this.address} has no line speed to change`);
    if (this.lostReason !== undefined) throw new PortLostError(this.address, this.lostReason);
    this.reader.discardPartial();
    await this.transport.setBaudRate(baud);
  }

  /** Sees every decoded answer to a command from the table (what a reader said it will do, such as restart). */
  onAnswer(listener: AnswerListener): Unsubscribe {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  /**
   * A step that runs when the session is closed while the link is still up, before the port closes
   * (putting back a line speed). Steps run once, last added first; their failures are ignored.
   */
  beforeClose(step: () => Promise<void>): void {
    this.closingSteps.push(step);
  }

  onPortLost(listener: (reason: string) => void): Unsubscribe {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /**
   * Runs several commands as one uninterrupted sequence: commands other callers send meanwhile
   * (alarm polling, a second page) wait until it ends. Needed wherever a later command reads state
   * an earlier one set, such as CopyConfigKey followed by GetKeySig on the same key slot.
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (ownsSequence(this)) return fn();
    return this.locked(async () => {
      openSequences++;
      try {
        return await sequenceOwners.run({ session: this, outer: sequenceOwners.getStore() }, fn);
      } finally {
        if (--openSequences === 0) sequenceOwners.disable();
      }
    });
  }

  /** Waits for any sequence of this session to end, then runs `fn` alone. */
  private async locked<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.sequenceLock;
    let release!: () => void;
    this.sequenceLock = new Promise<void>((r) => (release = r));
    await before;
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** One command: at once inside the caller's own sequence, otherwise after any sequence of others. */
  private command<T>(job: () => Promise<T>): Promise<T> {
    return ownsSequence(this) ? this.enqueue(job) : this.locked(() => this.enqueue(job));
  }

  /**
   * The reader's frame limits, asked with Sys.GetBufferSize once per session. A firmware without the
   * command (ErrInvalidCmd) gets the 128 bytes every reader guarantees.
   */
  frameLimits(): Promise<FrameLimits> {
    // Asked before every upload block: once known, no trip through the command queue.
    if (this.limits) return Promise.resolve(this.limits);
    return this.command(() => this.knownLimits());
  }

  /** Runs one command from the command table and returns its decoded response. */
  execute<Req, Res>(command: BrpCommand<Req, Res>, request: Req, opts: { timeoutMs?: number } = {}): Promise<Res> {
    const payload = command.encodeRequest(request);
    return this.command(async () => {
      const frame = await this.exchange(command.name, command.code, payload, opts.timeoutMs ?? command.timeoutMs);
      if (frame.status !== 0) {
        const { name, text } = describeStatus(command.code, frame.status);
        throw new ReaderStatusError(command.name, command.code, frame.status, name, text);
      }
      let response: Res;
      try {
        response = command.decodeResponse(frame.payload);
      } catch (err) {
        throw err instanceof BrpError ? err : new BrpFrameError(hostText('brp.why.answer-unreadable', { command: command.name, reason: reasonOf(err) }));
      }
      for (const l of this.answerListeners) l(command, request, response);
      return response;
    });
  }

  /** Sends a raw command code and payload; status errors are returned, not thrown (CLI `brp`, diagnostics). */
  raw(cmdCode: number, payload: Uint8Array, timeoutMs = 1000): Promise<ResponseFrame> {
    return this.command(() => this.exchange(commandName(cmdCode), cmdCode, payload, timeoutMs));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const step of this.closingSteps.splice(0).reverse()) {
      if (this.lostReason === undefined) await step().catch(() => undefined);
    }
    for (const u of this.unsubscribe.splice(0)) u();
    this.failPending(new PortLostError(this.address, hostText('port.session-closed', {})));
    await this.transport.close();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private wireTimeMs(bytes: number): number {
    const baud = this.baudRate;
    return baud ? Math.ceil((bytes * 10 * 1000) / baud) : 0;
  }

  private async knownLimits(): Promise<FrameLimits> {
    if (this.limits) return this.limits;
    const frame = await this.exchange(SysGetBufferSize.name, SysGetBufferSize.code, new Uint8Array(0), SysGetBufferSize.timeoutMs);
    if (frame.status === GENERAL_STATUS.ErrInvalidCmd) {
      this.limits = { ...GUARANTEED_LIMITS, reported: false };
    } else if (frame.status !== 0) {
      const { name, text } = describeStatus(SysGetBufferSize.code, frame.status);
      throw new ReaderStatusError(SysGetBufferSize.name, SysGetBufferSize.code, frame.status, name, text);
    } else {
      this.limits = { ...SysGetBufferSize.decodeResponse(frame.payload), reported: true };
    }
    return this.limits;
  }

  /** Refuses a frame the reader could not take; asks for its limits only when a frame exceeds the guaranteed size. */
  private async checkFits(name: string, cmdCode: number, frameBytes: number): Promise<void> {
    if (fitsGuaranteedFrame(frameBytes, this.checksum)) return;
    // A frame the link cannot carry at all is refused by its transport, in its own words; the reader need not be asked.
    const linkMax = this.transport.maxFrameBytes;
    if (linkMax !== undefined && frameBytes > linkMax) return;
    const limits = await this.knownLimits();
    const largest = largestCommandFrame(limits, this.checksum);
    if (frameBytes <= largest) return;
    const advice =
      cmdCode === SysCfgSetValue.code
        ? hostText('brp.value-too-long', {})
        : undefined;
    throw new FrameTooLargeError(name, frameBytes, largest, limits.reported, advice);
  }

  private async exchange(name: string, cmdCode: number, payload: Uint8Array, timeoutMs: number): Promise<ResponseFrame> {
    if (this.lostReason !== undefined) throw new PortLostError(this.address, this.lostReason);
    const bytes = encodeCommandFrame({ cmdCode, payload, checksum: this.checksum });
    if (cmdCode !== SysGetBufferSize.code) await this.checkFits(name, cmdCode, bytes.length);
    if (this.lostReason !== undefined) throw new PortLostError(this.address, this.lostReason);
    // Whatever is left of an earlier answer cannot belong to this command: start clean.
    this.dropPartial(hostText('frame.dropped-before-command', {}));
    // The answer may be as long as the frame limit; count a generous response on the wire too.
    const total =
      timeoutMs + this.wireTimeMs(bytes.length + 300) + (this.options.timeoutMarginMs ?? 250) + (this.transport.roundTripMarginMs ?? 0);
    const answer = new Promise<ResponseFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending?.timer === timer) this.pending = undefined;
        this.dropPartial(hostText('frame.dropped-after-timeout', {}));
        reject(new BrpTimeoutError(name, timeoutMs));
      }, total);
      this.pending = { name, cmdCode, resolve, reject, timer };
    });
    // The answer may fail (port closed) before the caller awaits it, while the write is still under way.
    answer.catch(() => undefined);
    this.options.frameLog?.({ time: Date.now(), direction: 'out', address: this.address, bytes });
    try {
      await this.transport.write(bytes);
    } catch (err) {
      this.failPending(err as Error);
    }
    return answer;
  }

  private dropPartial(problem: HostText): void {
    if (!this.reader.hasPartial()) return;
    const dropped = this.reader.discardPartial();
    this.options.frameLog?.({ time: Date.now(), direction: 'in', address: this.address, bytes: dropped, problem });
  }

  private onBytes(bytes: Uint8Array): void {
    for (const ev of this.reader.push(bytes)) {
      const log = this.options.frameLog;
      switch (ev.kind) {
        case 'frame': {
          log?.({ time: Date.now(), direction: 'in', address: this.address, bytes: ev.raw });
          const p = this.pending;
          if (!p) break; // a late answer to a command that already timed out
          if (ev.frame.status === 0x40) break; // CmdWork: still running, keep waiting
          if (!sameCommand(p.cmdCode, ev.frame)) break; // answer to an earlier command: ignore
          this.settle((x) => x.resolve(ev.frame));
          break;
        }
        case 'bad-checksum':
          log?.({ time: Date.now(), direction: 'in', address: this.address, bytes: ev.raw, problem: hostText('frame.wrong-checksum', {}) });
          this.settle((x) => x.reject(new BrpChecksumError(ev.expected, ev.actual)));
          break;
        case 'unsupported-checksum':
          log?.({ time: Date.now(), direction: 'in', address: this.address, bytes: ev.raw, problem: hostText('frame.unsupported-checksum', {}) });
          this.settle((x) => x.reject(new UnsupportedChecksumError()));
          break;
        case 'malformed':
          log?.({ time: Date.now(), direction: 'in', address: this.address, bytes: ev.raw, problem: ev.text });
          break;
      }
    }
  }

  private settle(fn: (p: Pending) => void): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    fn(p);
  }

  private failPending(err: Error): void {
    this.settle((p) => p.reject(err));
  }

  private onLost(reason: PortLostReason): void {
    this.lostReason = reason;
    this.reader.discardPartial();
    this.failPending(new PortLostError(this.address, reason));
    const english = typeof reason === 'string' ? reason : englishText(reason);
    for (const l of [...this.lostListeners]) l(english);
  }
}

function sameCommand(cmdCode: number, frame: ResponseFrame): boolean {
  if (!frame.compressedCmdCode) return frame.cmdCode === cmdCode;
  const compressed = (((cmdCode >> 8) & 0x07) << 8) | (cmdCode & 0x1f);
  return frame.cmdCode === compressed || frame.cmdCode === cmdCode;
}
