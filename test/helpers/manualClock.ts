import type { EventStreamClock } from '../../electron/host/app/eventStream.ts';

/** A clock the test moves by hand, so the host's event batching is checked without waiting. */
export function manualClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: EventStreamClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => void timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance };
}
