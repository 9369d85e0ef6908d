import { CliError, processIo, type CliIo } from './io.ts';
import { errorLine } from './errorText.ts';
import { commands } from './registry.ts';

const USAGE = `readerdesk: configuration manager for BALTECH BRP readers

  readerdesk ports [--json]
  readerdesk info --port <path | tcp://host:port> [--json]
  readerdesk simulate --state <dir> [--profile current|legacy] [--tcp host:port] [--baud N] [--firmware STR] [--crypto-key HEX32] [--customer-key HEX20]
  readerdesk sim tamper --state <dir> [--clear]
  readerdesk brp encode <cmd-code> [<param-hex>] [--checksum none|bcc8|crc16|bcc16]
  readerdesk brp decode <hex> [--command | --response] [--json]
  readerdesk ui [--listen 127.0.0.1:<port>] [--no-sim]
${[...commands.values()].map((c) => c.usage).filter(Boolean).join('\n')}`;

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : 1;
  }
  const cmd = commands.get(name);
  if (!cmd) {
    io.err(`readerdesk: unknown command "${name}". Run "readerdesk help" for the list.`);
    return 1;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    io.err(`readerdesk ${name}: ${errorLine(err)}`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
