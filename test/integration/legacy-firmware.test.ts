// A reader with older firmware (simulate --profile legacy) over real socat ptys: every user-facing
// flow either works or says in one sentence what this firmware cannot do, and the current profile
// reports its features.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizedSite, LAUNCHER, runCli, tamperWith, tempDir, watchJsonLines, type SimProcess } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

const LEGACY_LACKS = /lacks Sys\.CfgGetValueList/;
let work: string;
let finalizer: SimProcess;
let legacy: SimProcess;
let legacyDir: string;
let siteBec2: string;

async function cli(args: string[]) {
  return runCli(args, { timeoutMs: 60_000 });
}

async function infoJson(address: string) {
  const r = await cli(['info', '--port', address, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

// Registered before the readers' own afterAll, so it runs after they stopped.
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});
const readers = virtualReaders();

beforeAll(async () => {
  work = tempDir('rd-legacy-');
  finalizer = await readers.startProcess([], path.join(work, 'finalizer'));
  siteBec2 = (await finalizedSite(work, finalizer.address, { project: 700 })).bec2[0]!;

  // The legacy reader got its configuration while it still ran current firmware, then was
  // started with older firmware: the profile is kept in its state directory.
  legacyDir = path.join(work, 'legacy');
  const before = await readers.startProcess([], legacyDir);
  const dep = await cli(['deploy', siteBec2, '--port', before.address, '--json']);
  expect(JSON.parse(dep.stdout)[0]).toMatchObject({ result: 'accepted' });
  await readers.unplug(before);
  legacy = await readers.startProcess(['--profile', 'legacy'], legacyDir);
}, 120_000);

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
    const events = watchJsonLines(['events', '--port', legacy.address, '--json'], LAUNCHER);
    const { lines } = events;
    try {
      await events.waitFor('the tamper-unavailable line', () => lines.some((l) => l.event === 'tamper-unavailable'));
      // A tamper alarm raised now cannot arrive: the line said so, and the watcher keeps running.
      await tamperWith(legacyDir);
      expect(events.proc.exitCode).toBeNull();
    } finally {
      await events.stop();
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
    await readers.unplug(legacy);
    legacy = await readers.startProcess([], legacyDir);
    expect(JSON.parse(fs.readFileSync(path.join(legacyDir, 'reader.json'), 'utf8')).profile).toBe('legacy');
    expect((await infoJson(legacy.address)).firmware).toMatch(/ 1\.14\.00 /);
  });

  it('refuses an unknown profile with a sentence', async () => {
    const r = await cli(['simulate', '--state', path.join(work, 'bad'), '--profile', 'ancient']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('readerdesk simulate: --profile takes current or legacy (got "ancient")');
  });
});
