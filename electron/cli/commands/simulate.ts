import { parseArgs } from 'node:util';
import { startSimulator, type RunningSimulator } from '../../../simulator/startSimulator.ts';
import { MAX_FLEET, startFleet } from '../../../simulator/startFleet.ts';
import { parseProfileName, type FirmwareProfileName } from '../../../simulator/firmware/profiles.ts';
import { CliError, type CliIo } from '../io.ts';
import { BRP_DEFAULT_TCP_PORT } from '../../../shared/brp/tcpAddress.ts';
import { bufferSizeProblem, DEFAULT_BUFFER_SIZE } from '../../../simulator/firmware/readerBuffer.ts';

export async function runSimulate(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      state: { type: 'string' },
      tcp: { type: 'string' },
      'split-ms': { type: 'string' },
      'buffer-size': { type: 'string' },
      baud: { type: 'string' },
      'fixed-baud': { type: 'boolean' },
      'line-max-baud': { type: 'string' },
      'answers-max-baud': { type: 'string' },
      firmware: { type: 'string' },
      profile: { type: 'string' },
      'crypto-key': { type: 'string' },
      'customer-key': { type: 'string' },
      count: { type: 'string' },
    },
    strict: true,
  });
  if (!values.state) throw new CliError('simulate needs --state <dir> (the virtual reader keeps its configuration and keys there)');
  let tcp: { host: string; port: number } | undefined;
  if (values.tcp) {
    const m = /^(?:tcp:\/\/)?([^:/]+)(?::(\d{1,5}))?$/.exec(values.tcp);
    if (!m) throw new CliError(`--tcp takes host:port, e.g. 127.0.0.1:4001, or a host alone for the BRP port ${BRP_DEFAULT_TCP_PORT} (got "${values.tcp}")`);
    tcp = { host: m[1]!, port: m[2] === undefined ? BRP_DEFAULT_TCP_PORT : Number(m[2]) };
  }
  let splitMs: number | undefined;
  if (values['split-ms'] !== undefined) {
    if (!tcp) throw new CliError('--split-ms splits answers into TCP segments, so it needs --tcp host:port');
    splitMs = Number(values['split-ms']);
    if (!/^\d+$/.test(values['split-ms']) || splitMs > 10_000) {
      throw new CliError(`--split-ms takes a pause between 0 and 10000 milliseconds (got "${values['split-ms']}")`);
    }
  }
  let bufferSize = DEFAULT_BUFFER_SIZE;
  if (values['buffer-size'] !== undefined) {
    bufferSize = /^\d+$/.test(values['buffer-size']) ? Number(values['buffer-size']) : NaN;
    const problem = bufferSizeProblem(bufferSize);
    if (problem) throw new CliError(`--buffer-size: ${problem}`);
  }
  let baud: number | undefined;
  if (values.baud) {
    baud = Number(values.baud);
    if (!Number.isInteger(baud) || baud < 300 || baud > 4_000_000) throw new CliError(`--baud takes a rate between 300 and 4000000 (got "${values.baud}")`);
  }
  const lineMaxBaud = lineLimitArg('--line-max-baud', values['line-max-baud'], tcp !== undefined);
  const answersMaxBaud = lineLimitArg('--answers-max-baud', values['answers-max-baud'], tcp !== undefined);
  let count: number | undefined;
  if (values.count !== undefined) {
    count = /^\d{1,4}$/.test(values.count) ? Number(values.count) : NaN;
    if (!(count >= 1 && count <= MAX_FLEET)) throw new CliError(`--count takes how many virtual readers to run, from 1 to ${MAX_FLEET} (got "${values.count}")`);
    if (tcp && tcp.port !== 0 && tcp.port + count - 1 > 65535) {
      throw new CliError(`--count ${count} from TCP port ${tcp.port} needs ports up to ${tcp.port + count - 1}, beyond 65535; start lower`);
    }
  }
  let profile: FirmwareProfileName | undefined;
  if (values.profile !== undefined) {
    try {
      profile = parseProfileName(values.profile);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  }
  const options = {
    profile,
    stateDir: values.state,
    tcp,
    splitMs,
    bufferSize,
    baud,
    fixedBaud: values['fixed-baud'],
    lineMaxBaud,
    answersMaxBaud,
    firmware: values.firmware,
    cryptoKey: values['crypto-key'],
    customerKey: values['customer-key'],
  };
  let sims: RunningSimulator[];
  if (count === undefined) {
    const sim = await startSimulator(options);
    io.out(`listening on ${sim.address}`);
    io.out(`state directory: ${sim.reader.stateDir}; firmware profile ${sim.reader.profile.name} (${sim.reader.state.firmware}); stop with Ctrl+C`);
    sims = [sim];
  } else {
    try {
      sims = await startFleet({ ...options, count });
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    for (const sim of sims) io.out(`listening on ${sim.address}`);
    const first = sims[0]!.reader;
    io.out(
      `${count} virtual readers, state directories ${values.state}/0 to ${values.state}/${count - 1}; ` +
        `firmware profile ${first.profile.name} (${first.state.firmware}); stop with Ctrl+C`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await Promise.all(sims.map((s) => s.stop()));
  return 0;
}

/** --line-max-baud / --answers-max-baud: the fastest rate the emulated serial line carries (a pty only). */
function lineLimitArg(flag: string, value: string | undefined, tcp: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (tcp) throw new CliError(`${flag} emulates a serial line, and TCP has no line speed; leave out --tcp to get a pty`);
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 300 && n <= 4_000_000)) throw new CliError(`${flag} takes the fastest rate the line carries, between 300 and 4000000, such as 115200 (got "${value}")`);
  return n;
}
