// JSON.parse's own message may quote the text around the error, and that text can be a key, a PIN
// or a Config Security Code (a key file given where a JSON file belongs). Callers get only where
// the error is, never what is there.

/** `where`: a clause such as " (line 3, column 7)" (json.at), or '' when the parser did not say. */
import { hostText } from './errors/hostError.ts';
import type { HostParam } from './errors/hostText.ts';

export type JsonParse = { ok: true; value: unknown } | { ok: false; where: HostParam };

export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const pos = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    if (!pos) return { ok: false, where: text.trim() === '' ? hostText('json.empty', {}) : '' };
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { ok: false, where: hostText('json.at', { line: String(line), column: String(column) }) };
  }
}
