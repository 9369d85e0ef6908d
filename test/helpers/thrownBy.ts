/** The error of the given class that fn throws; anything else it throws is thrown on, and throwing nothing fails. */
export function thrownBy<E extends Error>(kind: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (err) {
    if (err instanceof kind) return err;
    throw err;
  }
  throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}
