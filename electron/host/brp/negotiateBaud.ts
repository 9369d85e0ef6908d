import * as Sys from '../../../shared/brp/commands/sys.ts';
import { BrpError, PortLostError, ReaderStatusError } from '../../../shared/brp/errors.ts';
import { hostText } from '../../../shared/errors/hostError.ts';
import { DEFAULT_CWT_MS, DEFAULT_MAX_BAUD, ratesBetween } from '../../../shared/brp/lineRates.ts';
import type { RateFailure } from '../../../shared/brp/lineSpeed.ts';
import { answerMeansRestart } from '../../../shared/brp/readerRestart.ts';
import { GENERAL_STATUS, SYS_STATUS } from '../../../shared/brp/status.ts';
import { isGroupStatus } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession } from './session.ts';

export { DEFAULT_MAX_BAUD };

/**
 * At most this many rates are tried with the reader per negotiation (Sys.SetCommParam sent). A rate
 * the local port cannot run costs no round trip and does not count. With the enumeration's three
 * rates above 115200 this tries each of them; from a slower rate it stops after the three fastest.
 */
export const MAX_RATES_TRIED = 3;

export interface BaudOptions {
  /** The highest rate this port may be raised to; the rate the port was opened at or less means "do not raise". */
  maxBaud?: number;
}

export type BaudOutcome =
  /** The link runs at a higher rate; closing the session (or `restore`) puts the old one back unless the reader restarted. */
  | 'raised'
  /** TCP, USB HID: the link has no line speed. */
  | 'no-line-speed'
  /** The maximum is not above the rate the link runs at. */
  | 'at-maximum'
  /** The local port cannot run any faster rate that was tried. */
  | 'port-refused'
  /** The reader refused Sys.SetCommParam (ErrInvalidCmd: it lacks the command), or refused every rate tried. */
  | 'reader-refused'
  /** No faster rate worked on the link: both sides went back to the old rate after each. */
  | 'fell-back';

export interface BaudNegotiation {
  outcome: BaudOutcome;
  /** The rate the link runs at now (undefined where it has none). */
  baud: number | undefined;
  /** The rate it ran at before. */
  from: number | undefined;
  /** Faster rates that were tried and did not work, fastest first. */
  failed: { baud: number; where: RateFailure }[];
  /** Puts the old rate back now, as closing the session would; nothing after a restart, or when it is back already. */
  restore(): Promise<void>;
}

/**
 * The reader stopped answering at a rate it was switched to and does not answer at the old rate
 * either: Sys.SetCommParam's change lasts until the reader restarts (brp.md 2.2), so only a restart
 * (switching it off and on) brings back its configured rate.
 */
export class LineSpeedLostError extends PortLostError {
  /** Faster rates that had failed before, in the order tried. */
  readonly failedBefore: { baud: number; where: RateFailure }[] = [];
  constructor(
    port: string,
    /** The rate the reader was last switched to. */
    readonly baud: number,
    /** The rate it ran at before. */
    readonly from: number,
  ) {
    super(port, hostText('port.rate-lost', { baud: String(baud), from: String(from) }));
  }
}

const nothingToRestore = async (): Promise<void> => undefined;

/**
 * Raises a serial link to the fastest rate the reader and the line allow (up to `maxBaud`), for
 * long transfers, stepping down through the SDK's rates when one does not work. For each rate,
 * fastest first: the local port is tried (a port that cannot run it costs no round trip), then
 * Sys.SetCommParam at the old rate (the reader answers at the old rate and switches afterwards),
 * then the local port follows and Sys.GetBootStatus proves the link. If it does not answer, both
 * sides go back to the old rate at once, and the next slower rate is tried; at most
 * MAX_RATES_TRIED rates are tried with the reader. Closing the session puts the old rate back,
 * unless the reader restarted meanwhile (an accepted upload, Sys.Reset), which restores its
 * configured rate by itself; a reconnect opens the port at the old rate again.
 *
 * Throws LineSpeedLostError when the reader answers neither at the new rate nor at the old one.
 */
export async function raiseBaudRate(session: BrpSession, opts: BaudOptions = {}): Promise<BaudNegotiation> {
  const from = session.baudRate;
  const kept = (outcome: BaudOutcome, failed: BaudNegotiation['failed'] = []): BaudNegotiation => ({ outcome, baud: from, from, failed, restore: nothingToRestore });
  if (!session.canChangeBaudRate || from === undefined) return kept('no-line-speed');
  const candidates = ratesBetween(from, opts.maxBaud ?? DEFAULT_MAX_BAUD);
  if (candidates.length === 0) return kept('at-maximum');
  return session.exclusive(async () => {
    const failed: BaudNegotiation['failed'] = [];
    let outcome: BaudOutcome = 'port-refused';
    let cwtMs: number | undefined;
    let tried = 0;
    for (const target of candidates) {
      if (tried === MAX_RATES_TRIED) break;
      if (!(await portRuns(session, target, from))) {
        failed.push({ baud: target, where: 'port' });
        continue;
      }
      cwtMs ??= await characterWaitingTime(session);
      tried++;
      let step: Step;
      try {
        step = await tryRate(session, from, target, cwtMs);
      } catch (err) {
        if (err instanceof LineSpeedLostError) err.failedBefore.push(...failed);
        throw err;
      }
      if (step === 'raised') return keepRaised(session, from, target, cwtMs, failed);
      if (step === 'lacks-command') return kept('reader-refused', failed);
      failed.push({ baud: target, where: step === 'reader-refused' ? 'reader' : 'line' });
      outcome = step;
    }
    return kept(outcome, failed);
  });
}

