// Paths a person typed into the app. The web shell's working folder means nothing to them, so "~",
// "~/x" and relative paths are taken from the home folder; every service resolves them here.

import os from 'node:os';
import path from 'node:path';

/** Blanks around the path go; "~" alone or at the start ("~/", and "~\" as Windows users type it) is the home folder. */
export function expandHome(input: string): string {
  const p = input.trim();
  if (p === '~') return os.homedir();
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(os.homedir(), p.slice(2));
  return p;
}

/** An absolute path: expandHome, then a relative path counts from the home folder. */
export function resolveUserPath(input: string): string {
  return path.resolve(os.homedir(), expandHome(input));
}
