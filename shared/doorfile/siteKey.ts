// The site key: 32 bytes of AES-256 key shared by every lock of a site. Messages about it name
// lengths only, never content, so a key cannot leak into logs through an error.

import { hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export const SITE_KEY_BYTES = 32;

export function siteKeyProblem(key: Uint8Array): HostText | null {
  return key.length === SITE_KEY_BYTES ? null : hostText('doorfile.site-key-bytes', { bytes: key.length, expected: SITE_KEY_BYTES });
}

/**
 * Reads a site key written as 64 hex digits; whitespace and line breaks anywhere are tolerated.
 * The returned bytes belong to the caller, who wipes them after use.
 */
export function parseSiteKeyText(text: string): Uint8Array {
  const digits = text.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    throw new Error('The site key file contains characters other than hex digits and whitespace; it must hold exactly 64 hex digits (0-9, A-F).');
  }
  if (digits.length !== SITE_KEY_BYTES * 2) {
    throw new Error(`The site key file holds ${digits.length} hex digits, but a site key has ${SITE_KEY_BYTES * 2}; check that the whole key was copied.`);
  }
  const key = new Uint8Array(SITE_KEY_BYTES);
  for (let i = 0; i < SITE_KEY_BYTES; i++) key[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return key;
}
