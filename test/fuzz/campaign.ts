// Settings and checks shared by the fuzz properties (issue 11, "keep the campaign").
//
// `npm test` runs every property a bounded number of times (the numbers below, a few seconds in
// all); `npm run fuzz` runs each one FUZZ_RUNS times (200,000 unless the variable says otherwise).
// A failure prints fast-check's seed and path; FUZZ_SEED=<seed> replays the same inputs.

import fc from 'fast-check';
import { toHex } from '../../shared/bytes.ts';

const LONG_RUNS = 200_000;

function envInt(name: string): number | undefined {
  const v = Number(process.env[name]);
  return Number.isSafeInteger(v) && v > 0 ? v : undefined;
}

/** True under `npm run fuzz` (npm names the script it runs) or with FUZZ_RUNS set. */
export const LONG_RUN = process.env.npm_lifecycle_event === 'fuzz' || envInt('FUZZ_RUNS') !== undefined;

/** fast-check parameters: `bounded` runs in `npm test`, FUZZ_RUNS (or 200,000) in the long run. */
export function runs(bounded: number): fc.Parameters<unknown> {
  const numRuns = LONG_RUN ? (envInt('FUZZ_RUNS') ?? LONG_RUNS) : bounded;
  const seed = envInt('FUZZ_SEED');
  return seed === undefined ? { numRuns } : { numRuns, seed };
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs `fn` and returns what it threw, or undefined. Anything but one of `allowed` (a TypeError, a
 * RangeError, a stack overflow: the decoder fell over instead of explaining) is thrown on, so
 * fast-check records it as a counterexample.
 */
export function thrownBy(fn: () => unknown, ...allowed: ErrorClass[]): Error | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (allowed.some((type) => err instanceof type)) return err as Error;
    throw err;
  }
}

/** The same for promises. */
export async function rejectionOf(promise: Promise<unknown>, ...allowed: ErrorClass[]): Promise<Error | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    if (allowed.some((type) => err instanceof type)) return err as Error;
    throw err;
  }
}

/** A plain `Error` with a sentence, for modules that have no error class of their own. */
export function isPlainError(err: unknown): boolean {
  return err instanceof Error && Object.getPrototypeOf(err) === Error.prototype;
}

const HEX_RUN = /[0-9A-Fa-f]{16,}/g;

/**
 * Hex runs of 16 digits (8 bytes) or more in `message` that also stand in the input: the shape of
 * a key echoed into an error. `input` is the text, or the bytes, the decoder was given.
 */
export function echoedHex(message: string, input: string | Uint8Array): string[] {
  const haystack = (typeof input === 'string' ? input : toHex(input)).toUpperCase();
  return (message.match(HEX_RUN) ?? []).filter((run) => haystack.includes(run.toUpperCase()));
}

/** Hex digits, both cases. */
export const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF');

/**
 * Byte-level damage to a valid input: flip, overwrite, insert, delete, duplicate or cut, a few
 * times. Decoders meet exactly such inputs on a noisy line or in a truncated file.
 */
export function mutatedBytes(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.tuple(fc.constantFrom('flip', 'set', 'insert', 'delete', 'duplicate', 'cut'), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 16 }));
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let out = Array.from(valid);
    for (const [kind, at, byte, span] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      switch (kind) {
        case 'flip':
          if (out.length > 0) out[i] = out[i]! ^ (1 << (byte % 8));
          break;
        case 'set':
          if (out.length > 0) out[i] = byte;
          break;
        case 'insert':
          out.splice(i, 0, ...Array.from({ length: span }, (_, k) => (byte + k * 37) & 0xff));
          break;
        case 'delete':
          out.splice(i, span);
          break;
        case 'duplicate':
          out.splice(i, 0, ...out.slice(i, i + span));
          break;
        case 'cut':
          out = out.slice(0, i);
          break;
      }
    }
    return Uint8Array.from(out);
  });
}

/** The same damage to a text, character by character (the text is Latin-1 or ASCII). */
export function mutatedText(valid: string): fc.Arbitrary<string> {
  const bytes = Uint8Array.from(valid, (c) => c.charCodeAt(0) & 0xff);
  return mutatedBytes(bytes).map((b) => Array.from(b, (c) => String.fromCharCode(c)).join(''));
}
