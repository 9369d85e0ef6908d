import type { ReaderSummary } from '../../../shared/api/contract.ts';

// Per-reader actions on a reader card (factory reset, read back): owned by the deploy/support work.
export function ReaderActions(_props: { reader: ReaderSummary; onError: (m: string) => void }) {
  return null;
}
