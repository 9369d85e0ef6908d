import { CliError, processIo, type CliIo } from './io.ts';
import { errorLine } from './errorText.ts';
import { commands } from './registry.ts';
import { FOUNDATION_USAGE } from './usage.ts';
import { useNodeAes } from '../../node/crypto/nodeAesEngine.ts';

const USAGE = `readerdesk: configuration manager for BALTECH BRP readers

${FOUNDATION_USAGE}
${[...commands.values()].map((c) => c.usage).filter(Boolean).join('\n')}`;

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  useNodeAes();
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
    const run = await cmd.load();
    return await run(rest, io);
  } catch (err) {
    io.err(`readerdesk ${name}: ${errorLine(err)}`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
