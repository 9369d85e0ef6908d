// BRP frames on a character link (brp.md 1.1-1.4): encoding, decoding of one frame, and an
// incremental reader that cuts a byte stream into frames and resynchronises after garbage.

import { concatBytes } from '../bytes.ts';
import {
  CHECKSUM_ALGO,
  checksumKindFromFlags,
  checksumLength,
  computeChecksum,
  readChecksum,
  type ChecksumKind,
} from './checksum.ts';
import { BrpChecksumError, BrpFrameError, UnsupportedChecksumError } from './errors.ts';
import { englishText, hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export type ExecutionMode = 'standard' | 'repeat' | 'continuous';
export type Phase = 'none' | 'repeatEnd' | 'continuousEnd';

export interface CommandFrame {
  /** With compressedCmdCode, the bits that were on the wire: (CmdCodeHigh << 8) | CmdCodeLow. */
  cmdCode: number;
  payload: Uint8Array;
  checksum: ChecksumKind;
  mode: ExecutionMode;
  compressedCmdCode: boolean;
  compressedLength: boolean;
}

export interface ResponseFrame {
  cmdCode: number;
  /** 0 = OK, otherwise the status byte of a Failure frame. */
  status: number;
  /** Empty when status != 0. */
  payload: Uint8Array;
  checksum: ChecksumKind;
  criticalBootStatus: boolean;
  phase: Phase;
  compressedCmdCode: boolean;
  compressedLength: boolean;
}

export type FrameEvent<F> =
  | { kind: 'frame'; frame: F; raw: Uint8Array }
  | { kind: 'bad-checksum'; raw: Uint8Array; cmdCode?: number; expected: number; actual: number }
  | { kind: 'unsupported-checksum'; raw: Uint8Array; cmdCode?: number }
  /** reason: the English clause of `text`, the catalogue's clause (brp.why.*). */
  | { kind: 'malformed'; raw: Uint8Array; reason: string; text: HostText };

export type FrameDirection = 'command' | 'response';

/** FormatFlags bits (brp.md 1.1, 1.2). */
export const FLAG = {
  failure: 0x80,
  criticalBootStatus: 0x40,
  /** RFU in a command frame: the two bits that are Failure and CriticalBootStatus in a response. */
  commandRfu: 0xc0,
  checksumAlgo: 0x30,
  uncompressedLength: 0x08,
  uncompressedCmdCode: 0x04,
  /** ExecutionMode in a command frame, Phase in a response frame. */
  modeOrPhase: 0x03,
} as const;

const MODE_BITS: Readonly<Record<ExecutionMode, number>> = { standard: 0, repeat: 1, continuous: 2 };
const MODE_BY_BITS: readonly ExecutionMode[] = ['standard', 'repeat', 'continuous'];
const PHASE_BITS: Readonly<Record<Phase, number>> = { none: 0, repeatEnd: 1, continuousEnd: 2 };
const PHASE_BY_BITS: readonly Phase[] = ['none', 'repeatEnd', 'continuousEnd'];

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}

/** A command code fits the 1-byte form when its group is at most 7 and its index at most 0x1F. */
export function isCompressibleCmdCode(cmdCode: number): boolean {
  return (cmdCode >> 8) <= 0x07 && (cmdCode & 0xff) <= 0x1f;
}

// ---------------------------------------------------------------------------------------------
// Encoding

interface HeaderOptions {
  cmdCode: number;
  checksum: ChecksumKind;
  compressedCmdCode: boolean;
  compressedLength: boolean;
}

