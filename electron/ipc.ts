// The only door between the renderer and the host: one invoke channel, checked sender, validated calls.
import { ipcMain, type WebContents } from 'electron';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } from '../shared/api/contract.ts';
import { dispatchCall } from './host/app/dispatch.ts';
import type { AppService } from './host/app/appService.ts';

export function registerIpc(service: AppService, window: WebContents): void {
  ipcMain.removeHandler(IPC_CHANNEL_CALL);
  ipcMain.handle(IPC_CHANNEL_CALL, async (event, method: unknown, params: unknown) => {
    // Only our own window, showing our own files, may call the host.
    const url = event.senderFrame?.url ?? '';
    if (event.sender.id !== window.id || !url.startsWith('file://')) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not use ReaderDesk.' } };
    }
    return dispatchCall(service, method, params);
  });
  const unsubscribe = service.onEvent((e) => {
    if (!window.isDestroyed()) window.send(IPC_CHANNEL_EVENT, e);
  });
  window.once('destroyed', unsubscribe);
}
