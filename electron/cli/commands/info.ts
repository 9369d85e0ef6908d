import { parseArgs } from 'node:util';
import { withSession } from '../../host/readers/openSession.ts';
import { readReaderInfo } from '../../host/readers/readerInfo.ts';
import { CliError, type CliIo } from '../io.ts';
import { CHECKSUM_OPTION, checksumArg, portArg } from '../linkOptions.ts';

export async function runInfo(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, json: { type: 'boolean' }, baud: { type: 'string' }, ...CHECKSUM_OPTION },
    strict: true,
  });
  if (!values.port) throw new CliError('info needs --port <path | tcp://host:port>');
  const baudRate = values.baud ? Number(values.baud) : undefined;
  const checksum = checksumArg(values.checksum);
  const info = await withSession(portArg(values.port), (s) => readReaderInfo(s), { baudRate, checksum });
  if (values.json) {
    io.out(JSON.stringify(info, null, 2));
    return 0;
  }
  io.out(`Reader:           ${info.address}`);
  io.out(`Firmware:         ${info.firmware}`);
  io.out(`Link checksum:    ${info.link.checksum} (${info.link.automatic ? `automatic: ${info.link.reason}` : info.link.reason})`);
  io.out(`Configuration:    ${info.configId === null ? 'none' : `${info.configId || '(no naming-scheme id)'} ${info.configName ?? ''}`.trim()}`);
  io.out(`Security code:    ${info.securityCode}`);
  if (info.customerKey) io.out(`Customer key:     ${info.customerKey.kind} (signature ${info.customerKey.signature})`);
  io.out(`Boot status:      ${info.bootStatus.problems.length === 0 ? 'ok' : info.bootStatus.problems.map((p) => `${p.name} (${p.severity})`).join(', ')}`);
  if (!info.projectSettings) {
    io.out('WARNING: this reader has no project settings, so anyone can reconfigure it. Deploy a configuration with project settings.');
  }
  return 0;
}
