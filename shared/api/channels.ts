// The Electron IPC channel names of the API contract, in a module that imports nothing: the
// sandboxed preload bundles this file instead of the contract (which would pull in zod and every
// schema). Every method travels over the one invoke channel by name; the host checks the name and
// the arguments against the contract's schemas (electron/host/app/dispatch.ts).

/** ipcRenderer.invoke(IPC_CHANNEL_CALL, method, params) → { ok, result } | { ok: false, error }. */
export const IPC_CHANNEL_CALL = 'readerdesk:call';
/** The host's events (AppEvent), sent to the app's own window only. */
export const IPC_CHANNEL_EVENT = 'readerdesk:event';
