import { describe, expect, it } from 'vitest';
import { fitsGuaranteedFrame, largestCommandFrame, largestUploadBlock } from '../../../shared/brp/frameLimits.ts';

describe('frame sizes from Sys.GetBufferSize', () => {
  it('lets a frame go unasked only when it and the shortest answer fit the guaranteed 128 bytes', () => {
    expect(fitsGuaranteedFrame(121, 'crc16')).toBe(true); // 121 + 7-byte empty answer = 128
    expect(fitsGuaranteedFrame(122, 'crc16')).toBe(false);
    expect(fitsGuaranteedFrame(123, 'none')).toBe(true);
  });

  it('keeps a command frame within MaxSendSize and TotalSize minus the shortest answer', () => {
    expect(largestCommandFrame({ maxSendSize: 1024, maxRecvSize: 1024, totalSize: 2048 }, 'crc16')).toBe(1024);
    expect(largestCommandFrame({ maxSendSize: 1024, maxRecvSize: 1024, totalSize: 1024 }, 'crc16')).toBe(1017);
  });

  it('sizes upload blocks from the reader and, where the link limits frames (USB HID), from the link', () => {
    const limits = { maxSendSize: 1024, maxRecvSize: 1024, totalSize: 2048 };
    expect(largestUploadBlock(limits, 'crc16')).toBe(1024 - 13);
    expect(largestUploadBlock(limits, 'none')).toBe(1024 - 11);
    expect(largestUploadBlock(limits, 'none', 1017)).toBe(1017 - 11);
  });
});
