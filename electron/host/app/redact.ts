import { toHex } from '../../../shared/bytes.ts';

// Frames that carry key material never reach a log with it: the frame log, the diagnostics bundle
// and exports all read frames through here.
//   Crypto.EncryptBuffer/DecryptBuffer/BalKeyEncryptBuffer (0x0202-0x0204): key values and key buffers
//   Main.Bf3UploadContinue (0xF011): sealed auth blocks and encrypted configuration
//   Sys.CfgSetValue (0x0009) of a secret value id (>= 0x80): keys and the Config Security Code
//   Crypto.GetKeySig (0x0210) with KeyIndex 0: the key value itself
//   VHL.Write (0x0103) into the tag's PIN registers 0x0090-0x00FF: PIN proofs and commit blocks
const WHOLE_PAYLOAD = [0x0202, 0x0203, 0x0204];

interface FrameParts {
  header: Uint8Array;
  payload: Uint8Array;
  tail: Uint8Array;
  matches: (code: number) => boolean;
}

/** Splits a frame in any header form (compressed or not); undefined when it is too short to tell. */
function split(frame: Uint8Array): FrameParts | undefined {
  if (frame.length < 3) return undefined;
  const flags = frame[0]!;
  let i = 1;
  let matches: (code: number) => boolean;
  if (flags & 0x04) {
    const cmd = (frame[1]! << 8) | frame[2]!;
    matches = (code) => code === cmd;
    i += 2;
  } else {
    // A 1-byte command code keeps 3 bits of the group and 5 of the index: match on those.
    const c = frame[1]!;
    matches = (code) => (((code >> 8) & 0x07) << 5 | (code & 0x1f)) === c;
    i += 1;
  }
  let len: number;
  if (flags & 0x08) {
    if (frame.length < i + 2) return undefined;
    len = frame[i]! | (frame[i + 1]! << 8);
    i += 2;
  } else {
    if (frame.length < i + 1) return undefined;
    len = frame[i]!;
    i += 1;
  }
  return { header: frame.subarray(0, i), payload: frame.subarray(i, i + len), tail: frame.subarray(i + len), matches };
}

/** Hex of a frame with any key material replaced by "‹redacted n bytes›". */
export function redactFrameHex(frame: Uint8Array, direction: 'out' | 'in'): string {
  const parts = split(frame);
  if (!parts || parts.payload.length === 0) return toHex(frame);
  const { header, payload, tail, matches } = parts;
  const keep = (n: number) => `${toHex(header)}${toHex(payload.subarray(0, n))}‹redacted ${payload.length - n} bytes›${toHex(tail)}`;
  if (matches(0xf011)) return direction === 'out' ? keep(Math.min(6, payload.length)) : toHex(frame);
  if (WHOLE_PAYLOAD.some(matches)) return keep(0);
  if (direction !== 'out') return toHex(frame);
  if (matches(0x0009) && payload.length >= 3 && payload[2]! >= 0x80) return keep(3);
  if (matches(0x0210) && payload.length > 1) return keep(1);
  if (matches(0x0103) && payload.length >= 5) {
    const adr = (payload[1]! << 8) | payload[2]!;
    if (adr >= 0x0090 && adr <= 0x00ff) return keep(5);
  }
  return toHex(frame);
}
