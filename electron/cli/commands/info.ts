import { parseArgs } from 'node:util';
import { withSession } from '../../host/readers/openSession.ts';
import { readReaderInfo } from '../../host/readers/readerInfo.ts';
import { identifyCustomerKey } from '../../host/readers/customerKey.ts';
import { CliError, type CliIo } from '../io.ts';
import { LINK_OPTIONS, baudArg, checksumArg, portArg } from '../linkOptions.ts';

export async function runInfo(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, json: { type: 'boolean' }, 'identify-customer-key': { type: 'boolean' }, ...LINK_OPTIONS },
    strict: true,
  });
  if (!values.port) throw new CliError('info needs --port <path | tcp://host:port>');
  const baudRate = baudArg(values.baud);
  const checksum = checksumArg(values.checksum);
  // Identifying the customer key borrows a key-list entry (a write, undone at once): only when asked.
  const identify = values['identify-customer-key'] === true;
  const info = await withSession(
    portArg(values.port),
    async (s) => {
      if (identify) await identifyCustomerKey(s);
      return readReaderInfo(s);
    },
    { baudRate, checksum },
  );
  if (values.json) {
    const { features, ...rest } = info;
    // features: [{ id, name }] as the reader lists them, null where the firmware cannot tell.
    io.out(JSON.stringify({ ...rest, features: features?.features ?? null, maxFeatureId: features?.maxFeatureId ?? null }, null, 2));
    return 0;
  }
  io.out(`Reader:           ${info.address}`);
  io.out(`Firmware:         ${info.firmware}`);
  io.out(`Link checksum:    ${info.link.checksum} (${info.link.automatic ? `automatic: ${info.link.reason}` : info.link.reason})`);
  io.out(`Configuration:    ${info.configId === null ? 'none' : `${info.configId || '(no naming-scheme id)'} ${info.configName ?? ''}`.trim()}`);
  io.out(
    `Security code:    ${
      info.securityCode === 'unknown'
        ? 'unknown: this firmware cannot list configuration values (it lacks Sys.CfgGetValueList), so it cannot tell whether a Config Security Code is set'
        : info.securityCode
    }`,
  );
  io.out(
    `Features:         ${
      info.features
        ? info.features.features.map((f) => `${f.name} (${f.id})`).join(', ') || 'none listed'
        : 'unknown: this firmware cannot report its features (it lacks Sys.GetFeatures)'
    }`,
  );
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
