// Door-file figures of issue 13 ("A million door-file users"), each printed with its goal:
// - 1,000,000 users from CSV to door JSON with `readerdesk doorfile build` in its own process,
//   against a naive Python script (csv + sort + json.dump, bench/naive_door_json.py) measured in
//   the same run: time ≤ 0.5× the script's, peak memory ≤ 400 MB;
// - 5,000 users from CSV text to door JSON in-process: ≤ 50 ms.
// Then where the time of a million-user build goes, with both ciphers. Nothing here passes or
// fails a test; the figures are for people.

import { spawn } from 'node:child_process';
import { createCipheriv } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, toHex } from '../shared/bytes.ts';
import { buildSortedDoorFile } from '../shared/doorfile/build.ts';
import { pureAesFactory, type BlockCipherFactory } from '../shared/doorfile/cipher.ts';
import { doorJsonChunks } from '../shared/doorfile/doorJson.ts';
import { planDoorFile } from '../shared/doorfile/plan.ts';
import { nodeAesFactory } from '../node/crypto/nodeAes.ts';
import { usersCsvChunks, usersCsvText } from './usersCsv.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const MILLION = 1_000_000;
const SMALL = 5_000;
const SMALL_RUNS = 10;
/** Each side of the comparison runs this often, alternating, so a busy machine slows both alike; the best run counts. */
const ROUNDS = 2;

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const ms = (from: number) => performance.now() - from;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** CSV text to door JSON bytes, all in this process: import, lock order, rules, encryption, JSON. */
function csvToDoorJson(csv: string, key: Uint8Array, maxUsers: number): number {
  const plan = planDoorFile(csv, { maxUsers, siteKey: key });
  if (plan.errors > 0) throw new Error(`the bench CSV has ${plan.errors} error(s): ${plan.issues[0]?.message}`);
  let bytes = 0;
  for (const chunk of doorJsonChunks(buildSortedDoorFile(plan, key, nodeAesFactory))) bytes += chunk.length;
  return bytes;
}

function benchSmall(print: (line: string) => void, key: Uint8Array): void {
  const csv = usersCsvText(SMALL);
  let t = performance.now();
  csvToDoorJson(csv, key, SMALL);
  const first = ms(t);
  const runs: number[] = [];
  for (let i = 0; i < SMALL_RUNS; i++) {
    t = performance.now();
    csvToDoorJson(csv, key, SMALL);
    runs.push(ms(t));
  }
  const typical = median(runs);
  print(
    `doorfile ${SMALL.toLocaleString('en')} users, CSV text to door JSON in-process: ${typical.toFixed(1)} ms ` +
      `(median of ${SMALL_RUNS} runs; the first, before the JIT warmed up: ${first.toFixed(0)} ms) (goal ≤ 50 ms: ${verdict(typical <= 50)})`,
  );
}

interface ChildRun {
  seconds: number;
  peakMb: number;
}

/** One command in its own process, timed and its peak memory taken by bench/measure_child.py. */
function measure(command: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(ROOT, 'bench/measure_child.py'), ...command], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        const r = JSON.parse(out) as { exit: number; seconds: number; peak_kb: number; stderr: string };
        if (r.exit !== 0) throw new Error(`${command.join(' ')} exited with ${r.exit}: ${r.stderr}`);
        resolve({ seconds: r.seconds, peakMb: r.peak_kb / 1024 });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

function hasPython(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn('python3', ['--version'], { stdio: 'ignore' });
    p.on('error', () => resolve(false));
    p.on('exit', (code) => resolve(code === 0));
  });
}

