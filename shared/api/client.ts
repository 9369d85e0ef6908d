import type { HostParams, HostText } from '../errors/hostText.ts';
import { API_METHODS, type ApiErrorPayload, type AppEvent, type ReaderDeskApi } from './contract.ts';

/** What a shell provides: a way to call a method by name and a stream of events. */
export interface ApiChannel {
  call(method: string, params: unknown[]): Promise<unknown>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** A failed call as the UI receives it: the host's code and values, and its English sentence. */
export class ApiCallError extends Error implements HostText {
  readonly params: HostParams;
  constructor(
    readonly code: string,
    message: string,
    params: HostParams = {},
  ) {
    super(message);
    this.params = params;
  }
  /** `params` may be missing from a shell that predates codes (or the preload's own refusal). */
  static from(p: Omit<ApiErrorPayload, 'params'> & { params?: HostParams }): ApiCallError {
    return new ApiCallError(p.code, p.message, p.params ?? {});
  }
}

/** Builds the typed API on top of a channel; the same function serves the IPC and the WebSocket shells. */
export function createApiClient(channel: ApiChannel): ReaderDeskApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) api[method] = (...params: unknown[]) => channel.call(method, params);
  api.onEvent = (listener: (e: AppEvent) => void) => channel.subscribe(listener);
  return api as unknown as ReaderDeskApi;
}
