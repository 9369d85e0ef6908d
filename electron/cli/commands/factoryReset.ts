import { parseArgs } from 'node:util';
import { openSession } from '../../host/readers/openSession.ts';
import { factoryReset } from '../../host/lifecycle/factoryReset.ts';
import { CliError, type CliIo } from '../io.ts';
import { LINK_OPTIONS, baudArg, checksumArg, portArg } from '../linkOptions.ts';

export async function runFactoryReset(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, yes: { type: 'boolean' }, ...LINK_OPTIONS }, strict: true });
  if (!values.port) throw new CliError('usage: factory-reset --port <p> --yes');
  if (!values.yes) {
    throw new CliError(
      'a factory reset removes the reader\'s configuration and its Config Security Code (the customer key stays); add --yes to confirm',
    );
  }
  const session = await openSession(portArg(values.port), { checksum: checksumArg(values.checksum), baudRate: baudArg(values.baud) });
  const { info, method } = await factoryReset(session);
  const how = method === 'legacy' ? ' (this reader lacks Sys.FactoryReset: done with Sys.FactoryResetLegacy and a restart)' : '';
  io.out(
    `factory reset done on ${values.port}${how}: configuration ${info.configId === null ? 'removed' : info.configId}, ${
      info.securityCode === 'unknown'
        ? 'Config Security Code not checkable (this firmware cannot list configuration values)'
        : `Config Security Code ${info.securityCode}`
    }`,
  );
  return 0;
}
