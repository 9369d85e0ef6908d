// FIPS 180 example messages for SHA-256 (the BEC2 Update block and the Config Security Code key use it).
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bytes.ts';
import { sha256 } from '../../../shared/crypto/sha256.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('SHA-256 known answers (FIPS 180)', () => {
  it.each([
    ['"abc" (one block)', 'abc', 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD'],
    ['the empty message', '', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855'],
    [
      'the 448-bit message (two blocks)',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1',
    ],
  ])('%s', (_name, message, digest) => {
    expect(toHex(sha256(ascii(message)))).toBe(digest);
  });
});
