// The reader manager over real ptys: a reader whose Autoread is off (AR.ErrArDisabled) is said to be
// unable to report tamper alarms exactly once, while polling it and every other reader goes on.
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/contract.ts';
import { ReaderManager } from '../../electron/host/app/readerManager.ts';
import type { FrameLogEntry } from '../../electron/host/brp/frameLog.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator.ts';
import { tempDir } from '../helpers/processes.ts';

const sims: RunningSimulator[] = [];
let manager: ReaderManager | undefined;

afterAll(async () => {
  await manager?.closeAll();
  for (const s of sims) await s.stop();
});

async function until(pred: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 15_000;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** AR.GetMessage command frames sent to `address` (flags, then command code 0x0501). */
function getMessagePolls(frames: FrameLogEntry[], address: string): number {
  return frames.filter((f) => f.direction === 'out' && f.address === address && f.bytes[1] === 0x05 && f.bytes[2] === 0x01).length;
}

describe('tamper reporting per reader', () => {
  it('says once that a reader with Autoread off cannot report tamper alarms, and still gets the others\' alarms', async () => {
    const quiet = await startSimulator({ stateDir: tempDir('rd-tr-') });
    const watched = await startSimulator({ stateDir: tempDir('rd-tr-') });
    sims.push(quiet, watched);
    const frames: FrameLogEntry[] = [];
    manager = new ReaderManager({ pollMs: 100, frameLog: (e) => frames.push(e) });
    const events: AppEvent[] = [];
    manager.onEvent((e) => events.push(e));

    // Autoread switched off, as after AR.SetMode(Disabled) or a card-accessing command.
    quiet.reader.autoreadEnabled = false;
    const quietCard = await manager.connect(quiet.address);
    await manager.connect(watched.address);

    await until(() => events.some((e) => e.type === 'tamper-unavailable'), 'the tamper-unavailable event');
    const seen = getMessagePolls(frames, quiet.address);
    await until(() => getMessagePolls(frames, quiet.address) >= seen + 3, 'three more polls of the quiet reader');

    const unavailable = events.filter((e) => e.type === 'tamper-unavailable');
    expect(unavailable).toEqual([{ type: 'tamper-unavailable', readerId: quietCard.id, address: quiet.address, time: expect.any(Number), reason: 'autoread-disabled' }]);
    expect(manager.list().find((r) => r.id === quietCard.id)?.tamperReporting).toBe('autoread-disabled');

    watched.tamper();
    await until(() => events.some((e) => e.type === 'tamper'), 'the other reader\'s alarm');
    expect(events.find((e) => e.type === 'tamper')).toMatchObject({ address: watched.address, state: 'on' });
    expect(manager.list().find((r) => r.address === watched.address)?.tamperReporting).toBe('available');

    // Autoread back on: the card says so, and alarms arrive again.
    quiet.reader.autoreadEnabled = true;
    await until(() => manager!.list().find((r) => r.id === quietCard.id)?.tamperReporting === 'available', 'tamper reporting to come back');
    quiet.tamper();
    await until(() => events.some((e) => e.type === 'tamper' && e.address === quiet.address), 'the alarm of the reader whose Autoread is back');
  });
});
