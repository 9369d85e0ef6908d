import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../../../shared/api/contract.ts';
import { FrameMatches, FrameStore, frameFilter } from '../../../renderer/src/views/frames/frameStore.ts';

const frame = (seq: number, address = 'tcp://a:1', summary = 'Sys.GetInfo'): FrameRecord => ({
  seq,
  time: seq,
  direction: seq % 2 ? 'out' : 'in',
  address,
  hex: '0C00040000',
  summary,
});

const newestSeqs = (m: FrameMatches) => Array.from({ length: m.length }, (_, i) => m.newest(i).seq);

describe('the frame log page\'s store', () => {
  it('keeps the newest frames up to its capacity, and the readers that still have frames', () => {
    const store = new FrameStore(5);
    store.add([frame(1, 'x'), frame(2, 'y'), frame(3, 'y')]);
    expect(store.addresses()).toEqual(['x', 'y']);
    store.add([frame(4, 'z'), frame(5, 'z'), frame(6, 'z'), frame(7, 'z')]);
    expect(store.size).toBe(5);
    expect(Array.from({ length: store.size }, (_, i) => store.get(store.first + i).seq)).toEqual([3, 4, 5, 6, 7]);
    expect(store.addresses()).toEqual(['y', 'z']);
    expect(store.lastSeq).toBe(7);
  });

  it('filters new frames as they come and forgets matches the ring dropped', () => {
    const store = new FrameStore(6);
    const polling = frameFilter({ reader: '', direction: '', text: '', hidePolling: true });
    const matches = new FrameMatches(store, polling);
    expect(matches.length).toBe(0);
    store.add([frame(1), frame(2, 'a', 'AR.GetMessage'), frame(3), frame(4)]);
    matches.update();
    expect(newestSeqs(matches)).toEqual([4, 3, 1]);
    store.add([frame(5, 'a', 'AR.GetMessage'), frame(6), frame(7), frame(8)]);
    matches.update();
    // 1 and 2 left the ring; 3 and 4 are still there.
    expect(newestSeqs(matches)).toEqual([8, 7, 6, 4, 3]);
  });

  it('matches text in the meaning, the problem and the hex, and by reader and direction', () => {
    const store = new FrameStore();
    store.add([frame(1), { ...frame(2, 'b'), problem: 'wrong checksum' }, { ...frame(3), hex: '2CF011AB' }]);
    const seqs = (f: Parameters<typeof frameFilter>[0]) => newestSeqs(new FrameMatches(store, frameFilter(f)));
    const all = { reader: '', direction: '' as const, text: '', hidePolling: false };
    expect(seqs({ ...all, text: 'CHECKSUM' })).toEqual([2]);
    expect(seqs({ ...all, text: 'f0 11' })).toEqual([3]);
    expect(seqs({ ...all, reader: 'b' })).toEqual([2]);
    expect(seqs({ ...all, direction: 'out' })).toEqual([3, 1]);
  });

  it('freezes a copy for Pause that later frames do not change', () => {
    const store = new FrameStore(3);
    store.add([frame(1), frame(2)]);
    const frozen = store.freeze();
    store.add([frame(3), frame(4), frame(5)]);
    const all = frameFilter({ reader: '', direction: '', text: '', hidePolling: false });
    expect(newestSeqs(new FrameMatches(frozen, all))).toEqual([2, 1]);
    expect(newestSeqs(new FrameMatches(store, all))).toEqual([5, 4, 3]);
  });

  it('holds 100,000 frames and filters a new one without walking the log', () => {
    const store = new FrameStore();
    const batch = Array.from({ length: 120_000 }, (_, i) => frame(i + 1));
    store.add(batch);
    expect(store.size).toBe(100_000);
    let looked = 0;
    const matches = new FrameMatches(store, () => (looked++, true));
    expect(looked).toBe(100_000);
    store.add([frame(120_001)]);
    matches.update();
    expect(looked).toBe(100_001);
    expect(matches.length).toBe(100_000);
    expect(matches.newest(0).seq).toBe(120_001);
  });
});
