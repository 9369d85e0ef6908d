// Loads and saves BALCFG files, turning file-system and format problems into sentences that name
// the file. A BALCFG holds the Config Security Code and project keys, so new files are created
// readable by their owner only.

import { readFile, stat } from 'node:fs/promises';
import { BalcfgError, parseBalcfg, serializeBalcfg, type Balcfg } from '../../../shared/config/balcfg.ts';
import { writeFileAtomic } from '../../../node/files/atomicWrite.ts';

/** Far above any real configuration (a few thousand values of at most 128 bytes plus history). */
const MAX_BALCFG_BYTES = 32 * 1024 * 1024;

export type BalcfgFileProblem = 'not-found' | 'unreadable' | 'not-balcfg' | 'invalid' | 'unwritable';

export class BalcfgFileError extends Error {
  override readonly name = 'BalcfgFileError';

  constructor(
    readonly path: string,
    readonly problem: BalcfgFileProblem,
    message: string,
    /** The BALCFG field at fault, for 'invalid' and 'not-balcfg'. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function fileProblem(path: string, err: unknown, writing: boolean): BalcfgFileError {
  const code = (err as NodeJS.ErrnoException).code;
  const options = { cause: err };
  if (!writing && code === 'ENOENT') {
    return new BalcfgFileError(path, 'not-found', `${path} was not found; check the folder and file name.`, undefined, options);
  }
  const verb = writing ? 'written' : 'read';
  const why =
    code === 'EACCES' || code === 'EPERM' ? 'permission was denied'
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : code === 'ENOENT' ? 'its folder does not exist'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EROFS' ? 'the disk is read-only'
    : `the system reported ${code ?? 'an error'}`;
  const what = writing ? 'the previous file, if any, is unchanged' : 'check the file and try again';
  return new BalcfgFileError(path, writing ? 'unwritable' : 'unreadable', `${path} could not be ${verb} because ${why}; ${what}.`, undefined, options);
}

export async function loadBalcfg(path: string): Promise<Balcfg> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    if (info.size > MAX_BALCFG_BYTES) {
      throw new BalcfgFileError(path, 'not-balcfg', `${path} is ${info.size} bytes, far larger than any BALCFG; it is not a ReaderDesk BALCFG file.`);
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof BalcfgFileError) throw err;
    throw fileProblem(path, err, false);
  }
  try {
    return parseBalcfg(text);
  } catch (err) {
    if (!(err instanceof BalcfgError)) throw err;
    const notBalcfg = err.field === 'format' || err.field === 'formatVersion';
    const message = notBalcfg
      ? `${path} cannot be opened: ${err.message}`
      : `${path} is a BALCFG file with an invalid field, ${err.message} Fix the field or restore the file from a backup.`;
    throw new BalcfgFileError(path, notBalcfg ? 'not-balcfg' : 'invalid', message, err.field, { cause: err });
  }
}

/** Writes the document atomically; a document that would not load again is refused before the file is touched. */
export async function saveBalcfg(path: string, cfg: Balcfg): Promise<void> {
  const text = serializeBalcfg(cfg);
  parseBalcfg(text);
  try {
    await writeFileAtomic(path, text, { mode: 0o600 });
  } catch (err) {
    throw fileProblem(path, err, true);
  }
}
