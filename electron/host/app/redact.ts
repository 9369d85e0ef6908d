import { toHex } from '../../../shared/bytes.ts';

// Commands whose parameters or answers carry key material: their payload never reaches a log.
// Sys.CfgSetValue is redacted only for secret value ids (>= 0x80), which hold keys and the CSC.
const SECRET_PAYLOAD_COMMANDS = new Set([0x0204 /* Crypto.BalKeyEncryptBuffer */, 0x0202, 0x0203, 0xf011 /* Bf3UploadContinue: session-key-sealed blocks */]);

/** Hex of a frame with any key material replaced by "‹redacted n bytes›". */
export function redactFrameHex(frame: Uint8Array, direction: 'out' | 'in'): string {
  if (frame.length < 5 || !(frame[0]! & 0x04) || !(frame[0]! & 0x08)) return toHex(frame);
  const cmd = (frame[1]! << 8) | frame[2]!;
  const len = frame[3]! | (frame[4]! << 8);
  const header = frame.subarray(0, 5);
  const payload = frame.subarray(5, 5 + len);
  const tail = frame.subarray(5 + len);
  const secretSet = cmd === 0x0009 && direction === 'out' && payload.length >= 3 && payload[2]! >= 0x80;
  // VHL.Write into the tag's PIN registers (0x0090-0x00FF, docs/wireless-memory.md) carries PIN proofs
  // and commit blocks; encrypted, but still nothing a diagnostics bundle needs.
  if (cmd === 0x0103 && direction === 'out' && payload.length >= 5) {
    const adr = (payload[1]! << 8) | payload[2]!;
    if (adr >= 0x0090 && adr <= 0x00ff) return `${toHex(header)}${toHex(payload.subarray(0, 5))}‹redacted ${payload.length - 5} bytes›${toHex(tail)}`;
  }
  // Crypto.GetKeySig with KeyIndex 0 carries the key value itself.
  if (cmd === 0x0210 && direction === 'out' && payload.length > 1) return `${toHex(header)}${toHex(payload.subarray(0, 1))}‹redacted ${payload.length - 1} bytes›${toHex(tail)}`;
  if ((SECRET_PAYLOAD_COMMANDS.has(cmd) || secretSet) && payload.length > 0) {
    const keep = secretSet ? toHex(payload.subarray(0, 3)) : cmd === 0xf011 && direction === 'out' ? toHex(payload.subarray(0, 6)) : '';
    const hidden = payload.length - keep.length / 2;
    return `${toHex(header)}${keep}‹redacted ${hidden} bytes›${toHex(tail)}`;
  }
  return toHex(frame);
}
