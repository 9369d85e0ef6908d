import * as Sys from '../../../shared/brp/commands/sys.ts';
import { isUnsupportedCommand } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession } from '../brp/session.ts';
import { reconnectSession } from './reconnect.ts';
import { readReaderInfo, type ReaderInfo } from '../readers/readerInfo.ts';

export interface FactoryResetResult {
  /** What the reader reports after its restart. */
  info: ReaderInfo;
  /** 'legacy': the hardware lacks Sys.FactoryReset, so Sys.FactoryResetLegacy and Sys.Reset did it. */
  method: 'factory-reset' | 'legacy';
}

/**
 * Sys.FactoryReset with reboot: the configuration and its Config Security Code go, the customer
 * key stays. Where the reader lacks it (ErrInvalidCmd), Sys.FactoryResetLegacy and then Sys.Reset
 * (brp.md 4.5). Waits for the reader to come back and returns what it reports then.
 */
export async function factoryReset(session: BrpSession): Promise<FactoryResetResult> {
  const address = session.address;
  const reopen = session.reopenOptions;
  let method: FactoryResetResult['method'] = 'factory-reset';
  try {
    await session.execute(Sys.SysFactoryReset, { performReboot: true });
  } catch (err) {
    if (!isUnsupportedCommand(err)) throw err;
    method = 'legacy';
    await session.execute(Sys.SysFactoryResetLegacy, undefined);
    // The legacy reset leaves the configuration inconsistent until the reader restarts.
    await session.execute(Sys.SysReset, undefined);
  }
  await session.close();
  const fresh = await reconnectSession(address, reopen);
  try {
    return { info: await readReaderInfo(fresh), method };
  } finally {
    await fresh.close();
  }
}
