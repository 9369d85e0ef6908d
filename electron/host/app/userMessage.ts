import { BrpError } from '../../../shared/brp/errors.ts';
import type { ApiErrorPayload } from '../../../shared/api/contract.ts';

/** Turns any failure into the sentence the UI shows; never includes a stack or key material. */
export function userMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function toApiError(err: unknown): ApiErrorPayload {
  if (err instanceof BrpError) return { code: err.code, message: err.message };
  const code = err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string' ? (err as { code: string }).code : 'error';
  return { code, message: userMessage(err) };
}
