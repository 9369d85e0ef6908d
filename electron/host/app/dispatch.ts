import { API_PARAMS, type ApiErrorPayload, type ApiMethod, type ReaderDeskApi } from '../../../shared/api/contract.ts';
import { HostError } from '../../../shared/errors/hostError.ts';
import { toApiError } from './userMessage.ts';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorPayload };

/**
 * Validates one call against the contract's schemas and runs it. Both shells (IPC and WebSocket)
 * go through here, so neither can reach a method or a parameter shape the contract does not name.
 */
export async function dispatchCall(api: ReaderDeskApi, method: unknown, params: unknown): Promise<DispatchResult> {
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(API_PARAMS, method)) {
    return { ok: false, error: toApiError(new HostError('unknown-method', { method: String(method) })) };
  }
  const schema = API_PARAMS[method as ApiMethod];
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    return { ok: false, error: toApiError(new HostError('bad-params', { method, detail: parsed.error.issues[0]?.message ?? 'invalid' })) };
  }
  try {
    const fn = (api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!;
    const result = await fn.apply(api, parsed.data as unknown[]);
    return { ok: true, result: result ?? null };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}
