// Door-file build time (encode, sort, encrypt, JSON) next to what node:crypto AES-256-ECB alone
// needs for the same credential bytes, so the cost outside the cipher is visible.

import { createCipheriv } from 'node:crypto';
import { randomBytes } from '../shared/bytes.ts';
import { buildDoorFile } from '../shared/doorfile/build.ts';
import { pureAesFactory, type BlockCipherFactory } from '../shared/doorfile/cipher.ts';
import { makeCredential } from '../shared/doorfile/credential.ts';
import { doorJsonChunks } from '../shared/doorfile/doorJson.ts';
import type { UserRecord } from '../shared/doorfile/userRecord.ts';
import { encodeWiegand } from '../shared/doorfile/wiegand.ts';
import { nodeAesFactory } from '../electron/host/crypto/nodeAes.ts';

function users(n: number): UserRecord[] {
  const out: UserRecord[] = [];
  for (let i = 0; i < n; i++) {
    // H10304 holds 2^35 distinct credentials, enough for a million unique users.
    const { value, bitCount } = encodeWiegand('h10304', (i * 7919) % 65536, (i * 104729) % 524288);
    out.push({
      line: i + 2,
      userId: (i % 0xfffff) + 1,
      primary: makeCredential('card', value, bitCount),
      secondary: null,
      active: true,
      attribute: 0,
      activation: '20000101000000',
      expiration: '21790606235959',
      schedule: 0,
    });
  }
  return out;
}

function ms(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`;
}

function buildOnce(list: UserRecord[], key: Uint8Array, factory: BlockCipherFactory): number {
  const built = buildDoorFile(list, key, factory);
  let chars = 0;
  for (const chunk of doorJsonChunks(built)) chars += chunk.length;
  return chars;
}

export async function benchDoorfile(print: (line: string) => void): Promise<void> {
  const key = randomBytes(32);
  for (const n of [5_000, 1_000_000]) {
    const list = users(n);
    let t = process.hrtime.bigint();
    const chars = buildOnce(list, key, nodeAesFactory);
    const nodeBuild = ms(t);
    t = process.hrtime.bigint();
    buildOnce(list, key, pureAesFactory);
    const pureBuild = ms(t);
    // The same plaintext blocks the build encrypts.
    const bytes = new Uint8Array(n * 16);
    list.forEach((u, i) => bytes.set(u.primary.block, i * 16));
    t = process.hrtime.bigint();
    createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(bytes);
    const ecb = ms(t);
    print(`doorfile ${n.toLocaleString('en')} credentials: build ${nodeBuild} (node:crypto), ${pureBuild} (@noble/ciphers AES); AES-256-ECB alone ${ecb} for ${n * 16} bytes; JSON ${(chars / 1e6).toFixed(1)} MB`);
  }
}
