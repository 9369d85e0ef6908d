// The one subscribe/emit helper of the host and the simulator: add() hands back its own
// unsubscribe, and emit() calls a snapshot, so a listener that unsubscribes (or subscribes another)
// while being called neither skips nor adds a call in the same round.

export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();

  add(fn: (...args: T) => void): () => void {
    this.set.add(fn);
    return () => {
      this.set.delete(fn);
    };
  }

  emit(...args: T): void {
    for (const fn of [...this.set]) fn(...args);
  }

  clear(): void {
    this.set.clear();
  }
}
