import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/api/contract.ts';
import { Listeners } from '../../../shared/listeners.ts';
import { streamEvents, type EventsMessage } from '../../../electron/host/app/eventStream.ts';
import { manualClock } from '../../helpers/manualClock.ts';

function setup() {
  const events = new Listeners<[AppEvent]>();
  const sent: EventsMessage[] = [];
  const { clock, advance } = manualClock();
  const stop = streamEvents({ onEvent: (l) => events.add(l) }, (m) => sent.push(m), { clock });
  return { emit: (e: AppEvent) => events.emit(e), sent, advance, stop };
}

const frame = (seq: number): AppEvent => ({
  type: 'frame',
  frame: { seq, time: seq, direction: 'out', address: '/dev/ttyUSB0', hex: '0C00040000', summary: 'Sys.GetInfo' },
});
const progress = (port: string, phase: 'uploading' | 'restarting', bytesDone: number): AppEvent => ({
  type: 'deploy-progress',
  jobId: 'j1',
  progress: { port, phase, bytesDone, bytesTotal: 1000 },
});

describe('the host\'s event stream (web shell and Electron IPC)', () => {
  it('sends an event after a quiet spell at once, and the rest at most once per 50 ms, in order and complete', () => {
    const { emit, sent, advance } = setup();
    emit(frame(1));
    expect(sent).toEqual([{ events: [frame(1)] }]);
    for (let seq = 2; seq <= 500; seq++) {
      emit(frame(seq));
      if (seq % 10 === 0) advance(1);
    }
    advance(50);
    // 500 events over about 100 ms: a handful of messages, every frame in order.
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.flatMap((m) => m.events)).toEqual(Array.from({ length: 500 }, (_, i) => frame(i + 1)));
  });

  it('keeps only the newest progress of a reader\'s phase, but every phase change and everything around it', () => {
    const { emit, sent, advance } = setup();
    emit(frame(1));
    emit(progress('a', 'uploading', 100));
    emit(progress('b', 'uploading', 100));
    emit(frame(2));
    emit(progress('a', 'uploading', 200));
    emit(progress('a', 'restarting', 1000));
    emit(progress('b', 'uploading', 300));
    advance(50);
    expect(sent.flatMap((m) => m.events)).toEqual([
      frame(1),
      frame(2),
      progress('a', 'uploading', 200),
      progress('a', 'restarting', 1000),
      progress('b', 'uploading', 300),
    ]);
  });

  it('sends nothing after the client has gone', () => {
    const { emit, sent, advance, stop } = setup();
    emit(frame(1));
    emit(frame(2));
    stop();
    emit(frame(3));
    advance(100);
    expect(sent.flatMap((m) => m.events)).toEqual([frame(1)]);
  });
});
