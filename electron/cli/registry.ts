import type { CliIo } from './io.ts';
import * as usage from './usage.ts';

export type CommandRunner = (argv: string[], io: CliIo) => Promise<number>;

export interface CliCommand {
  /** Imports the command's module only when it runs, so `--help` and every other command stay fast. */
  load: () => Promise<CommandRunner>;
  /** Extra usage lines for commands beyond the foundation ones. */
  usage?: string;
}

export const commands = new Map<string, CliCommand>([
  ['ports', { load: async () => (await import('./commands/ports.ts')).runPorts }],
  ['info', { load: async () => (await import('./commands/info.ts')).runInfo }],
  ['simulate', { load: async () => (await import('./commands/simulate.ts')).runSimulate }],
  [
    'sim',
    {
      load: async () => {
        // `sim tag` is an extension that the tag module registers on `sim` when it loads.
        await import('./commands/tag.ts');
        return (await import('./commands/sim.ts')).runSim;
      },
    },
  ],
  ['brp', { load: async () => (await import('./commands/brp.ts')).runBrp }],
  ['ui', { load: async () => (await import('./commands/ui.ts')).runUi }],
  ['tag', { load: async () => (await import('./commands/tag.ts')).runTag, usage: `${usage.TAG_USAGE}\n${usage.SIM_TAG_USAGE}` }],
  ['crypto', { load: async () => (await import('./commands/crypto.ts')).runCrypto, usage: usage.CRYPTO_USAGE }],
  ['config', { load: async () => (await import('./commands/config.ts')).runConfig, usage: usage.CONFIG_USAGE }],
  ['finalize', { load: async () => (await import('./commands/finalize.ts')).runFinalize, usage: usage.FINALIZE_USAGE }],
  ['deploy', { load: async () => (await import('./commands/deploy.ts')).runDeploy, usage: usage.DEPLOY_USAGE }],
  ['factory-reset', { load: async () => (await import('./commands/factoryReset.ts')).runFactoryReset, usage: usage.FACTORY_RESET_USAGE }],
  ['readback', { load: async () => (await import('./commands/readback.ts')).runReadback, usage: usage.READBACK_USAGE }],
  ['events', { load: async () => (await import('./commands/events.ts')).runEvents, usage: usage.EVENTS_USAGE }],
  ['doorfile', { load: async () => (await import('./commands/doorfile.ts')).runDoorfile, usage: usage.DOORFILE_USAGE }],
]);
