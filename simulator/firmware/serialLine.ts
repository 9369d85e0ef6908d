import type { CommParams } from '../../shared/brp/commands/sys.ts';
import { DEFAULT_CWT_MS, DEFAULT_LINE_RATE } from '../../shared/brp/lineRates.ts';

/**
 * The reader's serial line settings. Sys.SetCommParam changes them volatilely: its own answer still
 * leaves at the old settings, the new ones apply from the next command frame, and a restart brings
 * back the configured ones (brp.md 2.2). A pty carries bytes at any speed, so the line speed is only
 * felt where the wire time is emulated (`simulate --baud N`, which is also the configured rate).
 */
export class SerialLine {
  private pending: CommParams | undefined;
  private settings: CommParams;

  constructor(
    /** The rate the reader runs at after a restart. */
    readonly configuredBaud: number = DEFAULT_LINE_RATE,
    /** Whether the frame server holds answers back for the wire time of the current rate. */
    private readonly emulated = false,
  ) {
    this.settings = this.configured();
  }

  get baud(): number {
    return this.settings.baud;
  }

  get parity(): CommParams['parity'] {
    return this.settings.parity;
  }

  /** The character waiting time: a longer pause ends a command frame as incomplete. */
  get cwtMs(): number {
    return this.settings.cwtMs;
  }

  /** The rate whose wire time the frame server emulates; undefined when it does not emulate one. */
  get wireBaud(): number | undefined {
    return this.emulated ? this.settings.baud : undefined;
  }

  /** Sys.SetCommParam: the settings change once its answer has left. */
  change(params: CommParams): void {
    this.pending = { ...params };
  }

  /** Called by the frame server after each answer has left the reader. */
  answerSent(): void {
    if (!this.pending) return;
    this.settings = this.pending;
    this.pending = undefined;
  }

  restarted(): void {
    this.pending = undefined;
    this.settings = this.configured();
  }

  private configured(): CommParams {
    return { baud: this.configuredBaud, parity: 'none', cwtMs: DEFAULT_CWT_MS };
  }
}
