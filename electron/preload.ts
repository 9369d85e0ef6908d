// Preload: exposes exactly one typed bridge; the renderer never sees ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT, type AppEvent } from '../shared/api/contract.ts';

type CallResult = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

const bridge = {
  call: (method: string, params: unknown[]): Promise<CallResult> => ipcRenderer.invoke(IPC_CHANNEL_CALL, method, params),
  subscribe(listener: (event: AppEvent) => void): () => void {
    const handler = (_e: unknown, event: AppEvent) => listener(event);
    ipcRenderer.on(IPC_CHANNEL_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_CHANNEL_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('readerdeskBridge', bridge);
