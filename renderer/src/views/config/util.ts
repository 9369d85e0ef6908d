// Small pure helpers of the configuration page.

function splitPath(p: string): { dir: string; base: string; sep: string } {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  const sep = p.includes('\\') && !p.includes('/') ? '\\' : '/';
  return i < 0 ? { dir: '', base: p, sep } : { dir: p.slice(0, i), base: p.slice(i + 1), sep };
}

export function baseName(p: string): string {
  return splitPath(p).base;
}

/** "<folder>/<name>-vNN.bec2" next to the BALCFG. */
export function defaultBec2Path(balcfgPath: string, version: number): string {
  const { dir, base, sep } = splitPath(balcfgPath);
  const stem = base.replace(/\.balcfg$/i, '').replace(/\.[^.]+$/, '') || 'config';
  const name = `${stem}-v${String(version).padStart(2, '0')}.bec2`;
  return dir ? `${dir}${sep}${name}` : name;
}

/** Ctrl+Z in a text field belongs to the field. */
export function isTextTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement) return true;
  if (t instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(t.type);
  return false;
}
