import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { faults } from '../../helpers/faultyFsPromises.ts';
import { BalcfgFileError, loadBalcfg, saveBalcfg } from '../../../electron/host/files/balcfgStore.ts';
import { serializeBalcfg } from '../../../shared/config/balcfg.ts';
import { sampleBalcfg } from './fixtures.ts';
import { tempDir } from '../../helpers/processes.ts';

// Full-disk and rename faults are injected into node:fs/promises, which node/files/atomicWrite.ts uses.
vi.mock('node:fs/promises', async (real) => (await import('../../helpers/faultyFsPromises.ts')).withFaults(await real()));

let dir: string;
beforeEach(() => {
  dir = tempDir('balcfg-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('BALCFG files', () => {
  it('saves and loads a document, owner-readable only', async () => {
    const path = join(dir, 'project.balcfg');
    const cfg = sampleBalcfg();
    await saveBalcfg(path, cfg);
    expect(readFileSync(path, 'utf8')).toBe(serializeBalcfg(cfg));
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await loadBalcfg(path)).toEqual(cfg);
  });

  it('leaves the previous file in place when saving fails', async () => {
    const path = join(dir, 'project.balcfg');
    writeFileSync(path, 'previous');
    faults.diskFullAfter = 10;
    const err = await saveBalcfg(path, sampleBalcfg()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BalcfgFileError);
    expect((err as BalcfgFileError).message).toBe(`${path} could not be written because the disk is full; the previous file, if any, is unchanged.`);
    expect(readFileSync(path, 'utf8')).toBe('previous');
  });

  it('refuses to save a document that would not load again', async () => {
    const path = join(dir, 'project.balcfg');
    const broken = { ...sampleBalcfg(), version: 2 };
    await expect(saveBalcfg(path, broken)).rejects.toThrow(/0620\/07/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('explains a missing file, a folder, a foreign file and an invalid field', async () => {
    const missing = join(dir, 'nope.balcfg');
    await expect(loadBalcfg(missing)).rejects.toMatchObject({ problem: 'not-found', message: `${missing} was not found; check the folder and file name.` });

    const folder = join(dir, 'folder.balcfg');
    mkdirSync(folder);
    await expect(loadBalcfg(folder)).rejects.toMatchObject({ problem: 'unreadable', message: expect.stringContaining('is a folder') });

    const foreign = join(dir, 'foreign.balcfg');
    writeFileSync(foreign, '<xml/>');
    await expect(loadBalcfg(foreign)).rejects.toMatchObject({ problem: 'not-balcfg', field: 'format' });

    const invalid = join(dir, 'invalid.balcfg');
    writeFileSync(invalid, serializeBalcfg(sampleBalcfg()).replace('"version": 1', '"version": 0'));
    await expect(loadBalcfg(invalid)).rejects.toMatchObject({
      problem: 'invalid',
      field: 'version',
      message: expect.stringContaining('version: 0 is below 1'),
    });
  });
});
