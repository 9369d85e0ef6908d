import { parseArgs } from 'node:util';
import { ReaderManager } from '../../host/app/readerManager.ts';
import { tamperUnavailableSentence } from '../../host/app/tamperUnavailable.ts';
import { CliError, type CliIo } from '../io.ts';
import { LINK_OPTIONS, baudArg, checksumArg, portArg } from '../linkOptions.ts';

/** Prints one line per reader event (tamper alarm, reconnect) until interrupted. */
export async function runEvents(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, json: { type: 'boolean' }, ...LINK_OPTIONS }, strict: true });
  if (!values.port) throw new CliError('usage: events --port <p> [--json]');
  const port = portArg(values.port);
  const checksum = checksumArg(values.checksum);
  const manager = new ReaderManager({ pollMs: 500 });
  manager.onEvent((e) => {
    if (e.type === 'tamper') {
      const line = { time: new Date(e.time).toISOString(), reader: e.address, event: e.state === 'on' ? 'tamper-alarm' : 'tamper-cleared' };
      io.out(values.json ? JSON.stringify(line) : `${line.time}  ${line.reader}  ${e.state === 'on' ? 'TAMPER ALARM: the reader housing was opened' : 'tamper alarm cleared'}`);
    } else if (e.type === 'tamper-unavailable') {
      const detail = tamperUnavailableSentence(e.reason);
      const line = { time: new Date(e.time).toISOString(), reader: e.address, event: 'tamper-unavailable', reason: e.reason, detail };
      io.out(values.json ? JSON.stringify(line) : `${line.time}  ${line.reader}  ${detail}`);
    } else if (e.type === 'reader-changed' && e.reader.state !== 'connected') {
      const line = { time: new Date().toISOString(), reader: e.reader.address, event: e.reader.state, detail: e.reader.lastError };
      io.out(values.json ? JSON.stringify(line) : `${line.time}  ${line.reader}  ${e.reader.state}${e.reader.lastError ? `: ${e.reader.lastError}` : ''}`);
    }
  });
  await manager.connect(port, { checksum, baudRate: baudArg(values.baud) });
  io.err(`watching ${port} for events; stop with Ctrl+C`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await manager.closeAll();
  return 0;
}
