import type { CliIo } from './io.ts';
import { runPorts } from './commands/ports.ts';
import { runInfo } from './commands/info.ts';
import { runSimulate } from './commands/simulate.ts';
import { runSim } from './commands/sim.ts';
import { runBrp } from './commands/brp.ts';
import { runUi } from './commands/ui.ts';
import { runDoorfile } from './commands/doorfile.ts';

export interface CliCommand {
  run: (argv: string[], io: CliIo) => Promise<number>;
  /** Extra usage lines for commands beyond the foundation ones. */
  usage?: string;
}

export const commands = new Map<string, CliCommand>([
  ['ports', { run: runPorts }],
  ['info', { run: runInfo }],
  ['simulate', { run: runSimulate }],
  ['sim', { run: runSim }],
  ['brp', { run: runBrp }],
  ['ui', { run: runUi }],
  [
    'doorfile',
    {
      run: runDoorfile,
      usage:
        '  readerdesk doorfile build --in <users.csv> --site-key-file <file> --out <door.json> [--binary <door.bin>] [--max-users N] [--accept-warnings]\n' +
        '  readerdesk doorfile verify --in <door.json> --site-key-file <file> [--json]',
    },
  ],
]);
