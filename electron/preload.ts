// Preload (sandboxed): exposes exactly one frozen, typed bridge; the renderer never sees ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent } from '../shared/api/contract.ts';
// The channel names come from the module that holds nothing else: the preload stays a few lines,
// without the contract's modules (test/unit/preload.test.ts checks what it bundles).
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT, type EventsMessage } from '../shared/api/channels.ts';

type CallResult = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

const bridge = Object.freeze({
  call(method: string, params: unknown[]): Promise<CallResult> {
    if (typeof method !== 'string' || !Array.isArray(params)) {
      return Promise.resolve({ ok: false, error: { code: 'bad-params', message: 'The request to ReaderDesk was malformed.' } });
    }
    return ipcRenderer.invoke(IPC_CHANNEL_CALL, method, params);
  },
  subscribe(listener: (event: AppEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a function');
    // The host sends its events several to a message (electron/host/app/eventStream.ts); the page sees them one by one, in order.
    const handler = (_e: IpcRendererEvent, message: EventsMessage) => {
      if (!Array.isArray(message?.events)) return;
      for (const event of message.events) listener(event);
    };
    ipcRenderer.on(IPC_CHANNEL_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNEL_EVENT, handler);
    };
  },
});

contextBridge.exposeInMainWorld('readerdeskBridge', bridge);
