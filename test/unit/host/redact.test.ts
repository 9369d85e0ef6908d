import { describe, expect, it } from 'vitest';
import { redactFrameHex } from '../../../electron/host/app/redact.ts';
import { encodeCommandFrame } from '../../../shared/brp/frame.ts';
import { toHex } from '../../../shared/bytes.ts';

describe('frame log redaction', () => {
  it('hides the content of a secret configuration value but keeps its id', () => {
    const csc = Uint8Array.of(0xc0, 0xde, 0xc0, 0xde, 0x12, 0x34, 0x56, 0x78);
    const frame = encodeCommandFrame({ cmdCode: 0x0009, payload: Uint8Array.of(0x02, 0x02, 0x82, 8, ...csc), checksum: 'crc16' });
    const hex = redactFrameHex(frame, 'out');
    expect(hex).toContain('020282');
    expect(hex).not.toContain(toHex(csc));
    expect(hex).toMatch(/redacted 9 bytes/);
  });

  it('shows ordinary values in full', () => {
    const frame = encodeCommandFrame({ cmdCode: 0x0009, payload: Uint8Array.of(0x01, 0x03, 0x03, 2, 0, 20), checksum: 'crc16' });
    expect(redactFrameHex(frame, 'out')).toBe(toHex(frame));
  });

  it('hides a key value sent to Crypto.GetKeySig', () => {
    const key = Uint8Array.of(0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa);
    const hex = redactFrameHex(encodeCommandFrame({ cmdCode: 0x0210, payload: Uint8Array.of(0, ...key) }), 'out');
    expect(hex).not.toContain(toHex(key));
  });

  it('recognises key material in frames with a 1-byte command code and length too', () => {
    const key = Uint8Array.of(0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa);
    const frame = encodeCommandFrame({
      cmdCode: 0x0009,
      payload: Uint8Array.of(0x02, 0x02, 0x85, 10, ...key),
      compressedCmdCode: true,
      compressedLength: true,
      checksum: 'crc16',
    });
    expect(frame.length).toBe(1 + 1 + 1 + 14 + 2);
    const hex = redactFrameHex(frame, 'out');
    expect(hex).not.toContain(toHex(key));
    expect(hex).toContain('020285');
  });
});
