// A reader with older firmware (simulate --profile legacy) over real socat ptys: every user-facing
// flow either works or says in one sentence what this firmware cannot do, and the current profile
// reports its features.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, startSimProcess, tempDir, type SimProcess } from '../helpers/processes.ts';

const LEGACY_LACKS = /lacks Sys\.CfgGetValueList/;
const sims: SimProcess[] = [];
let work: string;
let finalizer: SimProcess;
let legacy: SimProcess;
let legacyDir: string;
let siteBec2: string;

async function cli(args: string[]) {
  return runCli(args, { timeoutMs: 60_000 });
}

async function sim(args: string[], dir: string): Promise<SimProcess> {
  const s = await startSimProcess(args, dir);
  sims.push(s);
  return s;
}

async function infoJson(address: string) {
  const r = await cli(['info', '--port', address, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  work = tempDir('rd-legacy-');
  finalizer = await sim([], path.join(work, 'finalizer'));
  const balcfg = path.join(work, 'site.balcfg');
  siteBec2 = path.join(work, 'site.bec2');
  expect((await cli(['config', 'new', balcfg, '--name', 'Site', '--customer', '50001', '--project', '700', '--device', '0'])).code).toBe(0);
  const fin = await cli(['finalize', balcfg, '--port', finalizer.address, '--out', siteBec2]);
  expect(fin.code, fin.stderr).toBe(0);

  // The legacy reader got its configuration while it still ran current firmware, then was
  // started with older firmware: the profile is kept in its state directory.
  legacyDir = path.join(work, 'legacy');
  const before = await sim([], legacyDir);
  const dep = await cli(['deploy', siteBec2, '--port', before.address, '--json']);
  expect(JSON.parse(dep.stdout)[0]).toMatchObject({ result: 'accepted' });
  await before.stop();
  legacy = await sim(['--profile', 'legacy'], legacyDir);
}, 120_000);

afterAll(async () => {
  for (const s of sims) await s.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('readerdesk against current firmware', () => {
  it('lists the features the reader reports', async () => {
    const r = await cli(['info', '--port', finalizer.address]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Features: +Tamper \(63\), Bec2Upload \(83\)$/m);
    const json = await infoJson(finalizer.address);
    expect(json.features).toEqual([
      { id: 63, name: 'Tamper' },
      { id: 83, name: 'Bec2Upload' },
    ]);
    expect(json.maxFeatureId).toBe(88);
    expect(json.securityCode).toBe('unset');
    expect(json.firmwareLacks).toEqual([]);
  });
});

describe('readerdesk against legacy firmware (simulate --profile legacy)', () => {
  it('info works and says what this firmware cannot tell', async () => {
    const r = await cli(['info', '--port', legacy.address]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Firmware: +1100 VirtRead  1\.14\.00 /m);
    expect(r.stdout).toMatch(/^Configuration: +50001-0700-0000-01 Site$/m);
    expect(r.stdout).toMatch(/^Security code: +unknown: this firmware cannot list configuration values \(it lacks Sys\.CfgGetValueList\)/m);
    expect(r.stdout).toMatch(/^Features: +unknown: this firmware cannot report its features \(it lacks Sys\.GetFeatures\)$/m);

    const json = await infoJson(legacy.address);
    expect(json).toMatchObject({ securityCode: 'unknown', features: null, maxFeatureId: null, configId: '50001-0700-0000-01' });
    expect(json.firmwareLacks).toEqual(['Sys.GetFeatures', 'Sys.CfgGetValueList']);
  });

  it('readback lists the readable values and says secret ones cannot be seen', async () => {
    const r = await cli(['readback', '--port', legacy.address]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(LEGACY_LACKS);
    expect(r.stdout).toMatch(/secret values \(keys, Config Security Code\) are not shown/);
    expect(r.stdout).toMatch(/^ {2}0620\/07 /m);

    const json = JSON.parse((await cli(['readback', '--port', legacy.address, '--json'])).stdout);
    expect(json.valueList).toBe('readable-only');
    expect(json.securityCode).toBe('unknown');
    expect(json.values.map((v: { id: string }) => v.id)).toContain('0620/07');
    // The CSC is there (the configuration came with one) but cannot be seen on this firmware.
    expect(json.values.some((v: { secret: boolean }) => v.secret)).toBe(false);
  });

  it('deploy says the firmware loads only BEC files, and the other reader still takes the file', async () => {
    const r = await cli(['deploy', siteBec2, '--port', legacy.address, '--port', finalizer.address, '--json']);
    expect(r.code).not.toBe(0);
    const [old, current] = JSON.parse(r.stdout);
    expect(old).toMatchObject({ port: legacy.address, result: 'rejected', reason: 'firmware-bec-only' });
    expect(old.message).toBe(
      "Rejected: firmware older than 2.00 loads only BEC files, and this reader cannot take a BEC2 file. Update its firmware to 2.00 or later, or load the configuration as a BEC file with BALTECH's tools.",
    );
    expect(current).toMatchObject({ port: finalizer.address, result: 'accepted' });
  });

  it('events says once that this reader cannot report tamper alarms', async () => {
    const proc = spawn(process.execPath, [path.join(ROOT, 'bin/readerdesk.mjs'), 'events', '--port', legacy.address, '--json'], { cwd: ROOT });
    const lines: Record<string, unknown>[] = [];
    let buf = '';
    let stderr = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buf.slice(0, nl)));
        buf = buf.slice(nl + 1);
      }
    });
    proc.stderr.on('data', (d) => (stderr += d));
    try {
      const end = Date.now() + 15_000;
      while (!lines.some((l) => l.event === 'tamper-unavailable')) {
        if (Date.now() > end) throw new Error(`no tamper-unavailable line: ${JSON.stringify(lines)} ${stderr}`);
        await new Promise((res) => setTimeout(res, 50));
      }
      // A tamper alarm raised now cannot arrive: the line said so, and the watcher keeps running.
      expect((await cli(['sim', 'tamper', '--state', legacyDir])).code).toBe(0);
      expect(proc.exitCode).toBeNull();
    } finally {
      const exited = new Promise((res) => proc.once('exit', res));
      proc.kill('SIGINT');
      await exited;
    }
    const unavailable = lines.filter((l) => l.event === 'tamper-unavailable');
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]).toMatchObject({ reader: legacy.address, reason: 'not-supported' });
    expect(unavailable[0]!.detail).toMatch(/cannot report tamper alarms over BRP.*AR\.GetMessage/);
    expect(lines.some((l) => l.event === 'tamper-alarm')).toBe(false);
  });

  it('factory reset falls back to Sys.FactoryResetLegacy and a restart', async () => {
    const r = await cli(['factory-reset', '--port', legacy.address, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/lacks Sys\.FactoryReset: done with Sys\.FactoryResetLegacy and a restart\): configuration removed/);
    const json = await infoJson(legacy.address);
    expect(json.configId).toBeNull();
    expect(json.projectSettings).toBe(false);
  });

  it('keeps the profile in the state directory across restarts', async () => {
    await legacy.stop();
    legacy = await sim([], legacyDir);
    expect(JSON.parse(fs.readFileSync(path.join(legacyDir, 'reader.json'), 'utf8')).profile).toBe('legacy');
    expect((await infoJson(legacy.address)).firmware).toMatch(/ 1\.14\.00 /);
  });

  it('refuses an unknown profile with a sentence', async () => {
    const r = await cli(['simulate', '--state', path.join(work, 'bad'), '--profile', 'ancient']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('readerdesk simulate: --profile takes current or legacy (got "ancient")');
  });
});
