// Field-by-field explanation of one BRP frame, for `readerdesk brp decode <hex>` and the frame
// log. It never throws: whatever cannot be read becomes a problem in the result.

import { checksumKindFromFlags, checksumLength, computeChecksum, formatChecksum, readChecksum } from './checksum.ts';
import type { AnyBrpCommand } from './command.ts';
import { commandByCode, commandName } from './commands/index.ts';
import { FLAG, flagsProblem, type FrameDirection } from './frame.ts';
import { describeStatus } from './status.ts';
import { englishText, hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export interface ExplainedField {
  name: string;
  hex: string;
  meaning: string;
}

export interface ExplainedFrame {
  fields: ExplainedField[];
  problems: string[];
  direction: FrameDirection;
  /** True when the caller did not say and the direction was guessed; the 'Direction' field says why. */
  assumed: boolean;
}

const CHECKSUM_LABEL = { none: 'no checksum', bcc8: 'BCC8 checksum', crc16: 'CRC16 checksum', bcc16: 'BCC16 checksum' } as const;
const MODE_LABEL = ['Standard mode', 'Repeat mode', 'Continuous mode', 'mode 3 (undefined)'] as const;
const PHASE_LABEL = ['Phase None', 'Phase RepeatEnd', 'Phase ContinuousEnd', 'phase 3 (undefined)'] as const;

function spacedHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}

function describeFlags(flags: number, direction: FrameDirection): string {
  const parts: string[] = [];
  if (direction === 'response') {
    if (flags & FLAG.failure) parts.push('Failure (0x80): a status byte replaces the payload');
    if (flags & FLAG.criticalBootStatus) parts.push('CriticalBootStatus (0x40): the reader reports a hardware problem');
  } else if (flags & FLAG.commandRfu) {
    parts.push(`reserved bits ${hex(flags & FLAG.commandRfu, 2)} set`);
  }
  const algo = (flags & FLAG.checksumAlgo) >> 4;
  parts.push(`${CHECKSUM_LABEL[checksumKindFromFlags(flags)]} (${hex(algo << 4, 2)})`);
  parts.push(flags & FLAG.uncompressedLength ? 'UncompressedLength (0x08)' : '1-byte length');
  parts.push(flags & FLAG.uncompressedCmdCode ? 'UncompressedCmdCode (0x04)' : '1-byte command code');
  const low = flags & FLAG.modeOrPhase;
  parts.push(direction === 'command' ? MODE_LABEL[low]! : PHASE_LABEL[low]!);
  return parts.join(', ');
}

