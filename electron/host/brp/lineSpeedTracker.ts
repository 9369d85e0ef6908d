import type { LineSpeedReport, RateFailure } from '../../../shared/brp/lineSpeed.ts';
import { DEFAULT_MAX_BAUD, LineSpeedLostError, raiseBaudRate, type BaudNegotiation } from './negotiateBaud.ts';
import type { BrpSession } from './session.ts';

/**
 * The line speed of one long transfer (a deploy, a read-back) across the sessions it may need:
 * raises the link, steps down when the raised rate fails during the transfer, and tells at the end
 * what happened (`report`), so the result can say it.
 */
export class LineSpeedTracker {
  private from: number | undefined;
  private last: BaudNegotiation | undefined;
  private readonly failures: { baud: number; where: RateFailure }[] = [];
  private lostAt: number | undefined;
  /** The highest rate still allowed: lowered below a rate that failed during the transfer. */
  private cap: number;

  constructor(private readonly maxBaud: number = DEFAULT_MAX_BAUD) {
    this.cap = maxBaud;
  }

  /** The rate the link was raised to, while it is; undefined when it runs at the rate it was opened at. */
  get raisedRate(): number | undefined {
    return this.last?.outcome === 'raised' ? this.last.baud : undefined;
  }

  /** Raises a (new) session's link as far as still allowed; throws LineSpeedLostError as raiseBaudRate does. */
  async raise(session: BrpSession): Promise<BaudNegotiation> {
    this.from ??= session.baudRate;
    try {
      const n = await raiseBaudRate(session, { maxBaud: this.cap });
      this.failures.push(...n.failed);
      this.last = n;
      return n;
    } catch (err) {
      if (err instanceof LineSpeedLostError) this.lost(err, err.failedBefore);
      throw err;
    }
  }

  /**
   * The raised rate failed during the transfer (a lost or damaged answer): both sides go back to the
   * old rate on the same link, and the slower rates are tried. Throws LineSpeedLostError when the
   * reader answers at neither rate. Any other failure of the new attempt leaves the link at the old rate.
   */
  async stepDown(session: BrpSession): Promise<void> {
    const rate = this.raisedRate;
    if (rate === undefined) return;
    this.failures.push({ baud: rate, where: 'transfer' });
    this.cap = rate - 1;
    await this.release();
    try {
      await this.raise(session);
    } catch (err) {
      if (err instanceof LineSpeedLostError) throw err;
    }
  }

  /** Puts the old rate back now (before a session is closed on purpose); remembers a reader lost on the way. */
  async release(): Promise<void> {
    const n = this.last;
    if (n?.outcome !== 'raised') return;
    try {
      await n.restore();
    } catch (err) {
      if (err instanceof LineSpeedLostError) this.lost(err, []);
      throw err;
    }
  }

  private lost(err: LineSpeedLostError, before: { baud: number; where: RateFailure }[]): void {
    this.failures.push(...before);
    this.lostAt = err.baud;
  }

  /** What happened to the line speed, for the result; undefined where the link has none (TCP, USB HID) or nothing was tried. */
  report(): LineSpeedReport | undefined {
    const from = this.from;
    if (from === undefined) return undefined;
    const failed = [...this.failures];
    if (this.lostAt !== undefined) return { from, rate: this.lostAt, maxBaud: this.maxBaud, outcome: 'lost', failed };
    const n = this.last;
    if (!n || n.outcome === 'no-line-speed' || n.baud === undefined) return undefined;
    if (n.outcome === 'raised') return { from, rate: n.baud, maxBaud: this.maxBaud, outcome: 'raised', failed };
    const lacksCommand = n.outcome === 'reader-refused' && !n.failed.some((f) => f.where === 'reader');
    const keptBecause = lacksCommand ? 'reader-refused' : failed.length ? 'none-worked' : 'at-maximum';
    return { from, rate: n.baud, maxBaud: this.maxBaud, outcome: 'kept', keptBecause, failed };
  }
}
