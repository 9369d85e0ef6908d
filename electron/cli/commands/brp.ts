import { parseArgs } from 'node:util';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import { encodeCommandFrame } from '../../../shared/brp/frame.ts';
import type { ChecksumKind } from '../../../shared/brp/checksum.ts';
import { explainFrame } from '../../../shared/brp/explain.ts';
import { CliError, type CliIo } from '../io.ts';

const CHECKSUMS: ChecksumKind[] = ['none', 'bcc8', 'crc16', 'bcc16'];

export async function runBrp(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'encode') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { checksum: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [codeText, paramHex = ''] = positionals;
    if (!codeText) throw new CliError('brp encode needs a command code, e.g. "brp encode 0x0004" or "brp encode 0008 062001"');
    const code = parseInt(codeText.replace(/^0x/i, ''), 16);
    if (!/^(0x)?[0-9a-fA-F]{1,4}$/.test(codeText) || Number.isNaN(code)) {
      throw new CliError(`"${codeText}" is not a 16-bit command code in hex (e.g. 0004 for Sys.GetInfo)`);
    }
    const checksum = (values.checksum ?? 'crc16') as ChecksumKind;
    if (!CHECKSUMS.includes(checksum)) throw new CliError(`--checksum takes none, bcc8, crc16 or bcc16 (got "${values.checksum}")`);
    let payload: Uint8Array;
    try {
      payload = fromHex(paramHex);
    } catch (err) {
      throw new CliError(`the parameters are not valid hex: ${(err as Error).message}`);
    }
    io.out(toHex(encodeCommandFrame({ cmdCode: code, payload, checksum })));
    return 0;
  }
  if (sub === 'decode') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { command: { type: 'boolean' }, response: { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const hex = positionals.join('');
    if (!hex) throw new CliError('brp decode needs the frame as hex, e.g. "brp decode 2C00040000 4E53"');
    let bytes: Uint8Array;
    try {
      bytes = fromHex(hex);
    } catch (err) {
      throw new CliError(`the frame is not valid hex: ${(err as Error).message}`);
    }
    const direction = values.command ? 'command' : values.response ? 'response' : undefined;
    const explained = explainFrame(bytes, direction);
    if (values.json) {
      io.out(JSON.stringify(explained, null, 2));
    } else {
      io.out(`${explained.direction} frame`);
      const width = Math.max(...explained.fields.map((f) => f.name.length), 4);
      for (const f of explained.fields) io.out(`  ${f.name.padEnd(width)}  ${f.hex.padEnd(12)}  ${f.meaning}`);
      for (const p of explained.problems) io.out(`  problem: ${p}`);
    }
    return explained.problems.length === 0 ? 0 : 2;
  }
  throw new CliError('use "brp encode <cmd-code> [<param-hex>] [--checksum none|bcc8|crc16|bcc16]" or "brp decode <hex>"');
}
