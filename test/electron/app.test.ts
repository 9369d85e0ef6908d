// The real Electron app, driven by Playwright. Runs only where the Electron binary is installed
// (it cannot be downloaded on every machine); elsewhere the suite is skipped and says why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { ROOT, tempDir } from '../helpers/processes.ts';
import { screenshot } from '../helpers/browser.ts';

const { electronBinary } = (await import(path.join(ROOT, 'tools/electronBinary.mjs'))) as { electronBinary(): string | null };
const binary = electronBinary();
if (!binary) {
  console.log(
    'Skipping the Electron app tests: no Electron binary is installed here (node_modules/electron has no dist/). ' +
      'The same UI is tested in Chromium through the web shell (test/e2e); "node tools/electronBinary.mjs --fetch" fetches Electron to run these.',
  );
}

describe.skipIf(!binary)('Electron app', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    for (const [cmd, args] of [
      ['npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
      ['node', ['tools/build-electron.mjs']],
    ] as const) {
      const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
    }
    expect(fs.existsSync(path.join(ROOT, 'dist-electron/main.cjs'))).toBe(true);
    app = await _electron.launch({
      executablePath: binary!,
      // Chromium's OS sandbox cannot start as root (CI containers); the renderer sandbox setting is unaffected.
      args: process.getuid?.() === 0 ? ['--no-sandbox', ROOT] : [ROOT],
      cwd: ROOT,
      env: { ...process.env, READERDESK_SIM_STATE: tempDir('rd-el-sim-'), READERDESK_CONFIG_DIR: tempDir('rd-el-cfg-') },
    });
    page = await app.firstWindow();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('starts and shows the readers page', async () => {
    await page.getByRole('heading', { name: /^(Readers|Leser)$/, level: 2 }).waitFor();
    expect(await page.title()).toBe('ReaderDesk');
  });

  it('runs the window isolated and sandboxed, without Node, network, new windows or permissions', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is Electron's own (untyped) record of what the window got; main.ts also keeps a copy.
      const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      const p = (wc.getLastWebPreferences?.() ?? (globalThis as Record<string, unknown>).readerdeskWebPreferences) as Record<string, unknown>;
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag, webSecurity: p.webSecurity };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });

    const inPage = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      let fetched: string;
      try {
        await fetch('https://example.com/');
        fetched = 'reached';
      } catch {
        fetched = 'blocked';
      }
      const perm = await navigator.permissions.query({ name: 'notifications' as PermissionName }).then((s) => s.state, () => 'error');
      return {
        require: typeof w.require,
        process: typeof w.process,
        bridgeKeys: Object.keys(w.readerdeskBridge as object).sort(),
        bridgeFrozen: Object.isFrozen(w.readerdeskBridge),
        opened: window.open('https://example.com/') === null,
        fetched,
        perm,
      };
    });
    expect(inPage).toMatchObject({ require: 'undefined', process: 'undefined', bridgeKeys: ['call', 'subscribe'], bridgeFrozen: true, opened: true, fetched: 'blocked' });
    expect(inPage.perm).not.toBe('granted');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    // The host refuses what the contract does not name, over the real IPC.
    const r = await page.evaluate(() => (window as unknown as { readerdeskBridge: { call(m: string, p: unknown[]): Promise<unknown> } }).readerdeskBridge.call('connect', [42]));
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-params' } });
  });

  it('connects to the embedded virtual reader', async () => {
    const port = page.locator('.ports li', { hasText: /virtual reader|virtueller Leser/ });
    await port.getByRole('button').click();
    await page.getByTestId('firmware').filter({ hasText: /VirtRead/ }).waitFor();
    await screenshot(page, 'electron-readers');
  });
});
