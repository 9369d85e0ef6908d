import type { ApiErrorPayload } from '../../../shared/api/contract.ts';
import { HostError } from '../../../shared/errors/hostError.ts';

/** Turns any failure into the English sentence the CLI and logs show; never includes a stack or key material. */
export function userMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * What crosses the wire for a failure: the catalogue code and values of a HostError (the UI
 * translates them), and the English sentence. Other errors keep their own code, if any, without
 * values; the UI shows their English sentence.
 */
export function toApiError(err: unknown): ApiErrorPayload {
  if (err instanceof HostError) return { code: err.code, params: err.params, message: err.message };
  const code = err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string' ? (err as { code: string }).code : 'error';
  return { code, params: {}, message: userMessage(err) };
}
