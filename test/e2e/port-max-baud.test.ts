// The fastest rate of a serial port, set on the reader card in Chromium through the web shell: the
// next deploy from the app runs at that rate, and the setting is still there after the host
// restarts. The rate each frame travelled at is read from the virtual reader on its real pty.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { startUiProcess, type WebShellProcess } from '../helpers/webShell.ts';
import { runCli, tempDir } from '../helpers/processes.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator.ts';
import * as Sys from '../../shared/brp/commands/sys.ts';
import { MainBf3UploadContinue } from '../../shared/brp/commands/main.ts';

interface Seen {
  cmdCode: number;
  baud: number;
  payload: Uint8Array;
}

describe('web shell: the fastest rate of a serial port', () => {
  let ui: WebShellProcess;
  let browser: Browser;
  let page: Page;
  let reader: RunningSimulator;
  const seen: Seen[] = [];
  const files: string[] = [];
  const configDir = tempDir('rd-e2e-maxbaud-settings-');
  const sims: RunningSimulator[] = [];

  const commParams = () => seen.filter((s) => s.cmdCode === Sys.SysSetCommParam.code).map((s) => Sys.SysSetCommParam.decodeRequest(s.payload).baud);
  const uploadRates = () => [...new Set(seen.filter((s) => s.cmdCode === MainBf3UploadContinue.code).map((s) => s.baud))];
  const card = () => page.getByRole('article', { name: reader.address });
  const maxBaudSelect = () => card().getByLabel('Fastest rate for uploads and read-backs');

  async function cli(args: string[]) {
    const r = await runCli(args, { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
  }

  async function nav(name: string) {
    await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name, exact: true }).click();
  }

  async function openUi() {
    ui = await startUiProcess(['--no-sim'], { configDir });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(ui.url);
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
  }

  /** Deploys a file to the reader from the Deploy page and returns its result row. */
  async function deploy(file: string): Promise<Locator> {
    await nav('Deploy');
    await page.getByRole('heading', { name: 'Deploy', level: 2 }).waitFor();
    await page.getByLabel('BEC2 file (path)').fill(file);
    const box = page.getByRole('checkbox', { name: reader.address });
    if (!(await box.isChecked())) await box.check();
    seen.length = 0;
    await page.getByRole('button', { name: 'Deploy to 1 reader' }).click();
    const summary = page.getByRole('status').filter({ hasText: /accepted, .* rejected/ });
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toBe('1 accepted, 0 rejected, 0 not deployed, 0 unknown.');
    return page.getByTestId('deploy-result').filter({ hasText: reader.address });
  }

  beforeAll(async () => {
    const work = tempDir('rd-e2e-maxbaud-');
    const finalizer = await startSimulator({ stateDir: tempDir('rd-e2e-maxbaud-f-') });
    sims.push(finalizer);
    const balcfg = path.join(work, 'site.balcfg');
    await cli(['config', 'new', balcfg, '--name', 'Site', '--customer', '50001', '--project', '613', '--device', '0']);
    // Three versions, so each deploy brings the reader something new.
    for (let v = 1; v <= 3; v++) {
      if (v > 1) await cli(['config', 'bump', balcfg]);
      const out = path.join(work, `site-v${v}.bec2`);
      await cli(['finalize', balcfg, '--port', finalizer.address, '--out', out]);
      files.push(out);
    }
    reader = await startSimulator({ stateDir: tempDir('rd-e2e-maxbaud-r-'), baud: 115200, rebootMs: 200 });
    sims.push(reader);
    reader.reader.watchCommands((f) => seen.push({ cmdCode: f.cmdCode, baud: reader.reader.line.baud, payload: f.payload }));
    browser = await launchBrowser();
    await openUi();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    await Promise.all(sims.map((s) => s.stop()));
  });

  it('raises the port to 921600 for a deploy by default', async () => {
    const field = page.getByLabel('Port or address');
    await field.fill(reader.address);
    await page.locator('form', { has: field }).getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => card().getByTestId('firmware').textContent(), { timeout: 15_000 }).toMatch(/VirtRead/);
    expect(await maxBaudSelect().inputValue()).toBe('921600');

    const result = await deploy(files[0]!);
    expect(await result.getByTestId('line-speed').textContent()).toBe('Line speed: raised to 921600 baud');
    expect(commParams()).toEqual([921600]);
    expect(uploadRates()).toEqual([921600]);
  });

  it('runs the next deploy at 115200 once the port\'s maximum is 115200', async () => {
    await nav('Readers');
    await maxBaudSelect().selectOption('115200');
    await expect.poll(() => maxBaudSelect().inputValue()).toBe('115200');
    await maxBaudSelect().scrollIntoViewIfNeeded();
    await screenshot(page, 'reader-card-max-baud');

    const result = await deploy(files[1]!);
    expect(await result.textContent()).toContain('Accepted: the reader now runs 50001-0613-0000-02 Site.');
    expect(await result.getByTestId('line-speed').textContent()).toBe('Line speed: kept 115200 baud (the maximum for this port is 115200)');
    // Nothing asked the reader to change its rate, and every block travelled at 115200.
    expect(commParams()).toEqual([]);
    expect(uploadRates()).toEqual([115200]);
  });

  it('keeps the setting after the host restarts', async () => {
    await page.close();
    await ui.stop();
    await openUi();
    // The reader of the last run comes back by itself, with its port's maximum.
    await expect.poll(() => card().getByTestId('firmware').textContent(), { timeout: 30_000 }).toMatch(/VirtRead/);
    expect(await maxBaudSelect().inputValue()).toBe('115200');

    const result = await deploy(files[2]!);
    expect(await result.textContent()).toContain('Accepted: the reader now runs 50001-0613-0000-03 Site.');
    expect(commParams()).toEqual([]);
    expect(uploadRates()).toEqual([115200]);
  });
});
