// `npm run soak [-- --count N --parallel P --seed S]`: faulted deploys through a BRP-aware fault
// proxy, each judged against the truth the virtual reader keeps on disk. Prints counts: attempts,
// accepted, not deployed, unknown, rejected, partial, false success, false failure, and the share
// of single transient faults that still end accepted.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator } from '../../simulator/startSimulator.ts';
import { createBalcfg, bumpVersion } from '../../shared/config/model.ts';
import { finalizeOnReader } from '../../electron/host/lifecycle/finalize.ts';
import { openSession } from '../../electron/host/readers/openSession.ts';
import { decodeBec2Text, deployToReader, expectedConfigIdOf } from '../../electron/host/lifecycle/deployJob.ts';
import type { DeployResult } from '../../shared/api/features/deploy.ts';
import { startFaultProxy, type FaultAction, type FaultPlan, type FrameSeen } from './faultProxy.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const UPLOAD_CONTINUE = 0xf011;

const { values: args } = parseArgs({
  options: { count: { type: 'string', default: '200' }, parallel: { type: 'string', default: '4' }, seed: { type: 'string', default: '1' } },
});
const COUNT = Number(args.count);
const PARALLEL = Number(args.parallel);
let seed = Number(args.seed) >>> 0 || 1;
/** xorshift32: the same seed gives the same campaign. */
function random(): number {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

type FaultKind =
  | 'cut'
  | 'drop-command'
  | 'drop-answer'
  | 'corrupt-command'
  | 'corrupt-answer'
  | 'delay'
  | 'stall'
  | 'lost-final-answer'
  | 'damaged-final-answer'
  | 'kill-at-block'
  | 'kill-at-commit';
const FAULTS: readonly FaultKind[] = [
  'cut',
  'drop-command',
  'drop-answer',
  'corrupt-command',
  'corrupt-answer',
  'delay',
  'stall',
  'lost-final-answer',
  'damaged-final-answer',
  'kill-at-block',
  'kill-at-commit',
];

interface Tally {
  attempts: number;
  accepted: number;
  notDeployed: number;
  unknown: number;
  rejected: number;
  partial: number;
  falseSuccess: number;
  falseFailure: number;
  transientAccepted: number;
  fired: number;
  byFault: Record<string, { n: number; accepted: number; unknown: number; wrong: number }>;
  wrong: string[];
}

interface Files {
  template: string;
  v2: Uint8Array;
  v2Id: string | null;
  blocks: number;
}

async function prepare(work: string): Promise<Files> {
  const template = path.join(work, 'template');
  const sim = await startSimulator({ stateDir: template, tcp: { host: '127.0.0.1', port: 0 }, rebootMs: 100 });
  try {
    let cfg = createBalcfg({ name: 'Soak', customer: 50001, project: 777, device: 0 });
    const session = await openSession(sim.address);
    let v1Text: string;
    let v2Text: string;
    try {
      const v1 = await finalizeOnReader(session, cfg, { outPath: path.join(work, 'v1.bec2') });
      cfg = bumpVersion(v1.balcfg);
      await finalizeOnReader(session, cfg, { outPath: path.join(work, 'v2.bec2') });
      v1Text = fs.readFileSync(path.join(work, 'v1.bec2'), 'utf8');
      v2Text = fs.readFileSync(path.join(work, 'v2.bec2'), 'utf8');
    } finally {
      await session.close();
    }
    const r = await deployToReader(decodeBec2Text(v1Text), sim.address, { expectedConfigId: expectedConfigIdOf(v1Text) });
    if (r.result !== 'accepted') throw new Error(`the template reader did not take version 1: ${r.message}`);
    const v2 = decodeBec2Text(v2Text);
    return { template, v2, v2Id: expectedConfigIdOf(v2Text), blocks: Math.ceil(v2.length / 512) + 3 };
  } finally {
    await sim.stop();
  }
}

interface SimChild {
  proc: ChildProcess;
  port: number;
}

async function startChild(stateDir: string, port: number): Promise<SimChild> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/soak/simChild.ts'), stateDir, String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`virtual reader did not start: ${err}`)), 20_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (c) => reject(new Error(`virtual reader exited with ${c}: ${err}`)));
  });
  return { proc, port: Number(new URL(address).port) };
}

