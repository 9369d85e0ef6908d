// The web shell's side of picking files: the folder listing behind its file browser, the one rule
// for typed paths, and that nothing is written over an existing file without the user's yes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import { tempDir } from '../helpers/processes.ts';

const services: AppService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

function webShell() {
  const settings = new SettingsStore(path.join(tempDir('rd-files-set-'), 'settings.json'));
  const service = new AppService({ shell: 'web', settings });
  services.push(service);
  return { service, settings };
}

describe('web shell file browser and picks', () => {
  it('starts in the home folder, then in the folder of the last pick; lists folders first, filters by type, hides dot files', async () => {
    const { service } = webShell();
    expect((await service.listFolder(null, null)).path).toBe(os.homedir());
    const dir = tempDir('rd-browse-');
    fs.mkdirSync(path.join(dir, 'sites'));
    for (const f of ['b.balcfg', 'a.balcfg', 'a-v01.bec2', 'users.csv', '.hidden.balcfg']) fs.writeFileSync(path.join(dir, f), 'x');
    await service.pickFile(path.join(dir, 'a.balcfg'), 'open', 'balcfg', false);
    const listing = await service.listFolder(null, 'balcfg');
    expect(listing.path).toBe(dir);
    expect(listing.entries.map((e) => `${e.kind}:${e.name}`)).toEqual(['folder:sites', 'file:a.balcfg', 'file:b.balcfg']);
    expect(listing.crumbs.at(-1)).toEqual({ name: path.basename(dir), path: dir });
    expect(listing.crumbs[0]!.path).toBe(path.parse(dir).root);
    expect(listing.parent).toBe(path.dirname(dir));
    expect((await service.listFolder(dir, null)).entries.map((e) => e.name)).toEqual(['sites', 'a-v01.bec2', 'a.balcfg', 'b.balcfg', 'users.csv']);
    await expect(service.listFolder(path.join(dir, 'nope'), null)).rejects.toThrow(`The folder ${path.join(dir, 'nope')} does not exist.`);
    await expect(service.listFolder(path.join(dir, 'users.csv'), null)).rejects.toThrow('is a file, not a folder');
  });

  it('takes a typed path from the home folder and names the full path it used', async () => {
    const { service } = webShell();
    expect(await service.checkPath('~/x/site.balcfg')).toMatchObject({ path: path.join(os.homedir(), 'x', 'site.balcfg') });
    expect(await service.checkPath('x/site.balcfg')).toMatchObject({ path: path.join(os.homedir(), 'x', 'site.balcfg') });
    await expect(service.pickFile('no-such-folder-here/r.csv', 'save', 'report', false)).rejects.toThrow(`The folder ${path.join(os.homedir(), 'no-such-folder-here')} does not exist`);
  });

  it('never writes over an existing file until the user said yes to replacing it', async () => {
    const { service } = webShell();
    const dir = tempDir('rd-replace-');
    const target = path.join(dir, 'events.csv');
    fs.writeFileSync(target, 'mine');
    await expect(service.exportEvents(target, 'csv')).rejects.toMatchObject({ code: 'files.exists', message: `${target} already exists. Replace it, or choose another name.` });
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');
    expect(await service.pickFile(target, 'save', 'report', true)).toMatchObject({ path: target, exists: true });
    await service.exportEvents(target, 'csv');
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^time,reader,event/);
    // Written once, a report is asked about again before the next replace.
    await expect(service.exportEvents(target, 'csv')).rejects.toMatchObject({ code: 'files.exists' });
  });

  it('saves the configuration being edited without asking, but never creates one over another file or a folder', async () => {
    const { service } = webShell();
    const dir = tempDir('rd-cfg-');
    const file = path.join(dir, 'site.balcfg');
    const doc = await service.configNew(file, { customer: 1, project: 1, device: 0, name: 'Site' });
    await service.configSave(file, doc.balcfg);
    await expect(service.configNew(file, { customer: 1, project: 1, device: 0, name: 'Site' })).rejects.toThrow(/already exists\. Open it, or choose another file name/);
    await expect(service.configNew(dir, { customer: 1, project: 1, device: 0, name: 'Site' })).rejects.toThrow(`${dir} is a folder; add a file name such as ${path.join(dir, 'site.balcfg')}.`);
    expect(await service.recentFilesOf('balcfg')).toEqual([file]);
    expect(await service.recentFilesOf('bec2')).toEqual([]);
  });
});
