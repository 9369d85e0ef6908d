import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, ROOT, stopProcess, tempDir } from './processes.ts';

export interface WebShellProcess {
  url: string;
  simAddress: string | null;
  simState: string;
  /** Where this run keeps its settings (pass it to the next run to see what a restart keeps). */
  configDir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export interface UiProcessOptions {
  /** Settings of an earlier run; a fresh temp folder when left out. */
  configDir?: string;
  /** The embedded virtual reader's state of an earlier run; a fresh temp folder when left out. */
  simState?: string;
  home?: string;
}

/** Runs `readerdesk ui` as a user would and waits for its `open …` line. */
export async function startUiProcess(args: string[] = [], opts: UiProcessOptions = {}): Promise<WebShellProcess> {
  const simState = opts.simState ?? tempDir('rd-ui-sim-');
  // Settings (recent files, readers) of a test run never touch the user's own.
  const configDir = opts.configDir ?? tempDir('rd-ui-settings-');
  const proc = spawn(process.execPath, [CLI, 'ui', '--sim-state', simState, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, READERDESK_CONFIG_DIR: configDir, ...(opts.home ? { HOME: opts.home } : {}) },
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const lines = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ui did not start: ${err}`)), 30_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      if (/stop with Ctrl\+C/.test(out)) {
        clearTimeout(timer);
        resolve(out.split('\n'));
      }
    });
    proc.on('exit', (c) => reject(new Error(`ui exited with ${c}: ${err}`)));
  });
  const url = /^open (http:\/\/127\.0\.0\.1:\d+\/\S+)$/.exec(lines[0] ?? '')?.[1];
  if (!url) throw new Error(`unexpected first line: ${lines[0]}`);
  const sim = lines.map((l) => /^virtual reader: (\S+)/.exec(l)?.[1]).find(Boolean) ?? null;
  return {
    url,
    simAddress: sim,
    simState,
    configDir,
    proc,
    stop: () => stopProcess(proc),
  };
}
