// Plain .bf3 files (firmware and other components without auth blocks). They carry no key of
// their own, so their MACs are keyed with 16 zero bytes unless both sides agree on another.

import { bytesEqual, concatBytes } from '../bytes.ts';
import { type Bf3Component, encodeBf3Body, openBf3Components, parseBf3Directory } from './bf3Directory.ts';
import { Bec2FormatError } from './errors.ts';
import { type FileComment, type LineEnding, readTextContainer, writeTextContainer } from './text.ts';

export const BF3_SIGNATURE = Uint8Array.of(0x42, 0x46, 0x33, 0x00, 0x00);
export const BF3_DEFAULT_KEY = new Uint8Array(16);

export interface Bf3File {
  comments: FileComment[];
  components: Bf3Component[];
}

export function encodeBf3Binary(components: readonly Bf3Component[], sessionKey: Uint8Array = BF3_DEFAULT_KEY): Uint8Array {
  return concatBytes(BF3_SIGNATURE, encodeBf3Body(components, sessionKey, BF3_SIGNATURE.length));
}

export function decodeBf3Binary(binary: Uint8Array, sessionKey: Uint8Array = BF3_DEFAULT_KEY): Bf3Component[] {
  if (binary.length < BF3_SIGNATURE.length || !bytesEqual(binary.subarray(0, BF3_SIGNATURE.length), BF3_SIGNATURE)) {
    throw new Bec2FormatError('format', 'the data does not start with the BF3 signature "BF3\\0\\0"; it is not a BF3 file');
  }
  return openBf3Components(binary, parseBf3Directory(binary, BF3_SIGNATURE.length), sessionKey);
}

export function writeBf3File(file: Bf3File, sessionKey?: Uint8Array, lineEnding?: LineEnding): string {
  return writeTextContainer(file.comments, encodeBf3Binary(file.components, sessionKey), lineEnding);
}

export function readBf3File(text: string, sessionKey?: Uint8Array): Bf3File {
  const { comments, binary } = readTextContainer(text);
  return { comments, components: decodeBf3Binary(binary, sessionKey) };
}
