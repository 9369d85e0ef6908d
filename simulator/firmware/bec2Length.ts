import { readU32be } from '../../shared/bytes.ts';

/**
 * How much of a BEC2 upload the reader must have to know the next thing about it. The reader asks
 * the host for exactly these bytes (Main.Bf3UploadContinue's ReqDataAdr/ReqDataLen), so it never
 * asks past the end of the file: header, auth blocks, directory, then the payloads it lists.
 */
export type LengthProbe = { total: number } | { need: number } | { invalid: string };

const SIGNATURE = [0x42, 0x45, 0x43, 0x32, 0x00];
export const MAX_UPLOAD_BYTES = 1024 * 1024;

export function probeBec2Length(buf: Uint8Array): LengthProbe {
  if (buf.length < 5) return { need: 5 };
  for (let i = 0; i < 5; i++) if (buf[i] !== SIGNATURE[i]) return { invalid: 'the file does not start with "BEC2"' };
  let pos = 5;
  for (;;) {
    if (buf.length < pos + 2) return { need: pos + 2 };
    const tag = buf[pos]!;
    const len = buf[pos + 1]!;
    pos += 2;
    if (tag === 0 && len === 0) break;
    pos += len;
    if (pos > 4096) return { invalid: 'the auth blocks do not end' };
  }
  if (buf.length < pos + 4) return { need: pos + 4 };
  const dirSize = readU32be(buf, pos);
  pos += 4;
  if (dirSize < 1 || dirSize > 64 * 1024) return { invalid: 'the directory size is out of range' };
  const dirEnd = pos + dirSize;
  if (buf.length < dirEnd) return { need: dirEnd };
  let end = dirEnd;
  let p = pos;
  while (p < dirEnd) {
    const entryLen = buf[p]!;
    if (entryLen === 0) break;
    if (entryLen < 8 || p + 1 + entryLen > dirEnd) return { invalid: 'a directory entry is cut short' };
    const addr = readU32be(buf, p + 1);
    const total = readU32be(buf, p + 5);
    end = Math.max(end, addr + total);
    p += 1 + entryLen;
  }
  if (end > MAX_UPLOAD_BYTES) return { invalid: 'the file is larger than the reader can take' };
  return { total: end };
}
