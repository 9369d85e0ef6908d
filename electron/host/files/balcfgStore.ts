// Loads and saves BALCFG files, turning file-system and format problems into sentences that name
// the file. A BALCFG holds the Config Security Code and project keys, so new files are created
// readable by their owner only.

import { readFile, stat } from 'node:fs/promises';
import { BalcfgError, parseBalcfg, serializeBalcfg, type Balcfg } from '../../../shared/config/balcfg.ts';
import { writeFileAtomic } from '../../../node/files/atomicWrite.ts';
import type { HostErrorCode } from '../../../shared/errors/catalogue.ts';
import { HostError, hostText, type HostErrorParams } from '../../../shared/errors/hostError.ts';
import { errnoOf, fileProblem } from '../../../shared/errors/fileProblem.ts';
import type { HostParams } from '../../../shared/errors/hostText.ts';

/** Far above any real configuration (a few thousand values of at most 128 bytes plus history). */
const MAX_BALCFG_BYTES = 32 * 1024 * 1024;

export type BalcfgFileProblem = 'not-found' | 'unreadable' | 'not-balcfg' | 'invalid' | 'unwritable';

type BalcfgFileCode = Extract<HostErrorCode, `balcfg.${string}`>;

export class BalcfgFileError extends HostError<BalcfgFileCode> {
  override readonly name = 'BalcfgFileError';

  constructor(
    readonly path: string,
    readonly problem: BalcfgFileProblem,
    text: { code: BalcfgFileCode; params: HostParams },
    /** The BALCFG field at fault, for 'invalid' and 'not-balcfg'. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(text.code, text.params as HostErrorParams<BalcfgFileCode>, options);
  }
}

function fileProblemOf(path: string, err: unknown, writing: boolean): BalcfgFileError {
  const code = errnoOf(err);
  const options = { cause: err };
  if (!writing && code === 'ENOENT') {
    return new BalcfgFileError(path, 'not-found', { code: 'balcfg.not-found', params: { file: path } }, undefined, options);
  }
  // A missing folder is the one case where "the file" is not what is missing.
  const why = code === 'ENOENT' ? hostText('balcfg.no-folder', {}) : fileProblem(code);
  return writing
    ? new BalcfgFileError(path, 'unwritable', { code: 'balcfg.unwritable', params: { file: path, why } }, undefined, options)
    : new BalcfgFileError(path, 'unreadable', { code: 'balcfg.unreadable', params: { file: path, why } }, undefined, options);
}

export async function loadBalcfg(path: string): Promise<Balcfg> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    if (info.size > MAX_BALCFG_BYTES) {
      throw new BalcfgFileError(path, 'not-balcfg', { code: 'balcfg.too-large', params: { file: path, bytes: info.size } });
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof BalcfgFileError) throw err;
    throw fileProblemOf(path, err, false);
  }
  try {
    return parseBalcfg(text);
  } catch (err) {
    if (!(err instanceof BalcfgError)) throw err;
    const notBalcfg = err.field === 'format' || err.field === 'formatVersion';
    const text = notBalcfg
      ? { code: 'balcfg.not-balcfg' as const, params: { file: path, reason: err.fieldText } }
      : { code: 'balcfg.invalid-field' as const, params: { file: path, reason: err.fieldText } };
    throw new BalcfgFileError(path, notBalcfg ? 'not-balcfg' : 'invalid', text, err.field, { cause: err });
  }
}

/** Writes the document atomically; a document that would not load again is refused before the file is touched. */
export async function saveBalcfg(path: string, cfg: Balcfg): Promise<void> {
  const text = serializeBalcfg(cfg);
  parseBalcfg(text);
  try {
    await writeFileAtomic(path, text, { mode: 0o600 });
  } catch (err) {
    throw fileProblemOf(path, err, true);
  }
}
