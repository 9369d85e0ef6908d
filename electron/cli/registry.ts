import type { CliIo } from './io.ts';
import { runPorts } from './commands/ports.ts';
import { runInfo } from './commands/info.ts';
import { runSimulate } from './commands/simulate.ts';
import { runSim } from './commands/sim.ts';
import { runBrp } from './commands/brp.ts';
import { runUi } from './commands/ui.ts';
import { runDoorfile } from './commands/doorfile.ts';
import { runTag, TAG_USAGE, SIM_TAG_USAGE } from './commands/tag.ts';
import { runCrypto, CRYPTO_USAGE } from './commands/crypto.ts';
import { runConfig, CONFIG_USAGE } from './commands/config.ts';
import { runFinalize } from './commands/finalize.ts';
import { runDeploy } from './commands/deploy.ts';
import { runFactoryReset } from './commands/factoryReset.ts';
import { runReadback } from './commands/readback.ts';
import { runEvents } from './commands/events.ts';
import { CHECKSUM_USAGE } from './linkOptions.ts';

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
  ['tag', { run: runTag, usage: `${TAG_USAGE}\n${SIM_TAG_USAGE}` }],
  ['crypto', { run: runCrypto, usage: CRYPTO_USAGE }],
  ['config', { run: runConfig, usage: CONFIG_USAGE }],
  ['finalize', { run: runFinalize, usage: `  readerdesk finalize <file.balcfg> --port <p> --out <file.bec2> [--label <reader name>] ${CHECKSUM_USAGE}` }],
  ['deploy', { run: runDeploy, usage: `  readerdesk deploy <file.bec2> --port <p> [--port <p> ...] [--json] ${CHECKSUM_USAGE}` }],
  ['factory-reset', { run: runFactoryReset, usage: `  readerdesk factory-reset --port <p> --yes ${CHECKSUM_USAGE}` }],
  ['readback', { run: runReadback, usage: `  readerdesk readback --port <p> [--json] [--diff <file.balcfg>] ${CHECKSUM_USAGE}` }],
  ['events', { run: runEvents, usage: `  readerdesk events --port <p> [--json] ${CHECKSUM_USAGE}` }],
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
