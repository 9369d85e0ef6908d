import { API_METHODS, type ApiErrorPayload, type AppEvent, type ReaderDeskApi } from './contract.ts';

/** What a shell provides: a way to call a method by name and a stream of events. */
export interface ApiChannel {
  call(method: string, params: unknown[]): Promise<unknown>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

export class ApiCallError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
  static from(p: ApiErrorPayload): ApiCallError {
    return new ApiCallError(p.code, p.message);
  }
}

/** Builds the typed API on top of a channel; the same function serves the IPC and the WebSocket shells. */
export function createApiClient(channel: ApiChannel): ReaderDeskApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) api[method] = (...params: unknown[]) => channel.call(method, params);
  api.onEvent = (listener: (e: AppEvent) => void) => channel.subscribe(listener);
  return api as unknown as ReaderDeskApi;
}
