import { BrpError } from '../../shared/brp/errors.ts';

/** One line that says what went wrong; no stack traces for expected failures, no key material ever. */
export function errorLine(err: unknown): string {
  if (err instanceof BrpError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
