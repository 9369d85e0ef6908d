/**
 * Asks `check` again until it gives a value (anything but undefined, null, false, 0 or '') and returns
 * that value. After timeoutMs (15 s unless given) it fails, naming what it waited for: `what` is
 * called then, so it can tell what it saw instead.
 */
export async function waitUntil<T>(what: string | (() => string), check: () => T | Promise<T>, opts: { timeoutMs?: number; everyMs?: number } = {}): Promise<NonNullable<T>> {
  const end = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 50));
  }
}
