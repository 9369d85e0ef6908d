import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';
import { CLI_EXTERNALS, ensureCliBundle } from '../../tools/build-cli.mjs';
import { ROOT, tempDir } from '../helpers/processes.ts';

const require = createRequire(import.meta.url);
const config = require(path.join(ROOT, 'electron-builder.config.cjs'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const res = (p: string) => path.join(ROOT, p);

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const targets = (platform: { target: (string | { target: string })[] }) => platform.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder configuration', () => {
  it('names the app and builds AppImage and deb, NSIS and DMG', () => {
    expect(config.productName).toBe('ReaderDesk');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(targets(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targets(config.win)).toContain('nsis');
    expect(targets(config.mac)).toContain('dmg');
    expect(config.publish).toBeNull();
  });

  // Loading electron-builder's schema code alone takes seconds on a busy machine.
  it('passes electron-builder’s own schema check', { timeout: 60_000 }, async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, targetz: 1 }, new DebugLogger(false))).rejects.toThrow(/unknown property/);
  });

  it('has icons of the right sizes for every platform', () => {
    expect(config.directories.buildResources).toBe('build-resources');
    const main = pngSize(res('build-resources/icon.png'));
    expect(main).toEqual({ width: 1024, height: 1024 });
    // Linux: a folder of <n>x<n>.png files, each really that size, including 256 and 512.
    const dir = res(config.linux.icon);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    for (const f of files) {
      const n = Number(/^(\d+)x\1\.png$/.exec(f)?.[1]);
      expect(pngSize(path.join(dir, f))).toEqual({ width: n, height: n });
    }
    expect(files).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '48x48.png', '256x256.png', '512x512.png']));

    // Windows: an ICO with 16, 32, 48 and 256 (stored as 0) pixel entries.
    const ico = fs.readFileSync(res(config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));

    // macOS: an ICNS whose elements include 512 and 1024 pixel PNGs.
    const icns = fs.readFileSync(res(config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let o = 8; o < icns.length; o += icns.readUInt32BE(o + 4)) types.push(icns.subarray(o, o + 4).toString('ascii'));
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('packs both builds and package.json, and leaves out source maps, sources and tests', () => {
    const files: string[] = config.files;
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist-electron/**/*', 'dist-renderer/**/*']));
    expect(pkg.main.startsWith('dist-electron/')).toBe(true);
    expect(files).toContain('!**/*.map');
    expect(files.some((f) => f.startsWith('!') && f.includes('test'))).toBe(true);
    expect(files.some((f) => f.startsWith('!') && /\*\.\{?ts/.test(f))).toBe(true);
    // Nothing positive reaches into the sources, the tests or the simulator's source folder.
    for (const f of files.filter((x) => !x.startsWith('!'))) expect(f).not.toMatch(/^(src|shared|electron|renderer|simulator|test|bench|tools)\//);
    // The vite and esbuild builds write no source maps either.
    expect(fs.readFileSync(res('renderer/vite.config.ts'), 'utf8')).toMatch(/sourcemap:\s*false/);
    expect(fs.readFileSync(res('tools/build-electron.mjs'), 'utf8')).not.toMatch(/sourcemap/);
  });

  it('unpacks serialport’s native binding from the asar and needs no rebuild', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p: string) => p.includes('@serialport/bindings-cpp'))).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(pkg.dependencies.serialport).toBeTruthy();
    expect(fs.readFileSync(res('tools/build-electron.mjs'), 'utf8')).toMatch(/external: \[[^\]]*'serialport'/);
  });

  it('packs every package that serialport loads (serialport’s index requires its mock binding too)', () => {
    const excluded = config.files.filter((f: string) => f.startsWith('!')).map((f: string) => f.slice(1));
    for (const dep of runtimeClosure(['serialport'])) {
      const main = `node_modules/${dep}/package.json`;
      expect(excluded.filter((p: string) => minimatch(main, p, { dot: true })), dep).toEqual([]);
    }
  });

  it('turns off the Electron fuses that would let others run code in the app', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });
});

/** Installed packages a set of packages loads at run time: them and their `dependencies`, transitively. */
function runtimeClosure(names: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    if (seen.has(name) || !fs.existsSync(manifest)) return;
    seen.add(name);
    for (const dep of Object.keys(JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies ?? {})) visit(dep);
  };
  names.forEach(visit);
  return [...seen];
}

interface FileSet {
  from: string;
  to: string;
  filter: string[];
}

/** Copies the app's extraResources as electron-builder lays them out: `to` under resources/. */
function layOutExtraResources(resources: string): void {
  for (const set of config.extraResources as FileSet[]) {
    const include = set.filter.filter((f) => !f.startsWith('!'));
    const exclude = set.filter.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
    const from = res(set.from);
    if (!fs.existsSync(from)) continue;
    for (const rel of fs.readdirSync(from, { recursive: true, encoding: 'utf8' })) {
      const src = path.join(from, rel);
      if (!fs.statSync(src).isFile()) continue;
      const wanted = include.some((p) => minimatch(rel, p, { dot: true })) && !exclude.some((p) => minimatch(rel, p, { dot: true }));
      if (!wanted) continue;
      fs.mkdirSync(path.dirname(path.join(resources, set.to, rel)), { recursive: true });
      fs.copyFileSync(src, path.join(resources, set.to, rel));
    }
  }
}

describe('the command line in the packaged app', () => {
  const sets = () => config.extraResources as FileSet[];

  it('ships the CLI bundle, and every package it loads from node_modules, beside app.asar', () => {
    expect(sets()).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'dist-cli', to: 'cli/dist-cli' })]));
    expect(sets()).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'dist-renderer', to: 'cli/dist-renderer' })]));
    const installedExternals = CLI_EXTERNALS.filter((name) => fs.existsSync(res(`node_modules/${name}/package.json`)));
    expect(installedExternals).toContain('@serialport/bindings-cpp');
    for (const dep of runtimeClosure(installedExternals)) {
      const shipped = sets().some((s) => s.to.startsWith('cli/node_modules/') && `node_modules/${dep}/`.startsWith(`${s.from}/`));
      expect(shipped, `${dep} (needed by ${installedExternals.join(', ')}) is shipped in resources/cli/node_modules`).toBe(true);
    }
  });

  it('runs with a plain Node from resources/cli, away from the checkout: help, serial ports, the web shell', { timeout: 60_000 }, async () => {
    await ensureCliBundle();
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