/** Renders a decoded request or response for a person: hex for bytes, quotes for text. */
function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (value instanceof Uint8Array) return value.length === 0 ? '(empty)' : spacedHex(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return value > 9 ? `${value} (0x${value.toString(16).toUpperCase()})` : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return `[${value.map(renderValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? 'nothing' : entries.map(([k, v]) => `${k} = ${renderValue(v)}`).join(', ');
  }
  return String(value);
}

type PayloadFit = 'fits' | 'does-not-fit' | 'unknown';

function payloadFits(cmd: AnyBrpCommand | undefined, payload: Uint8Array, direction: FrameDirection): PayloadFit {
  if (!cmd) return 'unknown';
  try {
    if (direction === 'command') cmd.decodeRequest(payload);
    else cmd.decodeResponse(payload);
    return 'fits';
  } catch {
    return 'does-not-fit';
  }
}

interface Layout {
  cmdCode: number;
  cmdBytes: Uint8Array;
  lenBytes: Uint8Array;
  length: number;
  headerLength: number;
}

function readLayout(bytes: Uint8Array): Layout | undefined {
  const flags = bytes[0]!;
  const cmdLen = flags & FLAG.uncompressedCmdCode ? 2 : 1;
  const lenLen = flags & FLAG.uncompressedLength ? 2 : 1;
  const headerLength = 1 + cmdLen + lenLen;
  if (bytes.length < headerLength) return undefined;
  const cmdBytes = bytes.slice(1, 1 + cmdLen);
  const cmdCode = cmdLen === 2 ? (cmdBytes[0]! << 8) | cmdBytes[1]! : ((cmdBytes[0]! >> 5) << 8) | (cmdBytes[0]! & 0x1f);
  const lenBytes = bytes.slice(1 + cmdLen, headerLength);
  const length = lenLen === 2 ? lenBytes[0]! | (lenBytes[1]! << 8) : lenBytes[0]!;
  return { cmdCode, cmdBytes, lenBytes, length, headerLength };
}

/** Picks a direction for a frame nobody labelled, with the reason shown to the user. */
function guessDirection(bytes: Uint8Array): { direction: FrameDirection; reason: string } {
  const flags = bytes[0]!;
  if (flags & (FLAG.failure | FLAG.criticalBootStatus)) {
    return { direction: 'response', reason: 'assumed response: flag bits 0x80/0x40 only occur in responses' };
  }
  const layout = readLayout(bytes);
  if (layout && bytes.length >= layout.headerLength + layout.length) {
    const cmd = commandByCode(layout.cmdCode);
    const payload = bytes.slice(layout.headerLength, layout.headerLength + layout.length);
    const asCommand = payloadFits(cmd, payload, 'command');
    const asResponse = payloadFits(cmd, payload, 'response');
    if (asResponse === 'fits' && asCommand === 'does-not-fit') {
      return { direction: 'response', reason: `assumed response: the payload only fits the answer layout of ${cmd!.name}` };
    }
    if (asCommand === 'fits' && asResponse === 'does-not-fit') {
      return { direction: 'command', reason: `assumed command: the payload only fits the request layout of ${cmd!.name}` };
    }
  }
  return { direction: 'command', reason: 'assumed command: nothing in the frame marks it as a response' };
}

/**
 * The frame log's one line for a frame: the command's name and, for an error answer, its status, in
 * the words of explainFrame's CmdCode and Status fields, from the header and the command table alone
 * (an upload frame's kilobyte of payload is neither decoded nor written out as hex). A frame too
 * short to name its command gives its direction.
 */
export function summarizeFrame(bytes: Uint8Array, direction: FrameDirection): string {
  return frameSummary(bytes, direction).summary;
}

/** The frame log's line, and the same as a catalogue text when it names a reader status (its meaning is translated). */
export interface FrameSummary {
  summary: string;
  text?: HostText;
}

export function frameSummary(bytes: Uint8Array, direction: FrameDirection): FrameSummary {
  if (bytes.length === 0) return { summary: direction };
  const layout = readLayout(bytes);
  if (!layout) return { summary: direction };
  const name = commandName(layout.cmdCode);
  const summary = layout.cmdBytes.length === 1 ? `${name} (1-byte form: group ${layout.cmdCode >> 8}, index ${hex(layout.cmdCode & 0x1f, 2)})` : name;
  const bodyEnd = layout.headerLength + layout.length;
  if (direction !== 'response' || !(bytes[0]! & FLAG.failure) || layout.length === 0 || bytes.length < bodyEnd) return { summary };
  const s = describeStatus(layout.cmdCode, bytes[layout.headerLength]!);
  return { summary: `${summary} → ${s.name}: ${s.meaning}`, text: hostText('frame.status-summary', { summary, status: s.name, meaning: s.text }) };
}

export function explainFrame(bytes: Uint8Array, direction?: FrameDirection): ExplainedFrame {
  const fields: ExplainedField[] = [];
  const problems: string[] = [];
  if (bytes.length === 0) {
    return { fields, problems: ['the frame is empty'], direction: direction ?? 'command', assumed: direction === undefined };
  }
  let dir: FrameDirection;
  if (direction) {
    dir = direction;
  } else {
    const guess = guessDirection(bytes);
    dir = guess.direction;
    fields.push({ name: 'Direction', hex: '', meaning: guess.reason });
  }
  const result = (): ExplainedFrame => ({ fields, problems, direction: dir, assumed: direction === undefined });

  const flags = bytes[0]!;
  fields.push({ name: 'FormatFlags', hex: spacedHex(bytes.subarray(0, 1)), meaning: describeFlags(flags, dir) });
  const flagIssue = flagsProblem(flags, dir);
  if (flagIssue) problems.push(englishText(flagIssue));

  const layout = readLayout(bytes);
  if (!layout) {
    problems.push(`the frame ends inside its header: ${bytes.length} bytes is too short`);
    return result();
  }
  const name = commandName(layout.cmdCode);
  const cmd = commandByCode(layout.cmdCode);
  fields.push({
    name: 'CmdCode',
    hex: spacedHex(layout.cmdBytes),
    meaning: layout.cmdBytes.length === 1 ? `${name} (1-byte form: group ${layout.cmdCode >> 8}, index ${hex(layout.cmdCode & 0x1f, 2)})` : name,
  });
  fields.push({
    name: 'Length',
    hex: spacedHex(layout.lenBytes),
    meaning: `${layout.length} byte${layout.length === 1 ? '' : 's'}${layout.lenBytes.length === 2 ? ' (LengthLow first)' : ''}`,
  });

  const bodyEnd = layout.headerLength + layout.length;
  const body = bytes.slice(layout.headerLength, Math.min(bodyEnd, bytes.length));
  if (bytes.length < bodyEnd) {
    if (body.length > 0) fields.push({ name: 'Payload', hex: spacedHex(body), meaning: 'incomplete' });
    problems.push(`the frame is incomplete: the length announces ${layout.length} payload bytes, but only ${body.length} are there`);
    return result();
  }

  if (dir === 'response' && flags & FLAG.failure) {
    if (body.length === 0) {
      problems.push('the Failure flag is set, but there is no status byte');
    } else {
      const status = body[0]!;
      const s = describeStatus(layout.cmdCode, status);
      fields.push({ name: 'Status', hex: spacedHex(body.subarray(0, 1)), meaning: `${s.name}: ${s.meaning}` });
      if (status === 0) problems.push('the Failure flag is set, but the status byte is 0x00 (OK)');
      if (body.length > 1) {
        fields.push({ name: 'Extra', hex: spacedHex(body.subarray(1)), meaning: 'bytes after the status byte' });
        problems.push(`an error response carries one status byte, but this one has ${body.length - 1} more`);
      }
    }
  } else if (body.length > 0 || cmd) {
    let meaning: string;
    if (!cmd) {
      meaning = `${body.length} bytes; ReaderDesk does not know the layout of ${name}`;
    } else {
      const what = dir === 'command' ? 'request' : 'answer';
      try {
        const decoded: unknown = dir === 'command' ? cmd.decodeRequest(body) : cmd.decodeResponse(body);
        const shown = decoded === undefined ? (dir === 'command' ? 'no parameters' : 'no data') : renderValue(decoded);
        meaning = `${cmd.name} ${what}: ${shown}`;
      } catch (err) {
        meaning = `does not match the ${what} layout of ${cmd.name}`;
        problems.push((err as Error).message);
      }
    }
    fields.push({ name: 'Payload', hex: spacedHex(body), meaning });
  }

  const kind = checksumKindFromFlags(flags);
  const sumLen = checksumLength(kind);
  const frameEnd = bodyEnd + sumLen;
  if (sumLen > 0) {
    if (bytes.length < frameEnd) {
      problems.push(`the frame is incomplete: the ${CHECKSUM_LABEL[kind]} needs ${sumLen} bytes after the payload`);
      return result();
    }
    const sumBytes = bytes.subarray(bodyEnd, frameEnd);
    const expected = computeChecksum(kind, bytes.subarray(0, bodyEnd));
    const actual = readChecksum(kind, bytes, bodyEnd);
    let meaning: string;
    if (expected === undefined) {
      meaning = 'BCC16: not checked';
      problems.push('the frame uses the BCC16 checksum, which ReaderDesk does not support');
    } else if (expected === actual) {
      meaning = `${kind.toUpperCase()} ok`;
    } else {
      meaning = `${kind.toUpperCase()} wrong: expected ${formatChecksum(kind, expected).slice(2)}`;
      problems.push(`the checksum is ${formatChecksum(kind, actual)}, but the frame's bytes give ${formatChecksum(kind, expected)}`);
    }
    fields.push({ name: 'Checksum', hex: spacedHex(sumBytes), meaning });
  }

  if (bytes.length > frameEnd) {
    const extra = bytes.subarray(frameEnd);
    fields.push({ name: 'Trailing', hex: spacedHex(extra), meaning: 'bytes after the end of the frame' });
    problems.push(extra.length === 1 ? '1 byte follows the end of the frame' : `${extra.length} bytes follow the end of the frame`);
  }
  return result();
}
