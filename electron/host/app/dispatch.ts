import type { ApiErrorPayload, ApiMethod, ReaderDeskApi } from '../../../shared/api/contract.ts';
import { API_PARAMS } from '../../../shared/api/apiParams.ts';
import { HostError, hostText } from '../../../shared/errors/hostError.ts';
import { isHostText, type HostParam } from '../../../shared/errors/hostText.ts';
import { toApiError } from './userMessage.ts';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorPayload };

/**
 * Validates one call against the contract's schemas and runs it. Both shells (IPC and WebSocket)
 * go through here, so neither can reach a method or a parameter shape the contract does not name.
 */
export async function dispatchCall(api: ReaderDeskApi, method: unknown, params: unknown): Promise<DispatchResult> {
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(API_PARAMS, method)) {
    return { ok: false, error: toApiError(new HostError('unknown-method', { method: methodLabel(method) })) };
  }
  const schema = API_PARAMS[method as ApiMethod];
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A rule of our own may say why as a catalogue text (custom issues carry it in params.text).
    const said = issue?.code === 'custom' && isHostText(issue.params?.text) ? issue.params.text : undefined;
    return { ok: false, error: toApiError(new HostError('bad-params', { method, detail: said ?? issue?.message ?? 'invalid' })) };
  }
  try {
    const fn = (api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!;
    const result = await fn.apply(api, parsed.data as unknown[]);
    return { ok: true, result: result ?? null };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}

/**
 * Names a refused method in the answer when it has the shape of a method name (letters, camelCase).
 * The request may carry anything else: an object whose toString is not a function, or a pasted key,
 * which an answer must neither fail on nor echo back.
 */
function methodLabel(method: unknown): HostParam {
  const nameLike = typeof method === 'string' && /^[a-z][A-Za-z]{0,47}$/.test(method) && !/[0-9A-Fa-f]{16}/.test(method);
  return nameLike ? `"${method}"` : hostText('that-method', {});
}
