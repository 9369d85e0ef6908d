// The sentence an error shows on screen.

/** The sentence of an error: model errors carry `sentence`, API errors a message. */
export function errorText(err: unknown): string {
  const raw = err && typeof err === 'object' && 'sentence' in err && typeof err.sentence === 'string'
    ? err.sentence
    : err instanceof Error ? err.message : String(err);
  const t = raw.trim();
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
