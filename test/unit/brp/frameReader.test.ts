import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../../../shared/bytes.ts';
import { encodeCommandFrame, encodeResponseFrame, FrameReader } from '../../../shared/brp/frame.ts';

const INFO = new TextEncoder().encode('1100 IDE Z     1.14.00 12/18/19 43893126\0');
const infoResponse = () => encodeResponseFrame({ cmdCode: 0x0004, payload: INFO });

describe('FrameReader', () => {
  it('assembles a frame that arrives one byte at a time and keeps the partial frame in between', () => {
    const reader = FrameReader.forResponses();
    const bytes = infoResponse();
    for (let i = 0; i < bytes.length - 1; i++) {
      expect(reader.push(bytes.subarray(i, i + 1))).toEqual([]);
      expect(reader.hasPartial()).toBe(true);
    }
    const events = reader.push(bytes.subarray(bytes.length - 1));
    expect(events).toHaveLength(1);
    expect(events[0]!.kind).toBe('frame');
    if (events[0]!.kind === 'frame') {
      expect(events[0]!.frame.payload).toEqual(INFO);
      expect(events[0]!.raw).toEqual(bytes);
    }
    expect(reader.hasPartial()).toBe(false);
  });

  it('assembles a frame split across uneven chunks', () => {
    const reader = FrameReader.forResponses();
    const bytes = infoResponse();
    expect(reader.push(bytes.subarray(0, 2))).toEqual([]); // inside the header
    expect(reader.push(bytes.subarray(2, 30))).toEqual([]);
    const events = reader.push(bytes.subarray(30));
    expect(events.map((e) => e.kind)).toEqual(['frame']);
  });

  it('returns two frames that arrive in one chunk, in order', () => {
    const reader = FrameReader.forCommands();
    const a = encodeCommandFrame({ cmdCode: 0x0004 });
    const b = encodeCommandFrame({ cmdCode: 0x0008, payload: fromHex('06 20 01'), checksum: 'none' });
    const events = reader.push(concatBytes(a, b));
    expect(events.map((e) => (e.kind === 'frame' ? e.frame.cmdCode : e.kind))).toEqual([0x0004, 0x0008]);
    expect(reader.hasPartial()).toBe(false);
  });

  it('reports garbage bytes that cannot start a frame and then finds the frame behind them', () => {
    const reader = FrameReader.forCommands();
    const events = reader.push(concatBytes(fromHex('FF C3 47'), encodeCommandFrame({ cmdCode: 0x0005 })));
    expect(events.map((e) => e.kind)).toEqual(['malformed', 'malformed', 'malformed', 'frame']);
    expect(events[0]).toMatchObject({ kind: 'malformed', raw: fromHex('FF') });
    expect((events[0] as { reason: string }).reason).toMatch(/reserved bits/);
    const last = events[3]!;
    expect(last.kind === 'frame' && last.frame.cmdCode).toBe(0x0005);
  });

  it('skips response garbage with an undefined phase', () => {
    const reader = FrameReader.forResponses();
    const events = reader.push(concatBytes(fromHex('13 07'), infoResponse()));
    expect(events.map((e) => e.kind)).toEqual(['malformed', 'malformed', 'frame']);
  });

  it('reports a bad checksum with both values and still reads the good frame that follows', () => {
    const reader = FrameReader.forResponses();
    const bad = infoResponse();
    bad[10]! ^= 0x20; // one flipped bit in the payload
    const events = reader.push(concatBytes(bad, infoResponse()));
    expect(events.map((e) => e.kind)).toEqual(['bad-checksum', 'frame']);
    expect(events[0]).toMatchObject({ kind: 'bad-checksum', cmdCode: 0x0004, actual: 0xe884 });
    expect((events[0] as { expected: number }).expected).not.toBe(0xe884);
  });

  it('reports a BCC16 frame as unsupported and skips its two checksum bytes', () => {
    const reader = FrameReader.forCommands();
    const events = reader.push(concatBytes(fromHex('3C 00 04 00 00 AB CD'), encodeCommandFrame({ cmdCode: 3 })));
    expect(events.map((e) => e.kind)).toEqual(['unsupported-checksum', 'frame']);
    expect(events[0]).toMatchObject({ cmdCode: 0x0004, raw: fromHex('3C 00 04 00 00 AB CD') });
  });

  it('drops a partial frame on request and returns its bytes, then reads the next frame cleanly', () => {
    const reader = FrameReader.forCommands();
    reader.push(fromHex('2C 00 08 03 00 06'));
    expect(reader.hasPartial()).toBe(true);
    expect(toHex(reader.discardPartial())).toBe('2C0008030006');
    expect(reader.hasPartial()).toBe(false);
    const events = reader.push(encodeCommandFrame({ cmdCode: 0x0004 }));
    expect(events.map((e) => e.kind)).toEqual(['frame']);
  });

  it('reports a Failure response without a status byte as malformed instead of throwing', () => {
    const reader = FrameReader.forResponses();
    const events = reader.push(fromHex('8C 00 08 00 00'));
    expect(events).toEqual([{ kind: 'malformed', raw: fromHex('8C 00 08 00 00'), reason: expect.stringMatching(/no status byte/), text: { code: 'brp.why.failure-without-status', params: {} } }]);
  });

  it('never throws on random input', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const reader of [FrameReader.forCommands(), FrameReader.forResponses()] as FrameReader<unknown>[]) {
      for (let i = 0; i < 200; i++) {
        const chunk = Uint8Array.from({ length: 1 + (next() % 16) }, next);
        expect(() => reader.push(chunk)).not.toThrow();
      }
      reader.discardPartial();
    }
  });
});
