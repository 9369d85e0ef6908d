import { parseArgs } from 'node:util';
import { withSession } from '../../host/readers/openSession.ts';
import { readReaderInfo } from '../../host/readers/readerInfo.ts';
import { identifyCustomerKey } from '../../host/readers/customerKey.ts';
import { CliError, type CliIo } from '../io.ts';

export async function runInfo(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, json: { type: 'boolean' }, baud: { type: 'string' }, 'identify-customer-key': { type: 'boolean' } },
    strict: true,
  });
  if (!values.port) throw new CliError('info needs --port <path | tcp://host:port>');
  const baudRate = values.baud ? Number(values.baud) : undefined;
  // Identifying the customer key borrows a key-list entry (a write, undone at once): only when asked.
  const identify = values['identify-customer-key'] === true;
  const info = await withSession(
    values.port,
    async (s) => {
      if (identify) await identifyCustomerKey(s);
      return readReaderInfo(s);
    },
    { baudRate },
  );
  if (values.json) {
    io.out(JSON.stringify(info, null, 2));
    return 0;
  }
  io.out(`Reader:           ${info.address}`);
  io.out(`Firmware:         ${info.firmware}`);
  io.out(`Configuration:    ${info.configId === null ? 'none' : `${info.configId || '(no naming-scheme id)'} ${info.configName ?? ''}`.trim()}`);
  io.out(`Security code:    ${info.securityCode}`);
  io.out(
    info.customerKey
      ? `Customer key:     ${info.customerKey.kind} (signature ${info.customerKey.signature})`
      : 'Customer key:     not identified (add --identify-customer-key; it copies the key into a free key-list entry and removes it again)',
  );
  io.out(`Boot status:      ${info.bootStatus.problems.length === 0 ? 'ok' : info.bootStatus.problems.map((p) => `${p.name} (${p.severity})`).join(', ')}`);
  if (!info.projectSettings) {
    io.out('WARNING: this reader has no project settings, so anyone can reconfigure it. Deploy a configuration with project settings.');
  }
  return 0;
}
