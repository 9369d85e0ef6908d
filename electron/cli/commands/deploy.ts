import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { deployToReaders, decodeBec2Text, expectedConfigIdOf } from '../../host/lifecycle/deployJob.ts';
import { sameReaderTwice } from '../../host/lifecycle/readerKey.ts';
import { deployResultRecord } from '../../host/lifecycle/deployResult.ts';
import { CliError, type CliIo } from '../io.ts';
import { LINK_OPTIONS, MAX_BAUD_OPTION, baudArg, checksumArg, maxBaudArg, portArg } from '../linkOptions.ts';
import { englishText } from '../../../shared/errors/hostError.ts';
import { errnoOf, fileProblem } from '../../../shared/errors/fileProblem.ts';
import { lineSpeedSentence } from '../../../shared/brp/lineSpeed.ts';

export async function runDeploy(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { port: { type: 'string', multiple: true }, json: { type: 'boolean' }, ...LINK_OPTIONS, ...MAX_BAUD_OPTION },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  const ports = (values.port ?? []).map(portArg);
  const checksum = checksumArg(values.checksum);
  const maxBaud = maxBaudArg(values['max-baud']);
  if (!file || ports.length === 0) throw new CliError('usage: deploy <file.bec2> --port <p> [--port <p> ...] [--json]');
  const twice = await sameReaderTwice(ports);
  if (twice) {
    throw new CliError(
      twice.first === twice.again
        ? `the same --port is given twice (${twice.first}); each reader needs its own port`
        : `--port ${twice.again} is the same reader as --port ${twice.first}; give each reader once`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'latin1');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${englishText(fileProblem(errnoOf(err)))}`);
  }
  let binary: Uint8Array;
  try {
    binary = decodeBec2Text(text);
  } catch (err) {
    throw new CliError(`${file} is not a readable BEC2 file: ${(err as Error).message}`);
  }
  const lastPct = new Map<string, number>();
  const results = await deployToReaders(binary, ports, {
    baudRate: baudArg(values.baud),
    checksum,
    maxBaud,
    expectedConfigId: expectedConfigIdOf(text),
    onProgress: (p) => {
      if (values.json || p.phase !== 'uploading') return;
      const pct = Math.floor((p.bytesDone / p.bytesTotal) * 100);
      if (pct > 0 && (pct === 100 || pct - (lastPct.get(p.port) ?? 0) >= 25)) {
        lastPct.set(p.port, pct);
        io.err(`${p.port}: ${pct}%`);
      }
    },
  });
  if (values.json) {
    io.out(JSON.stringify(results.map(deployResultRecord), null, 2));
  } else {
    for (const r of results) {
      io.out(`${r.port}: ${r.result} — ${r.message} (${r.bytes} bytes, ${r.durationMs} ms)`);
      if (r.lineSpeed) io.out(`${r.port}: line speed ${lineSpeedSentence(r.lineSpeed)}`);
    }
  }
  return results.every((r) => r.result === 'accepted') ? 0 : 1;
}
