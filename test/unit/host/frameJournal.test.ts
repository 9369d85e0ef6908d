import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameJournal } from '../../../electron/host/app/frameJournal.ts';
import { explainFrame, summarizeFrame } from '../../../shared/brp/explain.ts';
import { encodeCommandFrame, encodeResponseFrame, type FrameDirection } from '../../../shared/brp/frame.ts';
import { MainBf3UploadContinue } from '../../../shared/brp/commands/main.ts';

/** What the frame log said for a frame when it explained every frame in full. */
function summaryFromExplanation(bytes: Uint8Array, direction: FrameDirection): string {
  const ex = explainFrame(bytes, direction);
  let summary = ex.fields.find((f) => f.name === 'CmdCode')?.meaning ?? ex.direction;
  const status = ex.fields.find((f) => f.name === 'Status');
  if (status) summary += ` → ${status.meaning}`;
  return summary;
}

const KNOWN_CODES = [0x0004, 0x0005, 0x0008, 0x0009, 0x0014, 0x0202, 0x0501, 0xf010, 0xf011, 0x0103, 0x1234];

describe('the frame log summary', () => {
  it('says what the full explanation said, for any frame in either direction', () => {
    const validFrame = fc
      .record({
        cmdCode: fc.constantFrom(...KNOWN_CODES),
        payload: fc.uint8Array({ maxLength: 40 }),
        status: fc.constantFrom(0, 0x01, 0x05, 0x41, 0x42, 0x84, 0x17),
        checksum: fc.constantFrom('none' as const, 'crc16' as const, 'bcc8' as const),
        response: fc.boolean(),
        cut: fc.nat(4),
      })
      .map(({ cmdCode, payload, status, checksum, response, cut }) => {
        const whole = response
          ? encodeResponseFrame({ cmdCode, status, payload: status === 0 ? payload : undefined, checksum })
          : encodeCommandFrame({ cmdCode, payload, checksum });
        return { bytes: whole.subarray(0, Math.max(0, whole.length - cut)), direction: (response ? 'response' : 'command') as FrameDirection };
      });
    const anyBytes = fc.record({ bytes: fc.uint8Array({ maxLength: 24 }), direction: fc.constantFrom<FrameDirection>('command', 'response') });
    fc.assert(
      fc.property(fc.oneof(validFrame, anyBytes), ({ bytes, direction }) => {
        expect(summarizeFrame(bytes, direction)).toBe(summaryFromExplanation(bytes, direction));
      }),
      { numRuns: 3000 },
    );
  });

  it('names an upload block and a refused one', () => {
    const block = encodeCommandFrame({ cmdCode: MainBf3UploadContinue.code, payload: new Uint8Array(1011), checksum: 'crc16' });
    expect(summarizeFrame(block, 'command')).toBe('Main.Bf3UploadContinue');
    const refused = encodeResponseFrame({ cmdCode: 0xf011, status: 0x13, checksum: 'none' });
    expect(summarizeFrame(refused, 'response')).toMatch(/^Main\.Bf3UploadContinue → Main\.ErrInvalidCustomerKey: /);
  });
});

describe('FrameJournal', () => {
  it('keeps the newest frames, oldest first, once it has wrapped around', () => {
    const journal = new FrameJournal(3);
    const frame = encodeCommandFrame({ cmdCode: 0x0004, payload: new Uint8Array(0), checksum: 'none' });
    expect(journal.list()).toEqual([]);
    for (let i = 0; i < 2; i++) journal.add({ time: i, direction: 'out', address: 'a', bytes: frame });
    expect(journal.list().map((r) => r.seq)).toEqual([1, 2]);
    for (let i = 2; i < 7; i++) journal.add({ time: i, direction: 'out', address: 'a', bytes: frame });
    expect(journal.list().map((r) => r.seq)).toEqual([5, 6, 7]);
    expect(journal.list(2).map((r) => r.seq)).toEqual([6, 7]);
    expect(journal.list(1)[0]).toMatchObject({ seq: 7, time: 6, summary: 'Sys.GetInfo', hex: '0C00040000' });
  });
});
