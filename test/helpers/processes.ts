import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitUntil } from './waitUntil.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The CLI as it ships: the bundle that test/helpers/cliBundleSetup.ts builds before the tests. */
export const CLI = path.join(ROOT, 'dist-cli/readerdesk.mjs');
/** What `npx readerdesk` runs in a checkout: rebuilds the bundle when a source changed, then runs it. */
export const LAUNCHER = path.join(ROOT, 'bin/readerdesk.mjs');

export function tempDir(prefix = 'rd-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `readerdesk` binary as a user would. */
export function runCli(args: string[], opts: { timeoutMs?: number; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`readerdesk ${args.join(' ')} did not finish in time\n${stdout}\n${stderr}`));
    }, opts.timeoutMs ?? 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Asks a child process to end (SIGTERM) and kills it when it has not within five seconds. */
export async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (proc.exitCode === null) proc.kill('SIGKILL');
}

/** Runs the CLI and returns what it printed; a failure throws with the CLI's own reason. */
export async function runCliOk(args: string[], opts: { timeoutMs?: number; input?: string } = {}): Promise<string> {
  const r = await runCli(args, opts);
  if (r.code !== 0) throw new Error(`readerdesk ${args.join(' ')} exited with ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Opens the housing of the running virtual reader of a state folder (`readerdesk sim tamper`), or closes it with clear. */
export async function tamperWith(stateDir: string, clear = false): Promise<void> {
  await runCliOk(['sim', 'tamper', '--state', stateDir, ...(clear ? ['--clear'] : [])]);
}

/** New project settings in file (`readerdesk config new`, device number 0, customer 50001 unless given). */
export async function newBalcfg(file: string, site: { name: string; customer?: number; project: number }): Promise<string> {
  await runCliOk(['config', 'new', file, '--name', site.name, '--customer', String(site.customer ?? 50001), '--project', String(site.project), '--device', '0']);
  return file;
}

/**
 * New project settings in dir (`readerdesk config new`, site.balcfg) finalized on a reader as
 * `readerdesk finalize` does, once a version (site-v1.bec2, site-v2.bec2, …; bumped in between).
 */
export async function finalizedSite(dir: string, finalizer: string, site: { name?: string; customer?: number; project: number; versions?: number }): Promise<{ balcfg: string; bec2: string[] }> {
  const balcfg = await newBalcfg(path.join(dir, 'site.balcfg'), { name: site.name ?? 'Site', customer: site.customer, project: site.project });
  const bec2: string[] = [];
  for (let v = 1; v <= (site.versions ?? 1); v++) {
    if (v > 1) await runCliOk(['config', 'bump', balcfg]);
    const out = path.join(dir, `site-v${v}.bec2`);
    await runCliOk(['finalize', balcfg, '--port', finalizer, '--out', out], { timeoutMs: 60_000 });
    bec2.push(out);
  }
  return { balcfg, bec2 };
}

export interface JsonLinesWatch {
  /** Every line printed so far, parsed. */
  readonly lines: Record<string, unknown>[];
  /** What it wrote to stderr so far. */
  readonly stderr: string;
  readonly proc: ChildProcess;
  /** Waits until check holds; fails after 15 s with what was printed instead. */
  waitFor(what: string, check: () => boolean): Promise<void>;
  /** Interrupts it (Ctrl+C) and waits until it has ended. */
  stop(): Promise<void>;
}

/** Runs a CLI command that keeps printing one JSON object a line (`events --json`) until it is stopped. */
export function watchJsonLines(args: string[], entry = CLI): JsonLinesWatch {
  const proc = spawn(process.execPath, [entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => {
    stdout += d;
    let nl;
    while ((nl = stdout.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(stdout.slice(0, nl)));
      stdout = stdout.slice(nl + 1);
    }
  });
  proc.stderr.on('data', (d) => (stderr += d));
  return {
    lines,
    get stderr() {
      return stderr;
    },
    proc,
    waitFor: async (what, check) => {
      await waitUntil(() => `${what}; got ${JSON.stringify(lines)} ${stderr}`, check);
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGINT');
      await exited;
    },
  };
}

export interface SimProcess {
  address: string;
  stateDir: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `readerdesk simulate` in its own process and waits for its `listening on` line. */
export async function startSimProcess(extraArgs: string[] = [], stateDir = tempDir('rd-sim-')): Promise<SimProcess> {
  const proc = spawn(process.execPath, [CLI, 'simulate', '--state', stateDir, ...extraArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${err}`)), 20_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const first = out.split('\n')[0]!;
      if (out.includes('\n')) {
        clearTimeout(timer);
        const m = /^listening on (.+)$/.exec(first);
        if (m) resolve(m[1]!);
        else reject(new Error(`unexpected first line: ${first}`));
      }
    });
    proc.on('exit', (code) => reject(new Error(`simulator exited with ${code}: ${err}`)));
  });
  return {
    address,
    stateDir,
    proc,
    stop: () => stopProcess(proc),
  };
}

export interface PtyPair {
  /** The end a host opens. */
  host: string;
  /** The end a test plays the reader on. */
  reader: string;
  stop(): Promise<void>;
}

/** A bare socat pty pair, for playing a misbehaving reader by hand. */
export async function ptyPair(): Promise<PtyPair> {
  const dir = tempDir('rd-pty-');
  const host = path.join(dir, 'host');
  const reader = path.join(dir, 'reader');
  const proc = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${reader}`], { stdio: 'ignore' });
  const end = Date.now() + 5000;
  while (!(fs.existsSync(host) && fs.existsSync(reader))) {
    if (Date.now() > end) throw new Error('socat did not create a pty pair');
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    host,
    reader,
    stop: () => stopProcess(proc),
  };
}
