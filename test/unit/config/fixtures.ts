import { createBalcfg } from '../../../shared/config/model.ts';

/** A fixed "random" source so that documents and texts are reproducible. */
export function fixedRandom(...bytes: number[]) {
  return (n: number) => Uint8Array.from({ length: n }, (_, i) => bytes[i % bytes.length]!);
}

export const TEST_CSC_HEX = '0123456789ABCDEF';

export function sampleBalcfg() {
  return createBalcfg(
    { name: 'Testname', customer: 10234, project: 5678, device: 6789 },
    fixedRandom(0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef),
  );
}