async function stopChild(c: SimChild, how: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  const exited = new Promise((r) => c.proc.once('exit', r));
  c.proc.kill(how);
  await exited;
}

/** The stored truth: which version the reader runs, read from its own state file. */
function storedVersion(stateDir: string): number | null {
  const state = JSON.parse(fs.readFileSync(path.join(stateDir, 'reader.json'), 'utf8')) as { storedVersion: number | null };
  return state.storedVersion;
}

async function attempt(files: Files, work: string, index: number, fault: FaultKind, tally: Tally): Promise<void> {
  const stateDir = path.join(work, `r${index}`);
  fs.cpSync(files.template, stateDir, { recursive: true });
  fs.rmSync(path.join(stateDir, 'simulator.pid'), { force: true });
  let child = await startChild(stateDir, 0);
  const proxy = await startFaultProxy({ host: '127.0.0.1', port: child.port });
  const at = 1 + Math.floor(random() * files.blocks);
  const delayMs = 200 + Math.floor(random() * 2500);
  let continues = 0;
  let fired = false;
  let killing: Promise<void> | undefined;
  const once = (action: FaultAction): FaultAction => {
    if (fired) return { kind: 'pass' };
    fired = true;
    return action;
  };
  const killAndRestart = () => {
    killing ??= (async () => {
      await stopChild(child, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 400)));
      fs.rmSync(path.join(stateDir, 'simulator.pid'), { force: true });
      child = await startChild(stateDir, child.port);
    })();
  };
  const plan: FaultPlan = (f: FrameSeen) => {
    if (f.cmdCode !== UPLOAD_CONTINUE) return { kind: 'pass' };
    const final = f.direction === 'to-host' && f.status === 0 && f.payload[0] !== undefined && (f.payload[0] & 0x01) === 0;
    if (f.direction === 'to-reader') continues++;
    const here = continues === at;
    switch (fault) {
      case 'cut':
        return here && f.direction === 'to-reader' ? once({ kind: 'cut' }) : { kind: 'pass' };
      case 'drop-command':
        return here && f.direction === 'to-reader' ? once({ kind: 'drop' }) : { kind: 'pass' };
      case 'drop-answer':
        return here && f.direction === 'to-host' ? once({ kind: 'drop' }) : { kind: 'pass' };
      case 'corrupt-command':
        return here && f.direction === 'to-reader' ? once({ kind: 'corrupt' }) : { kind: 'pass' };
      case 'corrupt-answer':
        return here && f.direction === 'to-host' ? once({ kind: 'corrupt' }) : { kind: 'pass' };
      case 'delay':
        return here && f.direction === 'to-host' ? once({ kind: 'delay', ms: delayMs }) : { kind: 'pass' };
      case 'stall':
        return here && f.direction === 'to-reader' ? once({ kind: 'stall' }) : { kind: 'pass' };
      case 'lost-final-answer':
        return final ? once({ kind: 'drop' }) : { kind: 'pass' };
      case 'damaged-final-answer':
        return final ? once({ kind: 'corrupt' }) : { kind: 'pass' };
      case 'kill-at-block':
        if (here && f.direction === 'to-reader' && !fired) {
          fired = true;
          killAndRestart();
          return { kind: 'drop' };
        }
        return { kind: 'pass' };
      case 'kill-at-commit':
        // The last block goes through; the reader dies before or while it commits.
        if (f.direction === 'to-reader' && f.payload.length > 6 && !fired) {
          const adr = (f.payload[0]! << 24) | (f.payload[1]! << 16) | (f.payload[2]! << 8) | f.payload[3]!;
          const len = (f.payload[4]! << 8) | f.payload[5]!;
          if (adr + len >= files.v2.length) {
            fired = true;
            setTimeout(killAndRestart, Math.floor(random() * 5));
          }
        }
        return { kind: 'pass' };
    }
  };
  proxy.setPlan(plan);
  let result: DeployResult;
  try {
    result = await deployToReader(files.v2, proxy.address, { checksum: 'crc16', expectedConfigId: files.v2Id });
  } finally {
    await killing;
    await proxy.close();
    await stopChild(child, 'SIGTERM');
  }
  if (fired) tally.fired++;
  const truth = storedVersion(stateDir);
  const taken = truth === 2;
  const slot = (tally.byFault[fault] ??= { n: 0, accepted: 0, unknown: 0, wrong: 0 });
  slot.n++;
  tally.attempts++;
  if (truth !== 1 && truth !== 2) tally.partial++;
  const wrong = (what: string) => {
    slot.wrong++;
    tally.wrong.push(`#${index} ${fault} at ${at}: ${what}; host said ${result.result}/${result.reason}: ${result.message}`);
  };
  switch (result.result) {
    case 'accepted':
      tally.accepted++;
      slot.accepted++;
      if (fired) tally.transientAccepted++;
      if (!taken) {
        tally.falseSuccess++;
        wrong('false success');
      }
      break;
    case 'rejected':
    case 'failed':
      if (result.result === 'rejected') tally.rejected++;
      else tally.notDeployed++;
      if (taken) {
        tally.falseFailure++;
        wrong('false failure');
      }
      break;
    default:
      tally.unknown++;
      slot.unknown++;
  }
  fs.rmSync(stateDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-soak-'));
  const files = await prepare(work);
  const tally: Tally = {
    attempts: 0,
    accepted: 0,
    notDeployed: 0,
    unknown: 0,
    rejected: 0,
    partial: 0,
    falseSuccess: 0,
    falseFailure: 0,
    transientAccepted: 0,
    fired: 0,
    byFault: {},
    wrong: [],
  };
  const plan = Array.from({ length: COUNT }, () => pick(FAULTS));
  const began = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const i = next++;
      try {
        await attempt(files, work, i, plan[i]!, tally);
      } catch (err) {
        tally.wrong.push(`#${i} ${plan[i]}: the soak itself failed: ${(err as Error).message}`);
      }
      if (tally.attempts % 50 === 0) process.stderr.write(`${tally.attempts}/${COUNT}\n`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const line = (k: string, v: number | string) => console.log(`${k.padEnd(36)} ${v}`);
  console.log(`soak: ${COUNT} faulted deploys, ${PARALLEL} at a time, seed ${args.seed}, ${((Date.now() - began) / 1000).toFixed(0)} s`);
  line('attempts', tally.attempts);
  line('accepted', tally.accepted);
  line('not deployed (checked)', tally.notDeployed);
  line('rejected', tally.rejected);
  line('unknown (check this reader)', tally.unknown);
  line('partial', tally.partial);
  line('false success', tally.falseSuccess);
  line('false failure', tally.falseFailure);
  line('faults that fired', tally.fired);
  line('single transient faults ending accepted', `${((100 * tally.transientAccepted) / Math.max(1, tally.fired)).toFixed(1)} % (goal ≥ 95 %)`);
  console.log('by fault:');
  for (const [k, v] of Object.entries(tally.byFault).sort()) line(`  ${k}`, `${v.n} tried, ${v.accepted} accepted, ${v.unknown} unknown, ${v.wrong} wrong`);
  for (const w of tally.wrong.slice(0, 20)) console.log(`  ! ${w}`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(tally.partial + tally.falseSuccess + tally.falseFailure === 0 && tally.wrong.length === 0 ? 0 : 1);
}

await main();
