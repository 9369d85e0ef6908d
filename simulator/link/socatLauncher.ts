// Starts and stops the socat processes that make the virtual readers' pty pairs. Node's spawn
// forks the whole simulator process and waits until the child has started, a few milliseconds each
// in which no reader of a fleet answers; 64 readers restarting together held the fleet up for a
// few hundred. On Linux one small shell does the forking instead: the simulator writes a line and
// goes on. The shell ends when the simulator does (its input closes), and setpriv --pdeathsig
// takes every socat with it, even when the simulator is killed outright.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** A running socat: stop() ends it and resolves once it has exited. */
export interface SocatProcess {
  stop(): Promise<void>;
}

export interface SocatLauncher {
  start(args: string[]): SocatProcess;
}

const HAS_SETPRIV = process.platform === 'linux' && ['/usr/bin/setpriv', '/bin/setpriv'].some((p) => fs.existsSync(p));

/** socat with no helper: for systems without setpriv, where nothing else would take socat down with the simulator either. */
const directLauncher: SocatLauncher = {
  start(args) {
    const child = HAS_SETPRIV
      ? spawn('setpriv', ['--pdeathsig', 'KILL', 'socat', ...args], { stdio: ['ignore', 'ignore', 'ignore'] })
      : spawn('socat', args, { stdio: ['ignore', 'ignore', 'ignore'] });
    return childSocat(child);
  },
};

function childSocat(child: ChildProcess): SocatProcess {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve()).once('error', () => resolve());
  });
  child.once('error', () => undefined);
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// Reads requests line by line: "start" followed by the socat arguments one per line and an empty
// line, or "stop <pid>". Answers "started <pid>" and "stopped <pid>" in the same order. `wait`
// reaps a stopped socat, so none is left behind as a zombie however many restarts there are.
const SHELL = `
while IFS= read -r cmd; do
  case "$cmd" in
    start)
      set --
      while IFS= read -r arg && [ -n "$arg" ]; do set -- "$@" "$arg"; done
      setpriv --pdeathsig KILL socat "$@" </dev/null >/dev/null 2>&1 &
      echo "started $!" ;;
    stop\\ *)
      pid=\${cmd#stop }
      kill "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
      echo "stopped $pid" ;;
  esac
done
`;

class ShellLauncher implements SocatLauncher {
  private readonly shell: ChildProcess;
  private readonly answers: ((line: string) => void)[] = [];
  private buffered = '';
  private dead = false;

  constructor() {
    this.shell = spawn('/bin/sh', ['-c', SHELL], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.shell.stdout!.setEncoding('utf8');
    this.shell.stdout!.on('data', (chunk: string) => {
      this.buffered += chunk;
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        this.answers.shift()?.(line);
      }
      if (this.answers.length === 0) this.idle();
    });
    this.shell.once('exit', () => {
      this.dead = true;
      for (const answer of this.answers.splice(0)) answer('');
    });
    this.shell.once('error', () => undefined);
    this.shell.stdin!.on('error', () => undefined);
    this.idle();
  }

  /** Nothing asked: the shell must not keep the simulator process alive. */
  private idle(): void {
    this.shell.unref();
    (this.shell.stdout as unknown as { unref(): void }).unref();
    (this.shell.stdin as unknown as { unref(): void }).unref();
  }

  /** An answer is awaited: the process waits for it. */
  private busy(): void {
    this.shell.ref();
    (this.shell.stdout as unknown as { ref(): void }).ref();
    (this.shell.stdin as unknown as { ref(): void }).ref();
  }

  private ask(request: string): Promise<string> {
    if (this.dead) return Promise.resolve('');
    return new Promise((resolve) => {
      this.answers.push(resolve);
      this.busy();
      this.shell.stdin!.write(request);
    });
  }

  start(args: string[]): SocatProcess {
    // The shell went away (killed from outside): socat straight from Node still works.
    if (this.dead) return directLauncher.start(args);
    if (args.some((a) => a.includes('\n'))) {
      throw new Error('the state directory\'s path contains a line break, which the pty set-up cannot take; choose another --state directory');
    }
    const pid = this.ask(`start\n${args.join('\n')}\n\n`).then((line) => Number(/^started (\d+)$/.exec(line)?.[1] ?? NaN));
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= pid.then(async (p) => {
        if (Number.isInteger(p)) await this.ask(`stop ${p}\n`);
      }));
    return { stop };
  }
}

/** Whether a socat executable is on the PATH: without it no pty pair ever appears, and the user is told why. */
export function socatInstalled(): boolean {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  return dirs.some((d) => fs.existsSync(`${d}/socat`));
}

let shared: SocatLauncher | undefined;

/** The launcher for this process: the forking shell where it can run, else socat straight from Node. */
export function socatLauncher(): SocatLauncher {
  if (!shared) {
    shared = directLauncher;
    if (HAS_SETPRIV && fs.existsSync('/bin/sh')) {
      try {
        shared = new ShellLauncher();
      } catch {
        shared = directLauncher;
      }
    }
  }
  return shared;
}
