// The text wrapper shared by .bf3 and .bec2 files: "Name: Value" comment lines, one empty
// line, then the binary image as uppercase hex, 40 bytes per line. The writer copies the
// reference byte for byte, including its trailing empty hex line; the reader is tolerant
// about line endings but strict about content.

import { toHex } from '../bytes.ts';
import { Bec2FormatError, Bec2InputError } from './errors.ts';

export interface FileComment {
  name: string;
  value: string;
}

export interface TextContainer {
  /** In file order; names are unique in files this library writes, but not enforced on read. */
  comments: FileComment[];
  binary: Uint8Array;
}

export type LineEnding = '\r\n' | '\n';

const BYTES_PER_LINE = 40;

export function writeTextContainer(
  comments: readonly FileComment[],
  binary: Uint8Array,
  lineEnding: LineEnding = '\r\n',
): string {
  const lines: string[] = [];
  for (const { name, value } of comments) {
    checkComment(name, value);
    lines.push(`${name}: ${value}`);
  }
  lines.push('');
  // The reference loops over offsets below len + 39, which yields one empty hex line at the
  // end unless len % 40 == 1. Files must match it byte for byte, so we do the same.
  for (let off = 0; off < binary.length + BYTES_PER_LINE - 1; off += BYTES_PER_LINE) {
    lines.push(toHex(binary.subarray(off, off + BYTES_PER_LINE)));
  }
  return lines.map((l) => l + lineEnding).join('');
}

function checkComment(name: string, value: string): void {
  if (name.length === 0 || /[:\r\n]/.test(name)) {
    throw new Bec2InputError(
      `the comment name "${name.replace(/[\r\n]/g, ' ')}" cannot be written: it must be non-empty and contain no colon or line break`,
    );
  }
  if (/[\r\n]/.test(value)) {
    throw new Bec2InputError(`the value of comment "${name}" contains a line break; put it on one line`);
  }
  if (value !== value.trim()) {
    throw new Bec2InputError(
      `the value of comment "${name}" starts or ends with whitespace, which readers strip; trim it first`,
    );
  }
}

/** Separators the reference deletes from the hex body before decoding. */
const HEX_SEPARATORS = /[\s,\-./:]/g;

export function readTextContainer(text: string): TextContainer {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  const comments: FileComment[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon < 0) {
      throw new Bec2FormatError(
        'format',
        `header line ${i + 1} has no "Name: Value" form; a BF3/BEC2 file starts with comment lines, then one empty line, then hex`,
      );
    }
    comments.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  if (i >= lines.length) {
    throw new Bec2FormatError(
      'format',
      'the file has no empty line after its header, so it has no hex data; is this a BF3/BEC2 file?',
    );
  }
  const digits: string[] = [];
  for (let n = i + 1; n < lines.length; n++) {
    const clean = lines[n]!.replace(HEX_SEPARATORS, '');
    const bad = clean.search(/[^0-9a-fA-F]/);
    if (bad >= 0) {
      throw new Bec2FormatError(
        'format',
        `line ${n + 1} contains "${clean[bad]}", which is not a hex digit; the data part of a BF3/BEC2 file is hex only`,
      );
    }
    digits.push(clean);
  }
  const hex = digits.join('');
  if (hex.length === 0) throw new Bec2FormatError('format', 'the file has a header but no hex data after the empty line');
  if (hex.length % 2 !== 0) {
    throw new Bec2FormatError('format', `the hex data has an odd number of digits (${hex.length}); the file is truncated or damaged`);
  }
  const binary = new Uint8Array(hex.length / 2);
  for (let k = 0; k < binary.length; k++) binary[k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
  return { comments, binary };
}