function buildFrame(flagsLow: number, h: HeaderOptions, body: Uint8Array): Uint8Array {
  if (!Number.isInteger(h.cmdCode) || h.cmdCode < 0 || h.cmdCode > 0xffff) {
    throw new BrpFrameError(hostText('brp.why.cmd-code-range', { code: String(h.cmdCode) }));
  }
  if (h.checksum === 'bcc16') {
    throw new BrpFrameError(hostText('brp.why.bcc16', {}));
  }
  let flags = flagsLow | (CHECKSUM_ALGO[h.checksum] << 4);
  let cmd: Uint8Array;
  if (h.compressedCmdCode) {
    if (!isCompressibleCmdCode(h.cmdCode)) {
      throw new BrpFrameError(hostText('brp.why.not-compressible', { code: hex(h.cmdCode, 4) }));
    }
    cmd = Uint8Array.of(((h.cmdCode >> 8) << 5) | (h.cmdCode & 0x1f));
  } else {
    flags |= FLAG.uncompressedCmdCode;
    cmd = Uint8Array.of(h.cmdCode >> 8, h.cmdCode & 0xff);
  }
  let len: Uint8Array;
  if (h.compressedLength) {
    if (body.length > 0xff) {
      throw new BrpFrameError(hostText('brp.why.needs-long-length', { bytes: body.length }));
    }
    len = Uint8Array.of(body.length);
  } else {
    if (body.length > 0xffff) throw new BrpFrameError(hostText('brp.why.payload-over-max', { bytes: body.length }));
    flags |= FLAG.uncompressedLength;
    len = Uint8Array.of(body.length & 0xff, body.length >> 8); // LengthLow goes first
  }
  const covered = concatBytes(Uint8Array.of(flags), cmd, len, body);
  const sum = computeChecksum(h.checksum, covered)!;
  switch (checksumLength(h.checksum)) {
    case 0:
      return covered;
    case 1:
      return concatBytes(covered, Uint8Array.of(sum));
    case 2:
      return concatBytes(covered, Uint8Array.of(sum >> 8, sum & 0xff));
  }
}

export function encodeCommandFrame(f: {
  cmdCode: number;
  payload?: Uint8Array;
  checksum?: ChecksumKind;
  mode?: ExecutionMode;
  compressedCmdCode?: boolean;
  compressedLength?: boolean;
}): Uint8Array {
  return buildFrame(
    MODE_BITS[f.mode ?? 'standard'],
    {
      cmdCode: f.cmdCode,
      checksum: f.checksum ?? 'crc16',
      compressedCmdCode: f.compressedCmdCode ?? false,
      compressedLength: f.compressedLength ?? false,
    },
    f.payload ?? new Uint8Array(0),
  );
}

/** Error responses carry the Failure flag and one status byte, which the length counts (brp.md 1.2). */
export function encodeResponseFrame(f: {
  cmdCode: number;
  status?: number;
  payload?: Uint8Array;
  checksum?: ChecksumKind;
  criticalBootStatus?: boolean;
  phase?: Phase;
  compressedCmdCode?: boolean;
  compressedLength?: boolean;
}): Uint8Array {
  const status = f.status ?? 0;
  if (!Number.isInteger(status) || status < 0 || status > 0xff) {
    throw new BrpFrameError(hostText('brp.why.status-not-byte', { status: String(status) }));
  }
  let flagsLow = PHASE_BITS[f.phase ?? 'none'];
  if (f.criticalBootStatus) flagsLow |= FLAG.criticalBootStatus;
  let body = f.payload ?? new Uint8Array(0);
  if (status !== 0) {
    if (body.length > 0) {
      throw new BrpFrameError(hostText('brp.why.error-with-payload', { status: hex(status, 2), bytes: body.length }));
    }
    flagsLow |= FLAG.failure;
    body = Uint8Array.of(status);
  }
  return buildFrame(
    flagsLow,
    {
      cmdCode: f.cmdCode,
      checksum: f.checksum ?? 'crc16',
      compressedCmdCode: f.compressedCmdCode ?? false,
      compressedLength: f.compressedLength ?? false,
    },
    body,
  );
}

// ---------------------------------------------------------------------------------------------
// Decoding

type Parsed<F> =
  | { state: 'need-more'; needed: number }
  | { state: 'bad-flags'; text: HostText }
  | { state: 'complete'; length: number; event: FrameEvent<F> };

interface Header {
  flags: number;
  cmdCode: number;
  compressedCmdCode: boolean;
  compressedLength: boolean;
  payloadLength: number;
  headerLength: number;
  checksum: ChecksumKind;
}

