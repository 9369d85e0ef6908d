// `doorfile build` runs its work in a worker thread whose code is a file of its own beside the CLI
// bundle (dist-cli/doorfileWorker.mjs): the packaged app must ship it. Run from resources/cli laid
// out as the installer does, away from the checkout's sources and node_modules.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layOutExtraResources } from '../helpers/packagedApp.ts';
import { tempDir } from '../helpers/processes.ts';

describe('door files from the packaged command line', () => {
  it('builds a door file in lock order with a plain Node from resources/cli', () => {
    const resources = path.join(tempDir('rd-pack-door-'), 'resources');
    layOutExtraResources(resources);
    const dir = tempDir('rd-pack-door-files-');
    const at = (name: string) => path.join(dir, name);
    fs.writeFileSync(at('users.csv'), 'user_id,format,facility,card\n1,h10301,30,11456\n2,h10301,1,1\n');
    fs.writeFileSync(at('site.key'), '1234567890ABCDEF'.repeat(4));
    const cli = path.join(resources, 'cli/dist-cli/readerdesk.mjs');
    const r = spawnSync(process.execPath, [cli, 'doorfile', 'build', '--in', at('users.csv'), '--site-key-file', at('site.key'), '--out', at('door.json')], {
      cwd: resources,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*door\.json: 2 user\(s\) in lock order\./);
    const door = JSON.parse(fs.readFileSync(at('door.json'), 'utf8'));
    expect(door.users.map((u: { usrID: number }) => u.usrID)).toEqual([2, 1]);
  });
});
