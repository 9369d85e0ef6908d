// PINs, master PINs and XXTEA keys come only from files the user names: 32 hex digits (16 bytes),
// whitespace and line breaks tolerated. Messages name the file and what is wrong with its shape,
// never its content.

import { readFile } from 'node:fs/promises';
import { wipe } from '../../../shared/bytes.ts';

export class SecretFileError extends Error {
  override readonly name = 'SecretFileError';
}

/** Reads a 16-byte secret written as 32 hex digits. The caller wipes the result after use. */
export async function readSecretFile(file: string, what: string): Promise<Uint8Array> {
  let raw: Uint8Array;
  try {
    raw = await readFile(file);
  } catch (e) {
    throw new SecretFileError(`Cannot read the ${what} file ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}); check the path.`);
  }
  let text = '';
  try {
    text = new TextDecoder().decode(raw).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(text)) {
      throw new SecretFileError(`The ${what} file ${file} contains characters other than hex digits and whitespace; it must hold exactly 32 hex digits.`);
    }
    if (text.length !== 32) {
      throw new SecretFileError(`The ${what} file ${file} holds ${text.length} hex digits, but a ${what} is 16 bytes (32 hex digits).`);
    }
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
    return out;
  } finally {
    wipe(raw);
    text = '';
  }
}