/** What is wrong with a FormatFlags byte for this direction (a brp.why clause), or undefined when it is usable. */
export function flagsProblem(flags: number, direction: FrameDirection): HostText | undefined {
  if (direction === 'command') {
    if (flags & FLAG.commandRfu) return hostText('brp.why.reserved-flags', { flags: hex(flags, 2) });
    if ((flags & FLAG.modeOrPhase) === 3) return hostText('brp.why.mode-3', { flags: hex(flags, 2) });
  } else if ((flags & FLAG.modeOrPhase) === 3) {
    return hostText('brp.why.phase-3', { flags: hex(flags, 2) });
  }
  return undefined;
}

/** A frame that cannot be used, with its reason as a catalogue clause and in English. */
function malformed(raw: Uint8Array, text: HostText): { kind: 'malformed'; raw: Uint8Array; reason: string; text: HostText } {
  return { kind: 'malformed', raw, reason: englishText(text), text };
}

function theFrame(direction: FrameDirection): HostText {
  return direction === 'command' ? hostText('brp.the-command-frame', {}) : hostText('brp.the-response-frame', {});
}

function readHeader(buf: Uint8Array, start: number): Header | { needed: number } {
  const flags = buf[start]!;
  const compressedCmdCode = (flags & FLAG.uncompressedCmdCode) === 0;
  const compressedLength = (flags & FLAG.uncompressedLength) === 0;
  const headerLength = 1 + (compressedCmdCode ? 1 : 2) + (compressedLength ? 1 : 2);
  if (buf.length - start < headerLength) return { needed: headerLength };
  let p = start + 1;
  let cmdCode: number;
  if (compressedCmdCode) {
    const b = buf[p++]!;
    cmdCode = ((b >> 5) << 8) | (b & 0x1f);
  } else {
    cmdCode = (buf[p]! << 8) | buf[p + 1]!;
    p += 2;
  }
  let payloadLength = buf[p++]!;
  if (!compressedLength) payloadLength |= buf[p]! << 8;
  return {
    flags,
    cmdCode,
    compressedCmdCode,
    compressedLength,
    payloadLength,
    headerLength,
    checksum: checksumKindFromFlags(flags),
  };
}

function parseFrame<F>(buf: Uint8Array, start: number, direction: FrameDirection): Parsed<F> {
  const problem = flagsProblem(buf[start]!, direction);
  if (problem) return { state: 'bad-flags', text: problem };
  const h = readHeader(buf, start);
  if (!('flags' in h)) return { state: 'need-more', needed: h.needed };
  const covered = h.headerLength + h.payloadLength;
  const total = covered + checksumLength(h.checksum);
  if (buf.length - start < total) return { state: 'need-more', needed: total };
  const raw = buf.slice(start, start + total);
  const done = (event: FrameEvent<F>): Parsed<F> => ({ state: 'complete', length: total, event });

  const expected = computeChecksum(h.checksum, raw.subarray(0, covered));
  if (expected === undefined) return done({ kind: 'unsupported-checksum', raw, cmdCode: h.cmdCode });
  const actual = readChecksum(h.checksum, raw, covered);
  if (expected !== actual) return done({ kind: 'bad-checksum', raw, cmdCode: h.cmdCode, expected, actual });

  const body = raw.slice(h.headerLength, covered);
  const common = {
    cmdCode: h.cmdCode,
    checksum: h.checksum,
    compressedCmdCode: h.compressedCmdCode,
    compressedLength: h.compressedLength,
  };
  if (direction === 'command') {
    const frame: CommandFrame = { ...common, payload: body, mode: MODE_BY_BITS[h.flags & FLAG.modeOrPhase]! };
    return done({ kind: 'frame', frame: frame as F, raw });
  }
  let status = 0;
  let payload = body;
  if (h.flags & FLAG.failure) {
    if (body.length === 0) {
      return done(malformed(raw, hostText('brp.why.failure-without-status', {})));
    }
    status = body[0]!;
    if (status === 0) {
      return done(malformed(raw, hostText('brp.why.failure-with-ok', {})));
    }
    payload = new Uint8Array(0);
  }
  const frame: ResponseFrame = {
    ...common,
    status,
    payload,
    criticalBootStatus: (h.flags & FLAG.criticalBootStatus) !== 0,
    phase: PHASE_BY_BITS[h.flags & FLAG.modeOrPhase]!,
  };
  return done({ kind: 'frame', frame: frame as F, raw });
}