async function benchMillion(print: (line: string) => void, dir: string): Promise<void> {
  if (!(await hasPython())) {
    print('doorfile 1,000,000 users: not measured, python3 is not installed (the yardstick is a Python script; Debian: apt-get install python3)');
    return;
  }
  const csv = path.join(dir, 'users.csv');
  const fd = fs.openSync(csv, 'w');
  for (const chunk of usersCsvChunks(MILLION)) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const keyFile = path.join(dir, 'site.key');
  fs.writeFileSync(keyFile, toHex(randomBytes(32)), { mode: 0o600 });
  const ours = [process.execPath, path.join(ROOT, 'bin/readerdesk.mjs'), 'doorfile', 'build', '--in', csv, '--site-key-file', keyFile, '--out', path.join(dir, 'door.json'), '--max-users', String(MILLION)];
  const naive = ['python3', path.join(ROOT, 'bench/naive_door_json.py'), csv, path.join(dir, 'naive.json')];

  const runs = { ours: [] as ChildRun[], naive: [] as ChildRun[] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.ours.push(await measure(ours));
    runs.naive.push(await measure(naive));
  }
  const best = (xs: ChildRun[]) => Math.min(...xs.map((r) => r.seconds));
  const peak = (xs: ChildRun[]) => Math.max(...xs.map((r) => r.peakMb));
  const ratio = best(runs.ours) / best(runs.naive);
  const jsonMb = fs.statSync(path.join(dir, 'door.json')).size / 1e6;
  print(
    `doorfile 1,000,000 users, CSV (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB) to door JSON (${jsonMb.toFixed(0)} MB), readerdesk doorfile build in its own process: ` +
      `${best(runs.ours).toFixed(2)} s; naive Python csv + sort + json.dump: ${best(runs.naive).toFixed(2)} s (best of ${ROUNDS} alternating runs each) ` +
      `= ${ratio.toFixed(2)}× (goal ≤ 0.5×: ${verdict(ratio <= 0.5)})`,
  );
  print(
    `doorfile 1,000,000 users, peak memory of readerdesk doorfile build: ${peak(runs.ours).toFixed(0)} MB (goal ≤ 400 MB: ${verdict(peak(runs.ours) <= 400)}); ` +
      `the naive Python script: ${peak(runs.naive).toFixed(0)} MB`,
  );
}

/** Where the time of a million-user build goes, in this process, and what @noble/ciphers would cost instead of node:crypto. */
function benchSteps(print: (line: string) => void, key: Uint8Array): void {
  const csv = { text: usersCsvText(MILLION) };
  let t = performance.now();
  const plan = planDoorFile(csv, { maxUsers: MILLION, siteKey: key });
  const planMs = ms(t);
  const encrypt = (factory: BlockCipherFactory) => {
    t = performance.now();
    const built = buildSortedDoorFile(plan, key, factory);
    return { built, took: ms(t) };
  };
  // Both engines warmed up on a small file first: each section runs in a fresh process, and a cold
  // @noble/ciphers spent most of its time in V8 compiling it.
  const small = planDoorFile({ text: usersCsvText(5000) }, { maxUsers: MILLION, siteKey: key });
  for (const factory of [nodeAesFactory, pureAesFactory]) buildSortedDoorFile(small, key, factory);
  const node = encrypt(nodeAesFactory);
  const pure = encrypt(pureAesFactory);
  t = performance.now();
  let bytes = 0;
  for (const chunk of doorJsonChunks(node.built)) bytes += chunk.length;
  const jsonMs = ms(t);
  t = performance.now();
  createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(plan.table.primaries.subarray(0, MILLION * 16));
  const ecbMs = ms(t);
  print(
    `doorfile 1,000,000 users in-process, by step: read, sort and check the CSV ${planMs.toFixed(0)} ms; encrypt ${node.took.toFixed(0)} ms (node:crypto) or ` +
      `${pure.took.toFixed(0)} ms (@noble/ciphers AES), AES-256-ECB alone ${ecbMs.toFixed(0)} ms; JSON ${jsonMs.toFixed(0)} ms for ${(bytes / 1e6).toFixed(0)} MB`,
  );
}

export async function benchDoorfile(print: (line: string) => void): Promise<void> {
  const key = randomBytes(32);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-doorfile-'));
  try {
    benchSmall(print, key);
    await benchMillion(print, dir);
    benchSteps(print, key);
  } finally {
    key.fill(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
