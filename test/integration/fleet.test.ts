import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, finalizedSite, ROOT, runCli, stopProcess, tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

// `readerdesk simulate --count N`: one process, N whole readers, each taking a deploy on its own.

const procs: ChildProcess[] = [];
const readers = virtualReaders();
let bec2: string;

/** Runs `simulate --count N …` and waits for its N `listening on` lines and the summary line. */
async function fleet(count: number, stateDir: string, extra: string[] = []): Promise<{ lines: string[]; addresses: string[] }> {
  const proc = spawn(process.execPath, [CLI, 'simulate', '--count', String(count), '--state', stateDir, ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const lines = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fleet did not start: ${err}`)), 30_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const all = out.split('\n').filter(Boolean);
      if (all.length > count) {
        clearTimeout(timer);
        resolve(all);
      }
    });
    proc.on('exit', (code) => reject(new Error(`simulate exited with ${code}: ${err}`)));
  });
  return { lines, addresses: lines.slice(0, count).map((l) => /^listening on (.+)$/.exec(l)?.[1] ?? l) };
}

/** The first of `n` consecutive TCP ports on loopback that are free now. */
async function freePorts(n: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
  for (let base = 41000 + Math.floor(Math.random() * 10000); ; base += n) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = await free(base + i);
    if (ok) return base;
  }
}

beforeAll(async () => {
  const work = tempDir('rd-fleet-');
  const finalizer = await readers.start({ stateDir: path.join(work, 'finalizer') });
  bec2 = (await finalizedSite(work, finalizer.address, { name: 'Fleet', project: 812 })).bec2[0]!;
});

afterAll(async () => {
  await Promise.all(procs.map(stopProcess));
});

describe('simulate --count', () => {
  it('hosts three TCP readers on consecutive ports in one process, and each accepts a deploy', async () => {
    const state = tempDir('rd-fleet-tcp-');
    const port = await freePorts(3);
    const { lines, addresses } = await fleet(3, state, ['--tcp', `127.0.0.1:${port}`]);
    expect(lines.slice(0, 3)).toEqual([0, 1, 2].map((i) => `listening on tcp://127.0.0.1:${port + i}`));
    expect(lines[3]).toMatch(/^3 virtual readers, state directories .*\/0 to .*\/2/);

    const d = await runCli(['deploy', bec2, ...addresses.flatMap((a) => ['--port', a]), '--json'], { timeoutMs: 60_000 });
    expect(d.code, d.stderr).toBe(0);
    const results = JSON.parse(d.stdout) as { port: string; result: string; reason: string }[];
    expect(results.map((r) => [r.port, r.result, r.reason])).toEqual(addresses.map((a) => [a, 'accepted', 'ok']));
    // Each reader keeps its own state: the configuration is in <state>/0, /1 and /2.
    for (let i = 0; i < 3; i++) {
      const saved = JSON.parse(fs.readFileSync(path.join(state, String(i), 'reader.json'), 'utf8'));
      expect(saved.storedVersion).toBe(1);
    }
    const info = await runCli(['info', '--port', addresses[2]!, '--json']);
    expect(JSON.parse(info.stdout).configId).toBe('50001-0812-0000-01');
  });

  it('gives each reader its own pty when no --tcp is given, and refuses a count it cannot run', async () => {
    const state = tempDir('rd-fleet-pty-');
    const { addresses } = await fleet(2, state);
    expect(addresses).toEqual([path.join(state, '0', 'tty'), path.join(state, '1', 'tty')]);
    const serials = [];
    for (const a of addresses) {
      const r = await runCli(['info', '--port', a, '--json']);
      expect(r.code, r.stderr).toBe(0);
      serials.push(JSON.parse(r.stdout).firmware);
    }
    expect(new Set(serials).size).toBe(2);

    const bad = await runCli(['simulate', '--count', 'many', '--state', tempDir('rd-fleet-bad-')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--count takes how many virtual readers to run, from 1 to 1024 \(got "many"\)/);
  });
});
