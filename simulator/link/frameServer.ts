import { encodeResponseFrame, FrameReader, type CommandFrame } from '../../shared/brp/frame.ts';
import type { ChecksumKind } from '../../shared/brp/checksum.ts';
import type { BufferSize } from '../../shared/brp/commands/sys.ts';
import { GENERAL_STATUS } from '../../shared/brp/status.ts';
import type { ByteLink } from './byteLink.ts';

export interface CommandOutcome {
  status: number;
  payload?: Uint8Array;
  /** The reader answers first and then reboots (drops off the line for about a second). */
  reboot?: boolean;
}

export type CommandHandler = (frame: CommandFrame) => CommandOutcome | Promise<CommandOutcome>;

/** The reader's line settings as the frame server needs them (simulator/firmware/serialLine.ts). */
export interface LineTiming {
  /** The rate whose wire time is emulated now; undefined for none. */
  readonly wireBaud: number | undefined;
  /** The character waiting time now. */
  readonly cwtMs: number;
  /** An answer has left: settings changed by its command apply from now on. */
  answerSent(): void;
}

export interface FrameServerOptions {
  /** Emulate the wire time of this baud rate (8N1: 10 bit times per byte), unless `line` is given. */
  baud?: number;
  /** Line settings that can change at run time (Sys.SetCommParam); they decide wire time and character waiting time. */
  line?: LineTiming;
  interByteGapMs?: number;
  /**
   * The reader's frame buffer (Sys.GetBufferSize): a larger command frame gets ErrFrame, an answer
   * larger than the reader can send gets ErrResponseTooLong. Without it nothing is limited.
   */
  limits?: BufferSize;
  rebootMs?: number;
  onReboot?: () => void;
  /**
   * Reboot without the answer reaching the host, as a USB reader that re-enumerates with its last
   * bytes still in its buffer; lets tests check how the host copes with an unconfirmed upload.
   */
  rebootLosesAnswer?: boolean;
}

/**
 * The reader's side of the link: cuts the byte stream into command frames, answers malformed
 * ones the way brp.md 2.1 and 3.1 describe, runs one command at a time and echoes the host's
 * frame format in each answer.
 */
export class FrameServer {
  private readonly reader = FrameReader.forCommands();
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private busy: Promise<void> = Promise.resolve();
  private lastByteAt = 0;

  constructor(private readonly link: ByteLink, private readonly handler: CommandHandler, private readonly opts: FrameServerOptions = {}) {
    link.onData((bytes) => this.onBytes(bytes));
  }

  private onBytes(bytes: Uint8Array): void {
    clearTimeout(this.gapTimer);
    this.lastByteAt = Date.now();
    for (const ev of this.reader.push(bytes)) {
      switch (ev.kind) {
        case 'frame':
          if (this.opts.limits && ev.raw.length > this.opts.limits.maxSendSize) {
            // The frame overflowed the reader's receive buffer: what it kept of it is no valid frame.
            this.serialize(() => this.reply(ev.frame.cmdCode, GENERAL_STATUS.ErrFrame, ev.frame.checksum, ev.raw.length));
          } else {
            this.serialize(() => this.run(ev.frame, ev.raw.length));
          }
          break;
        case 'bad-checksum':
        case 'unsupported-checksum':
          this.serialize(() => this.reply(ev.cmdCode ?? 0, GENERAL_STATUS.ErrChecksum, 'none', ev.raw.length));
          break;
        case 'malformed':
          this.serialize(() => this.reply(0, GENERAL_STATUS.ErrFrame, 'none', ev.raw.length));
          break;
      }
    }
    if (this.reader.hasPartial()) {
      // A pause longer than the character waiting time ends the frame: it is incomplete.
      this.gapTimer = setTimeout(() => {
        const dropped = this.reader.discardPartial();
        const cmd = dropped.length >= 3 && dropped[0]! & 0x04 ? (dropped[1]! << 8) | dropped[2]! : 0;
        this.serialize(() => this.reply(cmd, GENERAL_STATUS.ErrFrame, 'none', dropped.length));
      }, this.opts.line?.cwtMs ?? this.opts.interByteGapMs ?? 20);
    }
  }

  private serialize(job: () => Promise<void>): void {
    this.busy = this.busy.then(job).catch(() => undefined);
  }

  private async run(frame: CommandFrame, requestLen: number): Promise<void> {
    let outcome: CommandOutcome;
    try {
      outcome = await this.handler(frame);
    } catch {
      outcome = { status: GENERAL_STATUS.ErrInvalidCmd };
    }
    const answer = (o: CommandOutcome) =>
      encodeResponseFrame({
        cmdCode: frame.cmdCode,
        status: o.status,
        payload: o.payload,
        checksum: frame.checksum === 'bcc16' ? 'none' : frame.checksum,
        compressedCmdCode: frame.compressedCmdCode,
        compressedLength: frame.compressedLength,
        phase: frame.mode === 'continuous' && o.status === 0 ? 'continuousEnd' : 'none',
      });
    let bytes = answer(outcome);
    const limits = this.opts.limits;
    if (limits && (bytes.length > limits.maxRecvSize || requestLen + bytes.length > limits.totalSize)) {
      bytes = answer({ status: GENERAL_STATUS.ErrResponseTooLong });
    }
    if (!(outcome.reboot && this.opts.rebootLosesAnswer)) await this.send(bytes, requestLen);
    if (outcome.reboot) await this.reboot();
  }

  /** Switched off and on: the reader drops off the line and comes back with its configured settings. */
  powerCycle(): Promise<void> {
    return new Promise<void>((resolve) => this.serialize(() => this.reboot().then(resolve)));
  }

  private async reboot(): Promise<void> {
    this.opts.onReboot?.();
    this.reader.discardPartial();
    await this.link.dropOff(this.opts.rebootMs ?? 1000);
  }

  private async reply(cmdCode: number, status: number, checksum: ChecksumKind, requestLen: number): Promise<void> {
    await this.send(encodeResponseFrame({ cmdCode, status, checksum }), requestLen);
  }

  /** Holds the answer back for the time the request and the answer spend on a wire of the emulated speed. */
  private async send(bytes: Uint8Array, requestLen: number): Promise<void> {
    const baud = this.opts.line ? this.opts.line.wireBaud : this.opts.baud;
    if (baud) {
      const wireMs = ((requestLen + bytes.length) * 10 * 1000) / baud;
      const elapsed = Date.now() - this.lastByteAt;
      const wait = wireMs - elapsed;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await this.link.write(bytes);
    this.opts.line?.answerSent();
  }
}
