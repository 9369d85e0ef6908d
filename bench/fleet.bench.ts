import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppService } from '../electron/host/app/appService.ts';
import { SettingsStore } from '../electron/host/app/settings.ts';
import { streamEvents } from '../electron/host/app/eventStream.ts';
import { startSimulator } from '../simulator/startSimulator.ts';
import { withSession } from '../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../electron/host/lifecycle/finalize.ts';
import { benchConfig } from './deploy.bench.ts';
import { decodeBec2Text } from '../electron/host/lifecycle/deployJob.ts';

const binarySize = (bec2: string) => decodeBec2Text(fs.readFileSync(bec2, 'latin1')).length;

const CLI = path.resolve(import.meta.dirname, '../dist-cli/readerdesk.mjs');

interface Fleet {
  addresses: string[];
  pid: number;
  stop(): Promise<void>;
}

/** `readerdesk simulate --count N` in its own process, so the host's CPU and memory are the host's alone. */
async function fleet(count: number, dir: string, extra: string[] = []): Promise<Fleet> {
  const proc = spawn(process.execPath, [CLI, 'simulate', '--count', String(count), '--state', dir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const addresses = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fleet of ${count} did not start: ${err}`)), 120_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const found = [...out.matchAll(/^listening on (.+)$/gm)].map((m) => m[1]!);
      if (found.length === count) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    proc.once('exit', (code) => reject(new Error(`the fleet exited with ${code}: ${err}`)));
  });
  return {
    addresses,
    pid: proc.pid!,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

/** CPU time of a process in ms (Linux /proc, clock ticks of 10 ms); NaN elsewhere. */
function cpuOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process in MB (Linux /proc); NaN elsewhere. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Every process below `pid` (the simulator's socat processes sit under its launcher shell). */
function descendants(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

/** Resident memory of the processes below a simulator (its launcher shell and one socat per pty) in MB. */
function childrenRssMb(pid: number): number {
  return descendants(pid).reduce((sum, k) => sum + rssMb(k), 0);
}

/** The host as the app runs it: AppService, frame journal and one web-shell client's event stream. */
function host(dir: string) {
  const app = new AppService({ shell: 'web', settings: new SettingsStore(path.join(dir, 'settings.json')) });
  const client = { messages: 0, bytes: 0, perSecond: new Map<number, number>() };
  const stopStream = streamEvents(app, (message) => {
    const text = JSON.stringify(message);
    client.messages++;
    client.bytes += text.length;
    const second = Math.floor(performance.now() / 1000);
    client.perSecond.set(second, (client.perSecond.get(second) ?? 0) + 1);
  });
  return {
    app,
    client,
    async close() {
      stopStream();
      await app.close();
    },
  };
}

interface DeployRun {
  ms: number;
  cpuMs: number;
  frames: number;
  accepted: number;
  peakRssMb: number;
  messages: number;
  maxMessagesPerSecond: number;
  slowestUploadMs: number;
  /** CPU the simulator process spent meanwhile, in ms. */
  simCpuMs: number;
}

async function deployRun(dir: string, bec2: string, addresses: string[], simPid: number): Promise<DeployRun> {
  const sim0 = cpuOf(simPid);
  const h = host(dir);
  const seq0 = h.app.frames.list(1).at(-1)?.seq ?? 0;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await h.app.deployFile(bec2, addresses);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const frames = (h.app.frames.list(1).at(-1)?.seq ?? 0) - seq0;
  await h.close();
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    frames,
    accepted: results.filter((r) => r.result === 'accepted').length,
    peakRssMb: peak / 1024 / 1024,
    messages: h.client.messages,
    maxMessagesPerSecond: Math.max(0, ...h.client.perSecond.values()),
    slowestUploadMs: Math.max(...results.map((r) => r.durationMs)),
    simCpuMs: cpuOf(simPid) - sim0,
  };
}

export async function benchFleet(print: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-fleet-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const finalizer = await startSimulator({ stateDir: path.join(dir, 'finalizer') });
    stops.push(() => finalizer.stop());
    const bec2 = path.join(dir, 'bench.bec2');
    await withSession(finalizer.address, (s) => finalizeOnReader(s, benchConfig(), { outPath: bec2 }));

    // Deploy at 115200: one reader, then 64 at once, each fleet in its own process on real ptys. Each
    // fleet gets the file twice: the first deploy after the processes start also pays for V8 compiling
    // the hot code of host and simulator (on 2 cores that competes with the deploy itself); the second
    // is the steady state of a host that has deployed before and of readers that, like real firmware,
    // need no warming up.
    const f1 = await fleet(1, path.join(dir, 'd1'), ['--baud', '115200']);
    stops.push(() => f1.stop());
    const r1 = await deployRun(dir, bec2, f1.addresses, f1.pid);
    const r1again = await deployRun(dir, bec2, f1.addresses, f1.pid);
    await f1.stop();
    const f64 = await fleet(64, path.join(dir, 'd64'), ['--baud', '115200']);
    stops.push(() => f64.stop());
    const ptyRss = rssMb(f64.pid);
    const socatRss = childrenRssMb(f64.pid);
    const r64 = await deployRun(dir, bec2, f64.addresses, f64.pid);
    const r64again = await deployRun(dir, bec2, f64.addresses, f64.pid);
    await f64.stop();
    print(
      `64 virtual readers on ptys in one process: ${ptyRss.toFixed(0)} MB, plus ${socatRss.toFixed(0)} MB for their 64 socat processes`,
    );
    const ratio = (a: DeployRun, b: DeployRun) => a.ms / b.ms;
    const verdict = (x: number) => (x <= 1.2 ? 'met' : 'not met');
    print(
      `deploy of a ${binarySize(bec2)}-byte BEC2 to readers attached at 115200 (raised by negotiation), including restart and check, ` +
        `again to the same readers: 1 reader ${r1again.ms.toFixed(0)} ms, 64 readers ${r64again.ms.toFixed(0)} ms = ${ratio(r64again, r1again).toFixed(2)}× ` +
        `(goal ≤ 1.2×: ${verdict(ratio(r64again, r1again))}; ${r64again.accepted}/64 accepted); slowest upload ${r1again.slowestUploadMs} ms and ${r64again.slowestUploadMs} ms`,
    );
    print(
      `the same, first deploy after host and simulator started: 1 reader ${r1.ms.toFixed(0)} ms, 64 readers ${r64.ms.toFixed(0)} ms = ${ratio(r64, r1).toFixed(2)}× ` +
        `(goal ≤ 1.2×: ${verdict(ratio(r64, r1))}; ${r64.accepted}/64 accepted); slowest upload ${r1.slowestUploadMs} ms and ${r64.slowestUploadMs} ms`,
    );
    print(
      `host CPU per reader per deploy: ${(r64.cpuMs / 64).toFixed(1)} ms at 64 readers, ${r1.cpuMs.toFixed(1)} ms for one (goal ≤ 15 ms); ` +
        `${((r64.cpuMs * 1000) / Math.max(1, r64.frames)).toFixed(0)} µs per frame over ${r64.frames} frames (goal ≤ 150 µs); ` +
        `the simulator process meanwhile ${(r64.simCpuMs / 64).toFixed(1)} ms per reader, both on ${os.cpus().length} cores with a load average of ${os.loadavg()[0]!.toFixed(1)}`,
    );
    print(
      `web-shell client during the 64-reader deploy: ${r64.messages} event messages, at most ${r64.maxMessagesPerSecond} in one second (goal ≤ 20 per second)`,
    );

    // 256 readers over TCP without wire-time emulation: the host's memory, and what a reader costs the
    // simulator process once each holds a deployed configuration (against one reader in its own process).
    const f1t = await fleet(1, path.join(dir, 't1'), ['--tcp', '127.0.0.1:0']);
    stops.push(() => f1t.stop());
    await deployRun(dir, bec2, f1t.addresses, f1t.pid);
    const rssOne = rssMb(f1t.pid);
    await f1t.stop();
    const f256 = await fleet(256, path.join(dir, 't256'), ['--tcp', '127.0.0.1:0']);
    stops.push(() => f256.stop());
    const r256 = await deployRun(dir, bec2, f256.addresses, f256.pid);
    const rss256 = rssMb(f256.pid);
    await f256.stop();
    print(
      `deploy to 256 TCP readers, unthrottled: ${r256.ms.toFixed(0)} ms, ${r256.accepted}/256 accepted, host memory at most ${r256.peakRssMb.toFixed(0)} MB (goal ≤ 300 MB); ` +
        `host CPU ${(r256.cpuMs / 256).toFixed(1)} ms per reader; web-shell client: at most ${r256.maxMessagesPerSecond} event messages in one second`,
    );
    print(
      `virtual readers in one process after the deploy: 1 reader ${rssOne.toFixed(0)} MB, 256 readers ${rss256.toFixed(0)} MB ` +
        `= ${((rss256 - rssOne) / 255).toFixed(2)} MB per reader (goal well under 5 MB; a reader in its own process costs ${rssOne.toFixed(0)} MB)`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
