// How large a command frame a reader takes (brp.md 4.1, real-readers.md): Sys.GetBufferSize reports
// MaxSendSize (largest command frame), MaxRecvSize (largest response frame) and TotalSize (both
// together); only 128 bytes for command and response together are guaranteed on every reader.

import { checksumLength, type ChecksumKind } from './checksum.ts';
import type { BufferSize } from './commands/sys.ts';

/** Command and response frame together: what every BALTECH reader supports without asking. */
export const GUARANTEED_FRAME_BYTES = 128;

export const GUARANTEED_LIMITS: Readonly<BufferSize> = {
  maxSendSize: GUARANTEED_FRAME_BYTES,
  maxRecvSize: GUARANTEED_FRAME_BYTES,
  totalSize: GUARANTEED_FRAME_BYTES,
};

/** FormatFlags, 2-byte command code and 2-byte length: the header ReaderDesk always sends. */
export const FRAME_HEADER_BYTES = 5;

/** DataAdr (u32) and the 16-bit length of Data in a Main.Bf3UploadContinue request. */
const UPLOAD_BLOCK_FIELDS = 6;

/** The shortest answer a reader can give (an empty OK), in the frame format the host uses. */
export function smallestAnswerBytes(checksum: ChecksumKind): number {
  return FRAME_HEADER_BYTES + checksumLength(checksum);
}

/** Whether a command frame of this length fits the guaranteed 128 bytes without asking the reader. */
export function fitsGuaranteedFrame(frameBytes: number, checksum: ChecksumKind): boolean {
  return frameBytes + smallestAnswerBytes(checksum) <= GUARANTEED_FRAME_BYTES;
}

/** The largest command frame the reader takes, leaving room in TotalSize for at least an empty answer. */
export function largestCommandFrame(limits: BufferSize, checksum: ChecksumKind): number {
  return Math.max(0, Math.min(limits.maxSendSize, limits.totalSize - smallestAnswerBytes(checksum)));
}

/** The most file bytes one Main.Bf3UploadContinue frame can carry to this reader (and, if given, through a link whose frames are limited). */
export function largestUploadBlock(limits: BufferSize, checksum: ChecksumKind, linkMaxFrame = Infinity): number {
  const frame = Math.min(largestCommandFrame(limits, checksum), linkMaxFrame);
  return Math.max(0, frame - FRAME_HEADER_BYTES - UPLOAD_BLOCK_FIELDS - checksumLength(checksum));
}
