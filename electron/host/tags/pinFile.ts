// PINs, master PINs and XXTEA keys come only from files the user names: 32 hex digits (16 bytes),
// whitespace and line breaks tolerated. Messages name the file and what is wrong with its shape,
// never its content.

import { readFile } from 'node:fs/promises';
import { wipe } from '../../../shared/bytes.ts';
import { HostError } from '../../../shared/errors/hostError.ts';
import { errnoOf } from '../../../shared/errors/fileProblem.ts';
import type { HostParam } from '../../../shared/errors/hostText.ts';

export class SecretFileError extends Error {
  override readonly name = 'SecretFileError';
}

/**
 * Why a key or PIN file could not be read. A name that does not exist is not repeated: people
 * type the key itself where its file belongs, and the message would put the key on screen and in logs.
 * `what` names the secret: a catalogue clause (translated in the UI) or an English word.
 */
export function secretFileProblem(what: HostParam, file: string, err: unknown): HostError {
  const code = errnoOf(err);
  if (code === 'ENOENT' || code === 'ENAMETOOLONG' || code === 'ENOTDIR') return new HostError('secret-file.missing', { what });
  if (code === 'EISDIR') return new HostError('secret-file.is-folder', { what });
  return new HostError('secret-file.unreadable', { what, file, errno: code ?? 'error' });
}

/** The English sentence of secretFileProblem, for the CLI. */
export function secretFileReadError(what: string, file: string, err: unknown): string {
  return secretFileProblem(what, file, err).message;
}

/** Reads a 16-byte secret written as 32 hex digits. The caller wipes the result after use. */
export async function readSecretFile(file: string, what: string): Promise<Uint8Array> {
  let raw: Uint8Array;
  try {
    raw = await readFile(file);
  } catch (e) {
    throw new SecretFileError(secretFileReadError(what, file, e));
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