function decodeOne<F>(bytes: Uint8Array, direction: FrameDirection): F {
  if (bytes.length === 0) throw new BrpFrameError(hostText('brp.why.frame-empty', { frame: theFrame(direction) }));
  const parsed = parseFrame<F>(bytes, 0, direction);
  switch (parsed.state) {
    case 'bad-flags':
      throw new BrpFrameError(parsed.text);
    case 'need-more':
      throw new BrpFrameError(hostText('brp.why.frame-incomplete', { frame: theFrame(direction), bytes: bytes.length, needed: parsed.needed }));
    case 'complete': {
      if (parsed.length < bytes.length) {
        const extra = bytes.length - parsed.length;
        const params = { frame: theFrame(direction), bytes: parsed.length, extra };
        throw new BrpFrameError(extra === 1 ? hostText('brp.why.frame-trailing-one', params) : hostText('brp.why.frame-trailing-many', params));
      }
      const ev = parsed.event;
      switch (ev.kind) {
        case 'frame':
          return ev.frame;
        case 'bad-checksum':
          throw new BrpChecksumError(ev.expected, ev.actual);
        case 'unsupported-checksum':
          throw new UnsupportedChecksumError('bcc16');
        case 'malformed':
          throw new BrpFrameError(ev.text);
      }
    }
  }
}

/** Parses exactly one complete command frame; throws BrpFrameError, BrpChecksumError or UnsupportedChecksumError. */
export function decodeCommandFrame(bytes: Uint8Array): CommandFrame {
  return decodeOne<CommandFrame>(bytes, 'command');
}

/** Parses exactly one complete response frame; throws BrpFrameError, BrpChecksumError or UnsupportedChecksumError. */
export function decodeResponseFrame(bytes: Uint8Array): ResponseFrame {
  return decodeOne<ResponseFrame>(bytes, 'response');
}

// ---------------------------------------------------------------------------------------------
// Stream reader

/**
 * Cuts a byte stream into frames. BRP has no start marker, so a byte that cannot be FormatFlags
 * is reported and skipped, and a frame with a wrong checksum is dropped as a whole. Timing is
 * the caller's job: a reader drops a partial frame after a 20 ms gap (brp.md 2.1); a host reads by
 * the length field and drops one when its command times out or the next command starts.
 */
export class FrameReader<F> {
  private buf: Uint8Array = new Uint8Array(0);

  private constructor(private readonly direction: FrameDirection) {}

  static forCommands(): FrameReader<CommandFrame> {
    return new FrameReader<CommandFrame>('command');
  }

  static forResponses(): FrameReader<ResponseFrame> {
    return new FrameReader<ResponseFrame>('response');
  }

  push(bytes: Uint8Array): FrameEvent<F>[] {
    this.buf = this.buf.length === 0 ? bytes.slice() : concatBytes(this.buf, bytes);
    const events: FrameEvent<F>[] = [];
    let pos = 0;
    while (pos < this.buf.length) {
      const parsed = parseFrame<F>(this.buf, pos, this.direction);
      if (parsed.state === 'need-more') break;
      if (parsed.state === 'bad-flags') {
        events.push(malformed(this.buf.slice(pos, pos + 1), parsed.text));
        pos += 1;
        continue;
      }
      events.push(parsed.event);
      pos += parsed.length;
    }
    this.buf = this.buf.slice(pos);
    return events;
  }

  hasPartial(): boolean {
    return this.buf.length > 0;
  }

  /** Drops the bytes of an incomplete frame and returns them (for the log, or an ErrFrame reply). */
  discardPartial(): Uint8Array {
    const dropped = this.buf;
    this.buf = new Uint8Array(0);
    return dropped;
  }
}
