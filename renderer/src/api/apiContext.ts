import { createContext, useContext } from 'react';
import type { ReaderDeskApi } from '../../../shared/api/contract.ts';
import { createApiClient } from '../../../shared/api/client.ts';
import { ipcChannel, webSocketChannel } from './channels.ts';

/** Picks the shell's channel: Electron's preload bridge when present, the web shell's WebSocket otherwise. */
export function createApi(): ReaderDeskApi {
  if (window.readerdeskBridge) return createApiClient(ipcChannel(window.readerdeskBridge));
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createApiClient(webSocketChannel(`${proto}//${location.host}/api`));
}

export const ApiContext = createContext<ReaderDeskApi | null>(null);

export function useApi(): ReaderDeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext is missing');
  return api;
}
