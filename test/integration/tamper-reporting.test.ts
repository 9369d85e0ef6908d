// The reader manager over real ptys: a reader whose Autoread is off (AR.ErrArDisabled) is said to be
// unable to report tamper alarms exactly once, while polling it and every other reader goes on.
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/contract.ts';
import { ReaderManager } from '../../electron/host/app/readerManager.ts';
import type { FrameLogEntry } from '../../electron/host/brp/frameLog.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { waitUntil } from '../helpers/waitUntil.ts';

// The readers stop after the manager (closed by the later hook) let go of them.
const readers = virtualReaders();
let manager: ReaderManager | undefined;

afterAll(async () => {
  await manager?.closeAll();
});

/** AR.GetMessage command frames sent to `address` (flags, then command code 0x0501). */
function getMessagePolls(frames: FrameLogEntry[], address: string): number {
  return frames.filter((f) => f.direction === 'out' && f.address === address && f.bytes[1] === 0x05 && f.bytes[2] === 0x01).length;
}

describe('tamper reporting per reader', () => {
  it('says once that a reader with Autoread off cannot report tamper alarms, and still gets the others\' alarms', async () => {
    const quiet = await readers.start();
    const watched = await readers.start();
    const frames: FrameLogEntry[] = [];
    manager = new ReaderManager({ pollMs: 100, frameLog: (e) => frames.push(e) });
    const events: AppEvent[] = [];
    manager.onEvent((e) => events.push(e));

    // Autoread switched off, as after AR.SetMode(Disabled) or a card-accessing command.
    quiet.reader.autoreadEnabled = false;
    const quietCard = await manager.connect(quiet.address);
    await manager.connect(watched.address);

    await waitUntil('the tamper-unavailable event', () => events.some((e) => e.type === 'tamper-unavailable'));
    const seen = getMessagePolls(frames, quiet.address);
    await waitUntil('three more polls of the quiet reader', () => getMessagePolls(frames, quiet.address) >= seen + 3);

    const unavailable = events.filter((e) => e.type === 'tamper-unavailable');
    expect(unavailable).toEqual([{ type: 'tamper-unavailable', readerId: quietCard.id, address: quiet.address, time: expect.any(Number), reason: 'autoread-disabled' }]);
    expect(manager.list().find((r) => r.id === quietCard.id)?.tamperReporting).toBe('autoread-disabled');

    watched.tamper();
    await waitUntil('the other reader\'s alarm', () => events.some((e) => e.type === 'tamper'));
    expect(events.find((e) => e.type === 'tamper')).toMatchObject({ address: watched.address, state: 'on' });
    expect(manager.list().find((r) => r.address === watched.address)?.tamperReporting).toBe('available');

    // Autoread back on: the card says so, and alarms arrive again.
    quiet.reader.autoreadEnabled = true;
    await waitUntil('tamper reporting to come back', () => manager!.list().find((r) => r.id === quietCard.id)?.tamperReporting === 'available');
    quiet.tamper();
    await waitUntil('the alarm of the reader whose Autoread is back', () => events.some((e) => e.type === 'tamper' && e.address === quiet.address));
  });
});
