// The text form of a configuration value address, "KKKK/VV" (Key = MasterKey << 8 | SubKey, then
// the value id), as the BALTECH reference writes it without the 0x prefixes.

import { hexByte } from '../bytes.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export interface ValueRef {
  readonly key: number;
  readonly value: number;
}

const ID_PATTERN = /^([0-9A-Fa-f]{4})\/([0-9A-Fa-f]{2})$/;

/** Reads "KKKK/VV"; null when the text is not of that shape or uses the reserved id 0xFF. */
export function parseValueId(text: string): ValueRef | null {
  const m = ID_PATTERN.exec(text);
  if (!m) return null;
  const key = parseInt(m[1]!, 16);
  const value = parseInt(m[2]!, 16);
  if (usesReservedId(key, value)) return null;
  return { key, value };
}

/** 0xFF marks an invalid id and is the deletion wildcard, in any of the three levels. */
export function usesReservedId(key: number, value: number): boolean {
  return key >>> 8 === 0xff || (key & 0xff) === 0xff || value === 0xff;
}

export function formatValueId(key: number, value: number): string {
  // From the byte table: a reader's whole configuration is formatted on every upload and file load.
  if (key >>> 16 === 0 && value >>> 8 === 0 && Number.isInteger(key) && Number.isInteger(value)) {
    return hexByte(key >>> 8) + hexByte(key & 0xff) + '/' + hexByte(value);
  }
  return `${key.toString(16).padStart(4, '0')}/${value.toString(16).padStart(2, '0')}`.toUpperCase();
}

/** Upper-case canonical form, or null when the text is not a usable id. */
export function normalizeValueId(text: string): string | null {
  const ref = parseValueId(text);
  return ref ? formatValueId(ref.key, ref.value) : null;
}

/** Readers refuse to return values with id 0x80 and above; ReaderDesk never shows their content. */
export function isSecretValue(value: number): boolean {
  return value >= 0x80;
}

export function isSecretValueId(id: string): boolean {
  const ref = parseValueId(id);
  return ref !== null && isSecretValue(ref.value);
}

/** "KKKK/VV" in upper-case hex: fixed width, so such ids sort as plain strings in key-then-value order. */
function isCanonicalShape(s: string): boolean {
  if (s.length !== 7 || s.charCodeAt(4) !== 0x2f) return false;
  for (let i = 0; i < 7; i++) {
    if (i === 4) continue;
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46))) return false;
  }
  return true;
}

/** Sort order of the TLV writer and of the BALCFG file: by key, then by value id. */
export function compareValueIds(a: string, b: string): number {
  // Documents hold canonical ids; comparing them as text spares two parses per comparison.
  if (isCanonicalShape(a) && isCanonicalShape(b)) return a < b ? -1 : a > b ? 1 : 0;
  const ra = parseValueId(a);
  const rb = parseValueId(b);
  if (!ra || !rb) return a < b ? -1 : a > b ? 1 : 0;
  return ra.key - rb.key || ra.value - rb.value;
}

/** An id is 7 characters; a text much longer than that is quoted no further. */
const MAX_QUOTED_ID = 12;

/**
 * Explains why a text is not a usable id, for error sentences. A long text is described, not
 * repeated: in a damaged file the id can run into the content next to it, which may be a key.
 */
export function explainBadValueId(text: string): HostText {
  if (ID_PATTERN.test(text)) return hostText('model.id-ff', { id: JSON.stringify(text) });
  const shown = text.length <= MAX_QUOTED_ID ? JSON.stringify(text) : hostText('model.text-of-length', { length: text.length });
  return hostText('model.not-an-id', { shown });
}

/** Why a text is not a usable id, as a sentence of its own (a clause with its full stop). */
export function badValueIdSentence(text: string): HostText {
  return hostText('model.clause', { clause: explainBadValueId(text) });
}
