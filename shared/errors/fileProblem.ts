// The one rule that turns a file system error code (errno) into words, as a clause for sentences
// such as "Cannot read {file}: {why}." The caller passes the code (NodeJS.ErrnoException.code).

import { hostText } from './hostError.ts';
import type { HostText } from './hostText.ts';

export function fileProblem(errno: string | undefined): HostText {
  switch (errno) {
    case 'ENOENT':
    case 'ENOTDIR':
      return hostText('file.missing', {});
    case 'EACCES':
    case 'EPERM':
      return hostText('file.denied', {});
    case 'EISDIR':
      return hostText('file.is-folder', {});
    case 'ENOSPC':
      return hostText('file.disk-full', {});
    case 'EROFS':
      return hostText('file.read-only', {});
    default:
      return hostText('file.other', { errno: errno ?? 'unknown error' });
  }
}

/** The errno code of a failure, if it has one. */
export function errnoOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
