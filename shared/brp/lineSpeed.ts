// What happened to a serial link's speed during a long transfer (deploy, read-back): the rate it
// ran at, and the faster rates that were tried and did not work, so a user sees why.

/** Where a faster rate failed. */
export type RateFailure =
  /** The local port cannot run it (refused, or runs another rate); the reader was not asked. */
  | 'port'
  /** The reader refused it (a status other than "no such command"). */
  | 'reader'
  /** The reader took it, but the link did not carry it; both sides went back to the old rate. */
  | 'line'
  /** It worked at first and then failed during the transfer; the transfer went on slower. */
  | 'transfer';

export const RATE_FAILURES = ['port', 'reader', 'line', 'transfer'] as const satisfies readonly RateFailure[];

export interface LineSpeedReport {
  /** The rate the serial port was opened at: the reader's own rate before and after the transfer. */
  from: number;
  /** The rate the transfer ran at (the last one, where it changed on the way). */
  rate: number;
  /** The highest rate this port may be raised to. */
  maxBaud: number;
  /**
   * 'raised': the transfer ran faster than `from`. 'kept': it ran at `from`. 'lost': the reader
   * stopped answering at a raised rate and did not answer at `from` either (it may still run at
   * `rate` until it restarts).
   */
  outcome: 'raised' | 'kept' | 'lost';
  /** Why the rate was kept: the maximum is not above `from`, the reader cannot change its rate, or no faster rate worked. */
  keptBecause?: 'at-maximum' | 'reader-refused' | 'none-worked';
  /** Faster rates that did not work, in the order tried. */
  failed: { baud: number; where: RateFailure }[];
}

export const LINE_SPEED_OUTCOMES = ['raised', 'kept', 'lost'] as const satisfies readonly LineSpeedReport['outcome'][];
export const KEPT_BECAUSE = ['at-maximum', 'reader-refused', 'none-worked'] as const satisfies readonly NonNullable<LineSpeedReport['keptBecause']>[];

/** "921600", "921600 and 576000", "921600, 576000 and 500000". */
export function rateList(rates: readonly number[], and = 'and'): string {
  if (rates.length <= 1) return rates.join('');
  return `${rates.slice(0, -1).join(', ')} ${and} ${rates.at(-1)}`;
}

/** The failures in words, grouped by where they happened (English; the UI words them in its language). */
function failureClauses(failed: LineSpeedReport['failed']): string[] {
  const of = (where: RateFailure) => failed.filter((f) => f.where === where).map((f) => f.baud);
  const out: string[] = [];
  const port = of('port');
  const reader = of('reader');
  const line = of('line');
  const transfer = of('transfer');
  if (transfer.length) out.push(`the line failed at ${rateList(transfer)} during the transfer`);
  if (port.length) out.push(`this port cannot run ${rateList(port)}`);
  if (reader.length) out.push(`the reader refused ${rateList(reader)}`);
  if (line.length) out.push(`${rateList(line)} did not work on this line`);
  return out;
}

/** One English clause for the CLI and saved reports, e.g. "raised to 500000 baud (921600 and 576000 did not work on this line)". */
export function lineSpeedSentence(r: LineSpeedReport): string {
  const why = failureClauses(r.failed);
  const paren = (parts: string[]) => (parts.length ? ` (${parts.join('; ')})` : '');
  switch (r.outcome) {
    case 'raised':
      return `raised to ${r.rate} baud${paren(why)}`;
    case 'lost':
      return (
        `the reader stopped answering at ${r.rate} baud and did not answer at ${r.from} either${paren(why)}; ` +
        `switch it off and on to bring it back to its configured rate, and set a maximum below ${r.rate} for this port`
      );
    case 'kept':
      if (r.keptBecause === 'at-maximum') return `kept ${r.rate} baud (the maximum for this port is ${r.maxBaud})`;
      if (r.keptBecause === 'reader-refused') return `kept ${r.rate} baud${paren(['the reader does not change its rate', ...why])}`;
      return `kept ${r.rate} baud${paren(why)}`;
  }
}
