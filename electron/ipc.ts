// The only door between the renderer and the host: one invoke channel, checked sender, validated calls.
import { ipcMain, type WebContents } from 'electron';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } from '../shared/api/contract.ts';
import type { AppService } from './host/app/appService.ts';
import { guardedCall } from './shellPolicy.ts';

/**
 * Serves ReaderDesk's API to one window. `indexUrl` is the file:// URL of the renderer's
 * index.html: calls from any other page, frame or window are refused before they reach the host.
 */
export function registerIpc(service: AppService, window: WebContents, indexUrl: string): () => void {
  ipcMain.removeHandler(IPC_CHANNEL_CALL);
  ipcMain.handle(IPC_CHANNEL_CALL, (event, method: unknown, params: unknown) => {
    const frame = event.senderFrame;
    const sender = {
      senderId: event.sender.id,
      windowId: window.id,
      frameUrl: frame?.url ?? '',
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
    };
    return guardedCall(service, sender, indexUrl, method, params);
  });
  const unsubscribe = service.onEvent((e) => {
    if (!window.isDestroyed()) window.send(IPC_CHANNEL_EVENT, e);
  });
  const dispose = () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNEL_CALL);
  };
  window.once('destroyed', dispose);
  return dispose;
}
