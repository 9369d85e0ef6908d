// `readerdesk crypto xxtea encrypt|decrypt --key-file <file> <hex32>`: one raw XXTEA block as the
// wireless memory uses it (16-byte block, 16-byte key, little-endian words). The key comes only from
// a file and never appears in output or errors.

import { parseArgs } from 'node:util';
import { toHex, wipe } from '../../../shared/bytes.ts';
import { xxteaDecryptBlock, xxteaEncryptBlock } from '../../../shared/tag/xxtea.ts';
import { readSecretFile, SecretFileError } from '../../host/tags/pinFile.ts';
import { CliError, type CliIo } from '../io.ts';
import { CRYPTO_USAGE } from '../usage.ts';

export async function runCrypto(argv: string[], io: CliIo): Promise<number> {
  const [algo, direction, ...rest] = argv;
  if (algo !== 'xxtea' || (direction !== 'encrypt' && direction !== 'decrypt')) {
    throw new CliError(`use: ${CRYPTO_USAGE.trim()}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { 'key-file': { type: 'string' } }, allowPositionals: true, strict: true });
  } catch {
    throw new CliError(`crypto xxtea takes --key-file <file> and one block; use: ${CRYPTO_USAGE.trim()}`);
  }
  const keyFile = parsed.values['key-file'];
  if (!keyFile) throw new CliError('crypto xxtea needs --key-file <file>: the key is read only from a file, never from the command line');
  const blockHex = parsed.positionals.join('').replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(blockHex)) {
    throw new CliError(`crypto xxtea needs one 16-byte block as 32 hex digits; got ${blockHex.length} characters${/^[0-9a-fA-F]*$/.test(blockHex) ? '' : ' that are not all hex digits'}`);
  }
  const block = new Uint8Array(16);
  for (let i = 0; i < 16; i++) block[i] = parseInt(blockHex.slice(2 * i, 2 * i + 2), 16);
  let key: Uint8Array;
  try {
    key = await readSecretFile(keyFile, 'XXTEA key');
  } catch (err) {
    if (err instanceof SecretFileError) throw new CliError(err.message);
    throw err;
  }
  try {
    const out = direction === 'encrypt' ? xxteaEncryptBlock(block, key) : xxteaDecryptBlock(block, key);
    io.out(toHex(out, false));
    return 0;
  } finally {
    wipe(key);
  }
}