/** Whether the local port can run `target` (it is switched back to `from` either way), before the reader is asked. */
async function portRuns(session: BrpSession, target: number, from: number): Promise<boolean> {
  let runs = true;
  try {
    await session.setLocalBaudRate(target);
  } catch (err) {
    if (session.isLost) throw err;
    runs = false;
  }
  await session.setLocalBaudRate(from);
  return runs;
}

type Step = 'raised' | 'lacks-command' | 'reader-refused' | 'fell-back';

/** One rate: ask the reader, follow it, prove the link; go back to `from` at once when it does not work. */
async function tryRate(session: BrpSession, from: number, target: number, cwtMs: number): Promise<Step> {
  try {
    await session.execute(Sys.SysSetCommParam, { baud: target, parity: 'none', cwtMs });
  } catch (err) {
    if (err instanceof ReaderStatusError) return err.status === GENERAL_STATUS.ErrInvalidCmd ? 'lacks-command' : 'reader-refused';
    if (!(err instanceof BrpError) || err instanceof PortLostError) throw err;
    // No usable answer: the reader may or may not have switched. Find out which rate it answers at.
    if (await answersAt(session, from)) return 'fell-back';
    if (await answersAt(session, target)) return 'raised';
    throw new LineSpeedLostError(session.address, target, from);
  }
  if (await answersAt(session, target)) return 'raised';
  if (await returnTo(session, from, target, cwtMs)) return 'fell-back';
  throw new LineSpeedLostError(session.address, target, from);
}

/**
 * Brings both sides back to `from` when the link does not work at `raised`: the old rate first (the
 * reader may not have switched), then Sys.SetCommParam back at the raised rate (its answer may be
 * lost; the reader switches anyway) and the old rate again. True when the reader answers at `from`.
 */
async function returnTo(session: BrpSession, from: number, raised: number, cwtMs: number): Promise<boolean> {
  if (await answersAt(session, from)) return true;
  await session.setLocalBaudRate(raised);
  await session.execute(Sys.SysSetCommParam, { baud: from, parity: 'none', cwtMs }).catch((err: unknown) => {
    if (err instanceof PortLostError) throw err;
  });
  return answersAt(session, from);
}

/** Registers putting the old rate back when the session closes (or on `restore`), unless the reader restarts first. */
function keepRaised(session: BrpSession, from: number, target: number, cwtMs: number, failed: BaudNegotiation['failed']): BaudNegotiation {
  let restarted = false;
  const stopWatching = session.onAnswer((command, request, response) => {
    if (answerMeansRestart(command, request, response)) restarted = true;
  });
  let restoring: Promise<void> | undefined;
  const restore = (): Promise<void> =>
    (restoring ??= (async () => {
      stopWatching();
      if (restarted || session.isLost || session.baudRate === from) return;
      await session.exclusive(async () => {
        try {
          // Answered at the raised rate; the reader goes back to `from` from the next frame on.
          await session.execute(Sys.SysSetCommParam, { baud: from, parity: 'none', cwtMs });
          await session.setLocalBaudRate(from);
          return;
        } catch (err) {
          if (err instanceof ReaderStatusError || err instanceof PortLostError || !(err instanceof BrpError)) throw err;
        }
        // The answer was lost on the line: find the reader, and bring it back if it is still at the raised rate.
        if (!(await returnTo(session, from, target, cwtMs))) throw new LineSpeedLostError(session.address, target, from);
      });
    })());
  session.beforeClose(restore);
  return { outcome: 'raised', baud: target, from, failed, restore };
}

/** Switches the local port to `baud` and asks the reader something harmless; true when it answers. */
async function answersAt(session: BrpSession, baud: number): Promise<boolean> {
  await session.setLocalBaudRate(baud);
  try {
    await session.execute(Sys.SysGetBootStatus, undefined);
    return true;
  } catch (err) {
    if (err instanceof PortLostError) throw err;
    return false;
  }
}

/**
 * The reader's configured character waiting time (Protocols/BrpSerial/InterbyteTimeout, 0x0103/0x03:
 * 16-bit, or 8-bit in the legacy format), so the new rate keeps it; 20 ms when it is not configured.
 */
async function characterWaitingTime(session: BrpSession): Promise<number> {
  try {
    const { content } = await session.execute(Sys.SysCfgGetValue, { key: 0x0103, value: 0x03 });
    const ms = content.length === 1 ? content[0]! : content.length === 2 ? (content[0]! << 8) | content[1]! : DEFAULT_CWT_MS;
    return Math.min(255, Math.max(1, ms));
  } catch (err) {
    if (err instanceof ReaderStatusError || isGroupStatus(err, 'Sys', SYS_STATUS.ErrCfgNotFound)) return DEFAULT_CWT_MS;
    throw err;
  }
}
