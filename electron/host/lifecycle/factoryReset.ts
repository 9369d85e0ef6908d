import * as Sys from '../../../shared/brp/commands/sys.ts';
import type { BrpSession } from '../brp/session.ts';
import { reconnectSession } from './reconnect.ts';
import { readReaderInfo, type ReaderInfo } from '../readers/readerInfo.ts';

/**
 * Sys.FactoryReset with reboot: the configuration and its Config Security Code go, the customer
 * key stays. Waits for the reader to come back and returns what it reports then.
 */
export async function factoryReset(session: BrpSession): Promise<ReaderInfo> {
  const address = session.address;
  const reopen = session.reopenOptions;
  await session.execute(Sys.SysFactoryReset, { performReboot: true });
  await session.close();
  const fresh = await reconnectSession(address, reopen);
  try {
    return await readReaderInfo(fresh);
  } finally {
    await fresh.close();
  }
}
