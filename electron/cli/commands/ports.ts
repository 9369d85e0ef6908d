import { parseArgs } from 'node:util';
import { listSerialPorts } from '../../host/ports/listPorts.ts';
import type { CliIo } from '../io.ts';

export async function runPorts(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const ports = await listSerialPorts();
  if (values.json) {
    io.out(JSON.stringify(ports, null, 2));
    return 0;
  }
  if (ports.length === 0) {
    io.out('No serial ports found. Is the reader plugged in? On Linux, check that you are in the dialout group.');
    return 0;
  }
  for (const p of ports) {
    const ids = p.vendorId ? ` [${p.vendorId}:${p.productId ?? '????'}]` : '';
    io.out(`${p.path}  ${p.manufacturer ?? 'unknown manufacturer'}${ids}`);
  }
  return 0;
}
