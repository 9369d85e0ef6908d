// The only door between the renderer and the host: one invoke channel, checked sender, validated calls.
// Electron's objects come in as parameters (main.ts passes ipcMain and the window's webContents),
// so that test/unit/ipcWiring.test.ts runs this exact wiring against fakes without the Electron binary.
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT, type ReaderDeskApi } from '../shared/api/contract.ts';
import { guardedCall } from './shellPolicy.ts';
import type { ChooseFileRequest } from '../shared/api/features/files.ts';
import { chooseWithDialog, type DialogPort, type FileDialogHost } from './fileDialogs.ts';
import { streamEvents, type EventStreamOptions } from './host/app/eventStream.ts';

/** The native file dialogs for chooseFile: Electron's `dialog`, the window they belong to, and the host that records the choice. */
export interface NativeFileDialogs {
  dialog: DialogPort;
  window: unknown;
  host: FileDialogHost;
}

/** What registerIpc reads from an invoke event: the webContents and the frame that sent it. */
export interface InvokeEventSource {
  sender: { id: number; mainFrame: unknown };
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain that registerIpc uses. */
export interface IpcMainPort {
  handle(channel: string, listener: (event: InvokeEventSource, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of the app window's webContents that registerIpc uses. */
export interface AppWindowContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * Serves ReaderDesk's API to one window. `indexUrl` is the URL of the renderer's index.html: calls
 * from any other page, frame or window are refused before they reach the host, and the host's
 * events go to this window only, batched as in the web shell (`events` sets the batching's clock
 * for tests).
 */
export function registerIpc(
  ipcMain: IpcMainPort,
  service: ReaderDeskApi,
  window: AppWindowContents,
  indexUrl: string,
  files?: NativeFileDialogs,
  events?: EventStreamOptions,
): () => void {
  const api = files ? withNativeDialogs(service, files) : service;
  ipcMain.removeHandler(IPC_CHANNEL_CALL);
  ipcMain.handle(IPC_CHANNEL_CALL, (event, method: unknown, params: unknown) => {
    const frame = event.senderFrame;
    const sender = {
      senderId: event.sender.id,
      windowId: window.id,
      frameUrl: frame?.url ?? '',
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
    };
    return guardedCall(api, sender, indexUrl, method, params);
  });
  // One message per batch, not per event: a deploy to many readers makes thousands of events a second.
  const unsubscribe = streamEvents(
    service,
    (message) => {
      if (!window.isDestroyed()) window.send(IPC_CHANNEL_EVENT, message);
    },
    events,
  );
  const dispose = () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNEL_CALL);
  };
  window.once('destroyed', dispose);
  return dispose;
}

/**
 * The host with chooseFile answered by the native dialogs: the call passes the same sender and
 * schema checks as every other, and the host then may use the file the user picked.
 */
function withNativeDialogs(service: ReaderDeskApi, files: NativeFileDialogs): ReaderDeskApi {
  const chooseFile = (request: ChooseFileRequest) => chooseWithDialog(files.dialog, files.window, request, files.host);
  return new Proxy(service, {
    get: (target, prop, receiver) => (prop === 'chooseFile' ? chooseFile : Reflect.get(target, prop, receiver)),
  });
}
