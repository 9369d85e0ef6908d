// The Electron IPC channel names of the API contract, in a module that imports no code (types only):
// the sandboxed preload bundles this file and nothing else of shared/ (test/unit/preload.test.ts).
// Every method travels over the one invoke channel by name; the host checks the name and the
// arguments against the contract's schemas (electron/host/app/dispatch.ts).

import type { AppEvent } from './contract.ts';

/** ipcRenderer.invoke(IPC_CHANNEL_CALL, method, params) → { ok, result } | { ok: false, error }. */
export const IPC_CHANNEL_CALL = 'readerdesk:call';
/** The host's events as EventsMessage batches, sent to the app's own window only. */
export const IPC_CHANNEL_EVENT = 'readerdesk:event';

/**
 * How the host's events travel to a window, in both shells (on IPC_CHANNEL_EVENT, and on the web
 * shell's WebSocket between answers): several to a message, in the order they happened, at most 20
 * messages a second (electron/host/app/eventStream.ts).
 */
export interface EventsMessage {
  events: AppEvent[];
}
