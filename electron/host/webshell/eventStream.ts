import type { AppEvent, ReaderDeskApi } from '../../../shared/api/contract.ts';

/** What one web-shell client receives besides answers: `{ event }` messages. */
export type EventMessage = { event: AppEvent };

/** Sends the host's events to one client; returns the unsubscribe. */
export function streamEvents(api: Pick<ReaderDeskApi, 'onEvent'>, send: (message: EventMessage) => void): () => void {
  return api.onEvent((event) => send({ event }));
}
