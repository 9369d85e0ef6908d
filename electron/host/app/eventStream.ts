import type { AppEvent, ReaderDeskApi } from '../../../shared/api/contract.ts';
import type { EventsMessage } from '../../../shared/api/channels.ts';

// What one window receives of the host's events, in both shells: the web shell's WebSocket
// (webshell/webShellServer.ts) and Electron's IPC event channel (electron/ipc.ts) carry the same
// batches. A deploy to 64 readers makes thousands of frame and progress events a second; one
// message each kept the host and the page busy with messages instead of readers.

export type { EventsMessage } from '../../../shared/api/channels.ts';

/** At most one message per 50 ms: 20 a second per client. */
export const EVENT_MESSAGE_INTERVAL_MS = 50;

export interface EventStreamClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface EventStreamOptions {
  /** The shortest time between two messages; EVENT_MESSAGE_INTERVAL_MS unless a test says otherwise. */
  intervalMs?: number;
  clock?: EventStreamClock;
}

const realClock: EventStreamClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Sends the host's events to one client, batched: an event after a quiet spell leaves at once, the
 * rest in one message per interval. Every event arrives, in order, except that a deploy-progress
 * event replaces an earlier one still waiting for the same job, reader and phase (only the newest
 * byte count matters; each phase change still arrives). Returns the unsubscribe, which drops what
 * is still waiting.
 */
export function streamEvents(
  api: Pick<ReaderDeskApi, 'onEvent'>,
  send: (message: EventsMessage) => void,
  opts: EventStreamOptions = {},
): () => void {
  const interval = opts.intervalMs ?? EVENT_MESSAGE_INTERVAL_MS;
  const clock = opts.clock ?? realClock;
  let waiting: (AppEvent | undefined)[] = [];
  let progressAt = new Map<string, number>();
  let lastSent = -Infinity;
  let timer: unknown;

  const flush = () => {
    timer = undefined;
    const events = waiting.filter((e): e is AppEvent => e !== undefined);
    waiting = [];
    progressAt = new Map();
    if (events.length === 0) return;
    lastSent = clock.now();
    send({ events });
  };

  const unsubscribe = api.onEvent((event) => {
    if (event.type === 'deploy-progress') {
      const key = `${event.jobId ?? ''}\n${event.progress.port}\n${event.progress.phase}`;
      const earlier = progressAt.get(key);
      if (earlier !== undefined) waiting[earlier] = undefined;
      progressAt.set(key, waiting.length);
    }
    waiting.push(event);
    if (timer !== undefined) return;
    const wait = lastSent + interval - clock.now();
    if (wait <= 0) flush();
    else timer = clock.setTimeout(flush, wait);
  });

  return () => {
    unsubscribe();
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    waiting = [];
  };
}
