// The command line as the installers ship it: resources/cli laid out from electron-builder's
// extraResources, away from the checkout's node_modules, run with a plain Node.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/processes.ts';
import { layOutExtraResources } from '../helpers/packagedApp.ts';

const res = (p: string) => path.join(ROOT, p);

describe('the command line in the packaged app', () => {
  it('runs with a plain Node from resources/cli, away from the checkout: help, serial ports, the web shell', { timeout: 60_000 }, async () => {
    const resources = path.join(tempDir('rd-pack-'), 'resources');
    layOutExtraResources(resources);
    const cli = path.join(resources, 'cli/dist-cli/readerdesk.mjs');
    // The UI is built by `npm run build:renderer`; a stand-in page is enough to see the CLI find it.
    const page = path.join(resources, 'cli/dist-renderer/index.html');
    if (!fs.existsSync(page)) {
      fs.mkdirSync(path.dirname(page), { recursive: true });
      fs.writeFileSync(page, '<!doctype html><title>ReaderDesk</title>');
    }
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: resources, encoding: 'utf8', timeout: 30_000 });

    const help = run(['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/readerdesk deploy <file\.bec2>/);
    const ports = run(['ports', '--json']);
    expect(ports.status, ports.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(ports.stdout))).toBe(true);
    if (fs.existsSync(res('node_modules/node-hid/package.json'))) {
      // The port list looks for USB HID readers too and adds a note when node-hid cannot load.
      const text = run(['ports']);
      expect(text.status, text.stderr).toBe(0);
      expect(text.stdout).not.toMatch(/node-hid/);
    }

    const ui = spawn(process.execPath, [cli, 'ui', '--no-sim', '--listen', '127.0.0.1:0'], { cwd: resources, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        ui.stdout.on('data', (d) => {
          out += d;
          const m = /^open (\S+)$/m.exec(out);
          if (m) resolve(m[1]!);
        });
        ui.stderr.on('data', (d) => (err += d));
        ui.on('exit', (code) => reject(new Error(`readerdesk ui exited with ${code}: ${err}`)));
      });
      const entry = await fetch(url, { redirect: 'manual' });
      const cookie = entry.headers.get('set-cookie')!.split(';')[0]!;
      const home = await fetch(new URL('/', url), { headers: { cookie } });
      expect(home.status).toBe(200);
      expect(await home.text()).toBe(fs.readFileSync(page, 'utf8'));
    } finally {
      ui.kill('SIGTERM');
    }
  });
});
