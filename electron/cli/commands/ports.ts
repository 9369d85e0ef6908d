import { parseArgs } from 'node:util';
import { listReaderPorts } from '../../host/ports/listPorts.ts';
import type { CliIo } from '../io.ts';

export async function runPorts(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const { ports, hidProblem } = await listReaderPorts();
  if (values.json) {
    io.out(JSON.stringify(ports, null, 2));
    return 0;
  }
  if (ports.length === 0) {
    io.out('No serial ports or USB HID readers found. Is the reader plugged in? On Linux, check that you are in the dialout group.');
  }
  for (const p of ports) {
    const ids = p.vendorId ? ` [${p.vendorId}:${p.productId ?? '????'}]` : '';
    const kind = p.kind === 'hid' ? '  (USB HID)' : '';
    io.out(`${p.path}  ${p.manufacturer ?? 'unknown manufacturer'}${ids}${kind}`);
  }
  if (hidProblem) io.out(`Note: ${hidProblem}`);
  return 0;
}
