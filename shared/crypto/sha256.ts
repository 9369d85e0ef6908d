// SHA-256 (FIPS 180-4) from the audited @noble/hashes; the BEC2 Update block and the
// Config Security Code key derive from it.

import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}
