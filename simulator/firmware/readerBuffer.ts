import type { BufferSize } from '../../shared/brp/commands/sys.ts';
import { GUARANTEED_FRAME_BYTES } from '../../shared/brp/frameLimits.ts';

/**
 * The virtual reader's frame buffer: the largest command frame it takes and the largest answer it
 * sends, N bytes each. 1024 is the default (real readers report their own figure, and only 128 bytes
 * for command and answer together are guaranteed); `simulate --buffer-size N` plays a smaller or
 * larger reader.
 */
export const DEFAULT_BUFFER_SIZE = 1024;
/** Every reader takes a command of 128 bytes and sends an answer of 128 bytes (brp.md 4.1). */
export const MIN_BUFFER_SIZE = GUARANTEED_FRAME_BYTES;
/** TotalSize (2 × N) must fit the 16-bit field of Sys.GetBufferSize. */
export const MAX_BUFFER_SIZE = 0x7fff;

/** What Sys.GetBufferSize answers for a buffer of N bytes per frame. */
export function bufferLimits(bufferSize: number): BufferSize {
  return { maxSendSize: bufferSize, maxRecvSize: bufferSize, totalSize: 2 * bufferSize };
}

/** A sentence when N cannot be a reader's buffer size. */
export function bufferSizeProblem(bufferSize: number): string | undefined {
  if (Number.isInteger(bufferSize) && bufferSize >= MIN_BUFFER_SIZE && bufferSize <= MAX_BUFFER_SIZE) return undefined;
  return `the buffer size must be a whole number of bytes from ${MIN_BUFFER_SIZE} to ${MAX_BUFFER_SIZE} (got ${bufferSize})`;
}
