import { parseArgs } from 'node:util';
import { loadBalcfg, saveBalcfg } from '../../host/files/balcfgStore.ts';
import { withSession } from '../../host/readers/openSession.ts';
import { finalizeOnReader } from '../../host/lifecycle/finalize.ts';
import { CliError, type CliIo } from '../io.ts';
import { LINK_OPTIONS, baudArg, checksumArg, portArg } from '../linkOptions.ts';

export async function runFinalize(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, out: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' }, ...LINK_OPTIONS },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || !values.port || !values.out) throw new CliError('usage: finalize <file.balcfg> --port <p> --out <file.bec2>');
  const checksum = checksumArg(values.checksum);
  const port = portArg(values.port);
  const cfg = await loadBalcfg(file);
  const result = await withSession(port, (s) => finalizeOnReader(s, cfg, { outPath: values.out!, readerLabel: values.label ?? values.port }), { checksum, baudRate: baudArg(values.baud) });
  // The BEC2 is written first; if saving the BALCFG failed, the file still exists and finalizing again is refused, never silently lost.
  await saveBalcfg(file, result.balcfg);
  if (values.json) {
    io.out(JSON.stringify({ bec2: result.bec2Path, sha256: result.sha256, bytes: result.bytes, configId: result.configId, customerKey: result.customerKey }, null, 2));
  } else {
    io.out(`finalized ${result.configId} on ${values.port} (${result.customerKey.kind} customer key, signature ${result.customerKey.signature})`);
    io.out(`wrote ${result.bec2Path} (${result.bytes} bytes decoded, sha256 ${result.sha256})`);
  }
  return 0;
}
