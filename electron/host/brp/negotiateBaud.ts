import * as Sys from '../../../shared/brp/commands/sys.ts';
import { BrpError, PortLostError, ReaderStatusError } from '../../../shared/brp/errors.ts';
import { DEFAULT_CWT_MS, fastestRateUpTo } from '../../../shared/brp/lineRates.ts';
import { answerMeansRestart } from '../../../shared/brp/readerRestart.ts';
import { SYS_STATUS } from '../../../shared/brp/status.ts';
import { isGroupStatus } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession } from './session.ts';

/** The highest rate ReaderDesk raises a serial link to unless told otherwise (brp.md 2.2, the SDK's fastest). */
export const DEFAULT_MAX_BAUD = 921600;

export interface BaudOptions {
  /** The highest rate this port may be raised to; the rate the port was opened at or less means "do not raise". */
  maxBaud?: number;
}

export type BaudOutcome =
  /** The link runs at the higher rate; closing the session puts the old one back unless the reader restarted. */
  | 'raised'
  /** TCP, USB HID: the link has no line speed. */
  | 'no-line-speed'
  /** The maximum is not above the rate the link runs at. */
  | 'at-maximum'
  /** The local port cannot run at the higher rate. */
  | 'port-refused'
  /** The reader refused Sys.SetCommParam (for example ErrInvalidCmd): it stays at its rate. */
  | 'reader-refused'
  /** The reader took the new rate but the link did not work with it: both went back to the old rate. */
  | 'fell-back';

export interface BaudNegotiation {
  outcome: BaudOutcome;
  /** The rate the link runs at now (undefined where it has none). */
  baud: number | undefined;
  /** The rate it ran at before. */
  from: number | undefined;
}

/**
 * Raises a serial link to the fastest rate the reader and the port allow (up to `maxBaud`), for
 * long transfers: Sys.SetCommParam at the old rate (the reader answers at the old rate and switches
 * afterwards), then the local port, then a harmless command proves the link. If it does not
 * answer, both sides go back to the old rate at once. Closing the session puts the old rate back,
 * unless the reader restarted meanwhile (an accepted upload, Sys.Reset), which restores its
 * configured rate by itself; a reconnect opens the port at the old rate again.
 */
export async function raiseBaudRate(session: BrpSession, opts: BaudOptions = {}): Promise<BaudNegotiation> {
  const from = session.baudRate;
  if (!session.canChangeBaudRate || from === undefined) return { outcome: 'no-line-speed', baud: from, from };
  const target = fastestRateUpTo(opts.maxBaud ?? DEFAULT_MAX_BAUD);
  if (target === undefined || target <= from) return { outcome: 'at-maximum', baud: from, from };
  return session.exclusive(async () => {
    // Make sure the local port can run at the rate before the reader is asked to.
    try {
      await session.setLocalBaudRate(target);
    } catch {
      await session.setLocalBaudRate(from);
      return { outcome: 'port-refused', baud: from, from };
    }
    await session.setLocalBaudRate(from);
    const cwtMs = await characterWaitingTime(session);
    try {
      await session.execute(Sys.SysSetCommParam, { baud: target, parity: 'none', cwtMs });
    } catch (err) {
      if (err instanceof ReaderStatusError) return { outcome: 'reader-refused', baud: from, from };
      if (!(err instanceof BrpError) || err instanceof PortLostError) throw err;
      // No usable answer: the reader may or may not have switched. Find out which rate it answers at.
      if (await answersAt(session, from)) return { outcome: 'fell-back', baud: from, from };
      if (!(await answersAt(session, target))) throw silentReader(session, target);
      return keepRaised(session, from, target, cwtMs);
    }
    if (await answersAt(session, target)) return keepRaised(session, from, target, cwtMs);
    // The link does not work at the new rate: go back at once.
    if (await answersAt(session, from)) return { outcome: 'fell-back', baud: from, from };
    await session.setLocalBaudRate(target);
    await session.execute(Sys.SysSetCommParam, { baud: from, parity: 'none', cwtMs }).catch(() => undefined);
    if (await answersAt(session, from)) return { outcome: 'fell-back', baud: from, from };
    throw silentReader(session, target);
  });
}

/** Registers putting the old rate back when the session closes, unless the reader restarts first. */
function keepRaised(session: BrpSession, from: number, target: number, cwtMs: number): BaudNegotiation {
  let restarted = false;
  const stopWatching = session.onAnswer((command, request, response) => {
    if (answerMeansRestart(command, request, response)) restarted = true;
  });
  session.beforeClose(async () => {
    stopWatching();
    if (restarted || session.baudRate === from) return;
    await session.exclusive(async () => {
      // Answered at the raised rate; the reader goes back to `from` from the next frame on.
      await session.execute(Sys.SysSetCommParam, { baud: from, parity: 'none', cwtMs });
      await session.setLocalBaudRate(from);
    });
  });
  return { outcome: 'raised', baud: target, from };
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

function silentReader(session: BrpSession, target: number): PortLostError {
  return new PortLostError(
    session.address,
    `the reader stopped answering after Sys.SetCommParam switched it to ${target} baud; it returns to its configured rate when it restarts (switch it off and on)`,
  );
}
