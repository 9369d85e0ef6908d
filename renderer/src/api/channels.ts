import type { AppEvent } from '../../../shared/api/contract.ts';
import { ApiCallError, type ApiChannel } from '../../../shared/api/client.ts';
import { englishText } from '../../../shared/errors/hostError.ts';
import type { HostParams } from '../../../shared/errors/hostText.ts';

/** A failure of the shell itself, in the same shape as the host's errors. */
function offline(code: 'offline.unreachable' | 'offline.lost'): ApiCallError {
  return new ApiCallError(code, englishText({ code, params: {} }));
}

/** What Electron's preload exposes on window (see electron/preload.ts). */
export interface ElectronBridge {
  call(method: string, params: unknown[]): Promise<{ ok: true; result: unknown } | { ok: false; error: { code: string; params?: HostParams; message: string } }>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    readerdeskBridge?: ElectronBridge;
  }
}

export function ipcChannel(bridge: ElectronBridge): ApiChannel {
  return {
    async call(method, params) {
      const r = await bridge.call(method, params);
      if (!r.ok) throw ApiCallError.from(r.error);
      return r.result;
    },
    subscribe: (l) => bridge.subscribe(l),
  };
}

/** The web shell's channel: JSON messages over one WebSocket, reconnecting if the page outlives it. */
export function webSocketChannel(url: string): ApiChannel {
  const listeners = new Set<(e: AppEvent) => void>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let ws: WebSocket;
  let ready: Promise<void>;
  const open = () => {
    ws = new WebSocket(url);
    ready = new Promise((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = () => reject(offline('offline.unreachable'));
    });
    ws.onmessage = (m) => {
      const msg = JSON.parse(String(m.data));
      // The host sends its events several to a message, in order (electron/host/app/eventStream.ts).
      if (Array.isArray(msg.events)) {
        for (const event of msg.events as AppEvent[]) for (const l of [...listeners]) l(event);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(ApiCallError.from(msg.error));
    };
    ws.onclose = () => {
      for (const p of pending.values()) p.reject(offline('offline.lost'));
      pending.clear();
      setTimeout(open, 1000);
    };
  };
  open();
  return {
    async call(method, params) {
      await ready;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
