import os from 'node:os';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningSimulator } from '../../../simulator/startSimulator.ts';
import { startEmbeddedSimulator } from '../../../simulator/startEmbeddedSimulator.ts';
import { AppService } from '../../host/app/appService.ts';
import { appPaths } from '../../host/app/settings.ts';
import { startWebShell } from '../../host/webshell/webShellServer.ts';
import { CliError, type CliIo } from '../io.ts';
import { APP_ROOT } from '../appRoot.ts';

export const RENDERER_DIST = path.join(APP_ROOT, 'dist-renderer');

/**
 * Where the embedded virtual reader keeps its state unless told otherwise: the XDG state folder on
 * Linux, the app's data folder where the OS expects it elsewhere (env-paths).
 */
export function defaultSimState(): string {
  if (process.platform !== 'linux') return path.join(appPaths().data, 'virtual-reader');
  const base = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'readerdesk', 'virtual-reader');
}

/** Best effort: hand the address to the desktop's browser; the printed line is the fallback. */
function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(cmd, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // No browser opener: the user copies the printed address.
  }
}

export async function runUi(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { listen: { type: 'string' }, 'no-sim': { type: 'boolean' }, 'sim-state': { type: 'string' }, open: { type: 'boolean' } },
    strict: true,
  });
  let host = '127.0.0.1';
  let port = 0;
  if (values.listen) {
    const m = /^([^:]+):(\d{1,5})$/.exec(values.listen);
    if (!m) throw new CliError(`--listen takes 127.0.0.1:<port> (got "${values.listen}")`);
    host = m[1]!;
    port = Number(m[2]);
    if (host !== '127.0.0.1' && host !== 'localhost') throw new CliError('the web shell listens on 127.0.0.1 only, so that no other machine can reach your readers');
  }
  let sim: RunningSimulator | undefined;
  if (!values['no-sim']) {
    sim = await startEmbeddedSimulator(values['sim-state'] ?? defaultSimState(), io.err);
  }
  const service = new AppService({ shell: 'web', simulatorAddress: sim?.address ?? null });
  const shell = await startWebShell({ api: service, staticDir: RENDERER_DIST, host, port });
  service.start();
  io.out(`open ${shell.url}`);
  if (values.open) openInBrowser(shell.url);
  if (sim) io.out(`virtual reader: ${sim.address} (state in ${sim.reader.stateDir})`);
  io.out('stop with Ctrl+C');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await service.close();
  await shell.close();
  await sim?.stop();
  return 0;
}
