import type { LineSpeedReport } from '../../../shared/brp/lineSpeed.ts';
import { LineSpeedTracker } from '../brp/lineSpeedTracker.ts';
import type { BrpSession } from '../brp/session.ts';
import { readBackValues, type ReadBack } from './readBack.ts';

/**
 * A read-back on a session that stays open (the app's reader link): one round trip per value, so a
 * serial link is raised for it (up to the port's maximum) and put back to its own rate at once
 * afterwards, for the tamper polling that goes on there.
 */
export async function readBackAtSpeed(session: BrpSession, maxBaud: number | undefined): Promise<ReadBack & { lineSpeed?: LineSpeedReport }> {
  const speed = new LineSpeedTracker(maxBaud);
  await speed.raise(session);
  try {
    const readBack = await readBackValues(session);
    const lineSpeed = speed.report();
    return lineSpeed ? { ...readBack, lineSpeed } : readBack;
  } finally {
    await speed.release().catch(() => undefined);
  }
}
