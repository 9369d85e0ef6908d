import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';
import { CLI_EXTERNALS } from '../../tools/build-cli.mjs';
import { ROOT } from '../helpers/processes.ts';
import { runtimeClosure, type FileSet } from '../helpers/packagedApp.ts';

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
    // The host reads and writes serial devices through the binding itself (node/serial/serialDevice.ts).
    expect(pkg.dependencies['@serialport/bindings-cpp']).toBeTruthy();
    expect(fs.readFileSync(res('tools/build-electron.mjs'), 'utf8')).toMatch(/external: \[[^\]]*'@serialport\/bindings-cpp'/);
  });

  it('packs every package that serialport loads (serialport’s index requires its mock binding too)', () => {
    const excluded = config.files.filter((f: string) => f.startsWith('!')).map((f: string) => f.slice(1));
    for (const dep of runtimeClosure(['serialport', '@serialport/bindings-cpp'])) {
      const main = `node_modules/${dep}/package.json`;
      expect(excluded.filter((p: string) => minimatch(main, p, { dot: true })), dep).toEqual([]);
    }
  });

  it('turns off the Electron fuses that would let others run code in the app', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false });
  });
});

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
});
