import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';
import { newBalcfg, runCli, tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { afterReaderAnswers } from '../helpers/afterReaderAnswers.ts';
import { MainBf3UploadContinue } from '../../shared/brp/commands/main.ts';
import { loadBalcfg, saveBalcfg } from '../../electron/host/files/balcfgStore.ts';
import { setValue } from '../../shared/config/model.ts';

// The reader's rules, end to end over real ptys: CLI processes on one side, virtual readers that
// enforce every rule themselves on the other.

const KEY_A = 'A1A2A3A4A5A6A7A8A9AA';
const KEY_B = 'B1B2B3B4B5B6B7B8B9BA';
const readers = virtualReaders();
let work: string;

const reader = (customerKey?: string) => readers.start({ customerKey, rebootMs: 200 });

async function cli(args: string[]) {
  const r = await runCli(args, { timeoutMs: 60_000 });
  return r;
}

const newConfig = (name: string, project: number) => newBalcfg(path.join(work, `${name}.balcfg`), { name, project });

async function finalize(file: string, on: RunningSimulator, out: string): Promise<string> {
  const bec2 = path.join(work, out);
  const r = await cli(['finalize', file, '--port', on.address, '--out', bec2]);
  expect(r.code, r.stderr).toBe(0);
  return bec2;
}

async function deploy(bec2: string, ...targets: RunningSimulator[]) {
  const r = await cli(['deploy', bec2, ...targets.flatMap((t) => ['--port', t.address]), '--json']);
  return { code: r.code, results: JSON.parse(r.stdout) as { port: string; result: string; reason: string; message: string; bytes: number; durationMs: number }[] };
}

async function info(on: RunningSimulator, ...extra: string[]) {
  const r = await cli(['info', '--port', on.address, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

let finalizerDefault: RunningSimulator;
let finalizerA: RunningSimulator;
let finalizerB: RunningSimulator;
let siteV1: string; // config "Site", finalized on a default-key reader
let siteA: string; // config "SiteA", finalized on a key-A reader
let siteB: string; // config "SiteB", finalized on a key-B reader

beforeAll(async () => {
  work = tempDir('rd-matrix-');
  [finalizerDefault, finalizerA, finalizerB] = await Promise.all([reader(), reader(KEY_A), reader(KEY_B)]);
  siteV1 = await finalize(await newConfig('Site', 501), finalizerDefault, 'site-v1.bec2');
  siteA = await finalize(await newConfig('SiteA', 502), finalizerA, 'siteA-v1.bec2');
  siteB = await finalize(await newConfig('SiteB', 503), finalizerB, 'siteB-v1.bec2');
});

describe('customer keys', () => {
  it('a fresh default-key reader accepts files from default-key and custom-key readers', async () => {
    const [r1, r2] = await Promise.all([reader(), reader()]);
    const a = await deploy(siteV1, r1);
    const b = await deploy(siteA, r2);
    expect(a.results[0]).toMatchObject({ result: 'accepted', reason: 'ok' });
    expect(b.results[0]).toMatchObject({ result: 'accepted', reason: 'ok' });
    expect((await info(r2)).configId).toBe('50001-0502-0000-01');
  });

  it('a custom-key reader accepts a file of its own key and rejects the default key and another key', async () => {
    const [same, fromDefault, other] = await Promise.all([reader(KEY_A), reader(KEY_A), reader(KEY_A)]);
    expect((await deploy(siteA, same)).results[0]).toMatchObject({ result: 'accepted' });
    const d = await deploy(siteV1, fromDefault);
    expect(d.code).not.toBe(0);
    expect(d.results[0]).toMatchObject({ result: 'rejected', reason: 'customer-key-mismatch' });
    expect(d.results[0]!.message).toMatch(/customer key/);
    expect((await deploy(siteB, other)).results[0]).toMatchObject({ result: 'rejected', reason: 'customer-key-mismatch' });
    expect((await info(other)).configId).toBeNull();
  });

  it('refuses to finalize a later version on a reader with a different customer key, naming the reader needed', async () => {
    const file = await newConfig('Linked', 510);
    await finalize(file, finalizerA, 'linked-v1.bec2');
    expect((await cli(['config', 'bump', file])).code).toBe(0);
    const r = await cli(['finalize', file, '--port', finalizerB.address, '--out', path.join(work, 'linked-v2.bec2')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`linked to the custom customer key of reader "${finalizerA.address.replace(/[/.]/g, '\\$&')}"`));
    expect(fs.existsSync(path.join(work, 'linked-v2.bec2'))).toBe(false);
  });
});

describe('Config Security Code and rollback prevention', () => {
  let target: RunningSimulator;
  let v1: string, v2: string, v3: string, other: string;

  beforeAll(async () => {
    const file = await newConfig('Rollback', 520);
    v1 = await finalize(file, finalizerDefault, 'rb-v1.bec2');
    await cli(['config', 'bump', file]);
    v2 = await finalize(file, finalizerDefault, 'rb-v2.bec2');
    await cli(['config', 'bump', file]);
    v3 = await finalize(file, finalizerDefault, 'rb-v3.bec2');
    other = await finalize(await newConfig('Other', 530), finalizerDefault, 'other-v1.bec2');
    target = await reader();
    expect((await deploy(v2, target)).results[0]!.result).toBe('accepted');
    expect(await info(target)).toMatchObject({ configId: '50001-0520-0000-02', securityCode: 'set', version: 2 });
  });

  it('accepts the same version again and a higher one', async () => {
    expect((await deploy(v2, target)).results[0]).toMatchObject({ result: 'accepted' });
    expect((await deploy(v3, target)).results[0]).toMatchObject({ result: 'accepted' });
    expect((await info(target)).version).toBe(3);
  });

  it('rejects a lower version (rollback) and keeps running the newer one', async () => {
    const r = await deploy(v1, target);
    expect(r.results[0]).toMatchObject({ result: 'rejected', reason: 'rollback' });
    expect(r.results[0]!.message).toMatch(/older version/);
    expect((await info(target)).version).toBe(3);
  });

  it('rejects another configuration, and accepts it after a factory reset', async () => {
    const r = await deploy(other, target);
    expect(r.results[0]).toMatchObject({ result: 'rejected', reason: 'other-configuration' });
    expect((await info(target)).configId).toBe('50001-0520-0000-03');
    const reset = await cli(['factory-reset', '--port', target.address]);
    expect(reset.code).not.toBe(0);
    expect(reset.stderr).toMatch(/add --yes/);
    const yes = await cli(['factory-reset', '--port', target.address, '--yes']);
    expect(yes.code, yes.stderr).toBe(0);
    expect(await info(target)).toMatchObject({ configId: null, securityCode: 'unset' });
    expect((await deploy(other, target)).results[0]).toMatchObject({ result: 'accepted' });
    expect((await info(target)).configId).toBe('50001-0530-0000-01');
  });

  it('a rollback is done by a new version made from the old one', async () => {
    const file = path.join(work, 'Rollback.balcfg');
    const nv = await cli(['config', 'new-version', file, '--from', '1']);
    expect(nv.code, nv.stderr).toBe(0);
    expect(nv.stdout).toMatch(/version 4, with the values of version 1/);
  });
});

describe('factory reset keeps the customer key', () => {
  it('a custom-key reader still holds its key after a reset', async () => {
    const r = await reader(KEY_A);
    await deploy(siteA, r);
    expect((await cli(['factory-reset', '--port', r.address, '--yes'])).code).toBe(0);
    expect((await info(r, '--identify-customer-key')).customerKey.kind).toBe('custom');
    expect((await deploy(siteB, r)).results[0]!.reason).toBe('customer-key-mismatch');
  });
});

describe('damaged and interrupted uploads', () => {
  it('rejects a damaged file and leaves the reader as it was', async () => {
    const r = await reader();
    await deploy(siteV1, r);
    const text = fs.readFileSync(siteV1, 'latin1');
    const lines = text.split('\r\n');
    // Change one hex digit inside the encrypted configuration payload (last data line).
    const i = lines.map((l, n) => (/^[0-9A-F]{10,}$/.test(l) ? n : -1)).filter((n) => n >= 0).at(-1)!;
    const l = lines[i]!;
    lines[i] = l.slice(0, 4) + (l[4] === '0' ? '1' : '0') + l.slice(5);
    const damaged = path.join(work, 'damaged.bec2');
    fs.writeFileSync(damaged, lines.join('\r\n'), 'latin1');
    const d = await deploy(damaged, r);
    expect(d.results[0]).toMatchObject({ result: 'rejected', reason: 'damaged-file' });
    expect((await info(r)).configId).toBe('50001-0501-0000-01');
  });

  it('an upload cut off midway leaves the reader unchanged, and the host says so', async () => {
    const stateDir = tempDir('rd-cut-');
    let slow = await readers.start({ stateDir, baud: 9600, rebootMs: 200 });
    const file = await newConfig('Big', 540);
    let cfg = await loadBalcfg(file);
    for (let i = 0; i < 40; i++) cfg = setValue(cfg, `0601/${(i + 1).toString(16).padStart(2, '0')}`, new Uint8Array(60).fill(0xab));
    await saveBalcfg(file, cfg);
    const big = await finalize(file, finalizerDefault, 'big-v1.bec2');
    // Pull the plug once the upload is under way: right after the reader took its first block.
    const firstBlock = afterReaderAnswers(slow, MainBf3UploadContinue);
    const deployRun = runCli(['deploy', big, '--port', slow.address, '--json'], { timeoutMs: 60_000 });
    await firstBlock;
    await readers.unplug(slow);
    const r = await deployRun;
    expect(r.code).not.toBe(0);
    const [res] = JSON.parse(r.stdout);
    expect(res).toMatchObject({ result: 'failed', reason: 'io' });
    expect(res.message).toMatch(/never got the last block/);
    slow = await readers.start({ stateDir, rebootMs: 200 });
    expect(await info(slow)).toMatchObject({ configId: null, securityCode: 'unset' });
    // And the same file goes through once the line is back.
    expect((await deploy(big, slow)).results[0]).toMatchObject({ result: 'accepted' });
  });
});

describe('many readers at once', () => {
  it('deploys to three readers; one rejection never stops the others', async () => {
    const [a, b, c] = await Promise.all([reader(), reader(KEY_B), reader()]);
    const r = await deploy(siteV1, a, b, c);
    expect(r.code).toBe(1);
    expect(r.results.map((x) => x.result)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(r.results[1]!.reason).toBe('customer-key-mismatch');
    for (const x of r.results) expect(x.bytes).toBeGreaterThan(150);
  });
});
