import * as Sys from '../../../shared/brp/commands/sys.ts';
import type { BrpSession, SessionOptions } from '../brp/session.ts';
import { openSession } from '../readers/openSession.ts';
import { PortLostError } from '../../../shared/brp/errors.ts';

/**
 * Waits for a rebooting reader and opens a new session (brp.md 2.4): wait ~100 ms, then try every
 * 100 ms; only a command that gets an answer counts, an open port proves nothing.
 */
export async function reconnectSession(address: string, opts: SessionOptions & { timeoutMs?: number } = {}): Promise<BrpSession> {
  const until = Date.now() + (opts.timeoutMs ?? 15_000);
  let last = 'the reader did not come back';
  await sleep(100);
  while (Date.now() < until) {
    let s: BrpSession | undefined;
    try {
      s = await openSession(address, opts);
      await s.execute(Sys.SysGetInfo, undefined);
      return s;
    } catch (err) {
      last = (err as Error).message;
      await s?.close().catch(() => undefined);
      await sleep(100);
    }
  }
  throw new PortLostError(address, `the reader did not come back after its restart (${last})`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
