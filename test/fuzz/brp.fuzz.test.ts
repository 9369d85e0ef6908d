// The BRP decoders meet whatever a serial line delivers: they explain it or report it with their own
// error types, never fall over, and give back exactly what the encoders wrote.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../shared/bytes.ts';
import type { ChecksumKind } from '../../shared/brp/checksum.ts';
import { ALL_COMMANDS } from '../../shared/brp/commands/index.ts';
import { BrpChecksumError, BrpFrameError, UnsupportedChecksumError } from '../../shared/brp/errors.ts';
import { explainFrame } from '../../shared/brp/explain.ts';
import {
  decodeCommandFrame,
  decodeResponseFrame,
  encodeCommandFrame,
  encodeResponseFrame,
  FrameReader,
  isCompressibleCmdCode,
  type ExecutionMode,
  type FrameEvent,
  type Phase,
} from '../../shared/brp/frame.ts';
import { echoedHex, mutatedBytes, runs, thrownBy } from './campaign.ts';

const FRAME_ERRORS = [BrpFrameError, BrpChecksumError, UnsupportedChecksumError] as const;

const anyBytes = fc.uint8Array({ maxLength: 600 });
const checksum = fc.constantFrom<ChecksumKind>('none', 'bcc8', 'crc16');
const cmdCode = fc.oneof(fc.constantFrom(...ALL_COMMANDS.map((c) => c.code)), fc.integer({ min: 0, max: 0xffff }));

const commandFrame = fc
  .record({
    cmdCode,
    payload: fc.uint8Array({ maxLength: 300 }),
    checksum,
    mode: fc.constantFrom<ExecutionMode>('standard', 'repeat', 'continuous'),
    compressedCmdCode: fc.boolean(),
    compressedLength: fc.boolean(),
  })
  .map((f) => ({
    ...f,
    compressedCmdCode: f.compressedCmdCode && isCompressibleCmdCode(f.cmdCode),
    compressedLength: f.compressedLength && f.payload.length <= 0xff,
  }));

const responseFrame = fc
  .record({
    cmdCode,
    status: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 0xff })),
    payload: fc.uint8Array({ maxLength: 300 }),
    checksum,
    criticalBootStatus: fc.boolean(),
    phase: fc.constantFrom<Phase>('none', 'repeatEnd', 'continuousEnd'),
    compressedCmdCode: fc.boolean(),
    compressedLength: fc.boolean(),
  })
  .map((f) => {
    const payload = f.status === 0 ? f.payload : new Uint8Array(0);
    const bodyLength = f.status === 0 ? payload.length : 1;
    return {
      ...f,
      payload,
      compressedCmdCode: f.compressedCmdCode && isCompressibleCmdCode(f.cmdCode),
      compressedLength: f.compressedLength && bodyLength <= 0xff,
    };
  });

/** Cuts bytes into chunks at the given points, as a serial driver hands them over. */
function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  return out;
}

function rawOf(events: readonly FrameEvent<unknown>[]): Uint8Array {
  return concatBytes(...events.map((e) => e.raw));
}

describe('FrameReader on any byte stream', () => {
  for (const direction of ['command', 'response'] as const) {
    it(`${direction}s: never throws, and every byte ends up in exactly one event or the partial frame`, () => {
      fc.assert(
        fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), (chunks) => {
          const reader = direction === 'command' ? FrameReader.forCommands() : FrameReader.forResponses();
          const events: FrameEvent<unknown>[] = [];
          for (const c of chunks) events.push(...reader.push(c));
          expect(concatBytes(rawOf(events), reader.discardPartial())).toEqual(concatBytes(...chunks));
          expect(reader.hasPartial()).toBe(false);
        }),
        runs(2000),
      );
    });
  }

  it('gives back every frame of a stream of valid frames, however the stream is cut', () => {
    fc.assert(
      fc.property(fc.array(responseFrame, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 10 }), (frames, cuts) => {
        const reader = FrameReader.forResponses();
        const wire = concatBytes(...frames.map((f) => encodeResponseFrame(f)));
        const events = chunked(wire, cuts).flatMap((c) => reader.push(c));
        expect(events.map((e) => e.kind)).toEqual(frames.map(() => 'frame'));
        events.forEach((e, i) => {
          if (e.kind !== 'frame') return;
          expect({ ...e.frame }).toEqual({ ...frames[i]!, status: frames[i]!.status });
        });
        expect(reader.hasPartial()).toBe(false);
      }),
      runs(1000),
    );
  });
});

describe('one frame', () => {
  it('decodes any bytes to a frame or to a BRP error that does not repeat them', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        for (const decode of [decodeCommandFrame, decodeResponseFrame]) {
          const err = thrownBy(() => decode(bytes), ...FRAME_ERRORS);
          if (err) expect(echoedHex(err.message, bytes)).toEqual([]);
        }
      }),
      runs(3000),
    );
  });

  it('decodes damaged valid frames to a frame or to a BRP error', () => {
    const damaged = commandFrame.chain((f) => mutatedBytes(encodeCommandFrame(f)));
    fc.assert(
      fc.property(damaged, (bytes) => {
        for (const decode of [decodeCommandFrame, decodeResponseFrame]) {
          const err = thrownBy(() => decode(bytes), ...FRAME_ERRORS);
          if (err) expect(echoedHex(err.message, bytes)).toEqual([]);
        }
      }),
      runs(2000),
    );
  });

  it('round-trips command frames: decode(encode(f)) = f', () => {
    fc.assert(
      fc.property(commandFrame, (f) => {
        expect({ ...decodeCommandFrame(encodeCommandFrame(f)) }).toEqual(f);
      }),
      runs(1000),
    );
  });

  it('round-trips response frames, error responses included', () => {
    fc.assert(
      fc.property(responseFrame, (f) => {
        expect({ ...decodeResponseFrame(encodeResponseFrame(f)) }).toEqual(f);
      }),
      runs(1000),
    );
  });

  it('explains any bytes in either direction without throwing', () => {
    const direction = fc.constantFrom<'command' | 'response' | undefined>('command', 'response', undefined);
    const bytes = fc.oneof(anyBytes, commandFrame.chain((f) => mutatedBytes(encodeCommandFrame(f))), responseFrame.chain((f) => mutatedBytes(encodeResponseFrame(f))));
    fc.assert(
      fc.property(bytes, direction, (b, dir) => {
        const explained = explainFrame(b, dir);
        expect(explained.fields.every((f) => typeof f.meaning === 'string')).toBe(true);
        expect(explained.problems.every((p) => typeof p === 'string')).toBe(true);
      }),
      runs(2000),
    );
  });
});

describe('every command of the table', () => {
  const payload = fc.uint8Array({ maxLength: 300 });

  it('decodes any request and answer payload or says why not with a BrpFrameError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_COMMANDS), payload, (cmd, p) => {
        for (const decode of [cmd.decodeRequest, cmd.decodeResponse]) {
          const err = thrownBy(() => decode(p), BrpFrameError);
          if (err) expect(echoedHex(err.message, p)).toEqual([]);
        }
      }),
      runs(5000),
    );
  });

  it('encodes what it decoded back to the same value (decode, encode, decode is stable)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_COMMANDS), payload, (cmd, p) => {
        const pairs = [
          [cmd.decodeRequest, cmd.encodeRequest],
          [cmd.decodeResponse, cmd.encodeResponse],
        ] as const;
        for (const [decode, encode] of pairs) {
          let value: unknown;
          try {
            value = decode(p);
          } catch {
            continue;
          }
          expect(decode(encode(value))).toEqual(value);
        }
      }),
      runs(5000),
    );
  });
});
