import { parseArgs } from 'node:util';
import { sendControl } from '../../../simulator/control/controlChannel.ts';
import { CliError, type CliIo } from '../io.ts';

/** `readerdesk sim tamper --state <dir> [--clear]`: acts on the running simulator of a state directory. */
export async function runSim(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'tamper') {
    const { values } = parseArgs({ args: rest, options: { state: { type: 'string' }, clear: { type: 'boolean' } }, strict: true });
    if (!values.state) throw new CliError('sim tamper needs --state <dir> of a running virtual reader');
    const answer = await sendControl(values.state, { op: 'tamper', clear: values.clear ?? false });
    if (!answer.ok) throw new CliError(answer.message);
    io.out(answer.message);
    return 0;
  }
  const extra = simExtensions.get(sub ?? '');
  if (extra) return extra(rest, io);
  throw new CliError(`unknown sim command "${sub ?? ''}"; use: sim tamper --state <dir>${[...simExtensions.keys()].map((k) => ` | sim ${k}`).join('')}`);
}

export const simExtensions = new Map<string, (argv: string[], io: CliIo) => Promise<number>>();
