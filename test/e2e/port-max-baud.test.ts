// The fastest rate of a serial port, set on the reader card in Chromium through the web shell: the
// next deploy from the app runs at that rate, and the setting is still there after the host
// restarts. The rate each frame travelled at is read from the virtual reader on its real pty.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { connectByAddress, navButton, screenshot } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { commParams, uploadRates, watchLineRates, type SeenCommand } from '../helpers/lineRates.ts';
import { finalizedSite, tempDir } from '../helpers/processes.ts';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';

describe('web shell: the fastest rate of a serial port', () => {
  const shell = webShellInChromium(['--no-sim']);
  const readers = virtualReaders();
  let page: Page;
  let reader: RunningSimulator;
  let seen: SeenCommand[] = [];
  let files: string[] = [];

  const card = () => page.getByRole('article', { name: reader.address });
  const maxBaudSelect = () => card().getByLabel('Fastest rate for uploads and read-backs');

  async function openPage() {
    page = await shell.openPage({ viewport: { width: 1200, height: 900 } });
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
  }

  /** Deploys a file to the reader from the Deploy page and returns its result row. */
  async function deploy(file: string): Promise<Locator> {
    await navButton(page, 'Deploy').click();
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
    const finalizer = await readers.start();
    // Three versions, so each deploy brings the reader something new.
    files = (await finalizedSite(tempDir('rd-e2e-maxbaud-'), finalizer.address, { project: 613, versions: 3 })).bec2;
    reader = await readers.start({ baud: 115200, rebootMs: 200 });
    seen = watchLineRates(reader);
    await openPage();
  }, 120_000);

  it('raises the port to 921600 for a deploy by default', async () => {
    await connectByAddress(page, reader.address);
    expect(await maxBaudSelect().inputValue()).toBe('921600');

    const result = await deploy(files[0]!);
    expect(await result.getByTestId('line-speed').textContent()).toBe('Line speed: raised to 921600 baud');
    expect(commParams(seen)).toEqual([921600]);
    expect(uploadRates(seen)).toEqual([921600]);
  });

  it('runs the next deploy at 115200 once the port\'s maximum is 115200', async () => {
    await navButton(page, 'Readers').click();
    await maxBaudSelect().selectOption('115200');
    await expect.poll(() => maxBaudSelect().inputValue()).toBe('115200');
    await maxBaudSelect().scrollIntoViewIfNeeded();
    await screenshot(page, 'reader-card-max-baud');

    const result = await deploy(files[1]!);
    expect(await result.textContent()).toContain('Accepted: the reader now runs 50001-0613-0000-02 Site.');
    expect(await result.getByTestId('line-speed').textContent()).toBe('Line speed: kept 115200 baud (the maximum for this port is 115200)');
    // Nothing asked the reader to change its rate, and every block travelled at 115200.
    expect(commParams(seen)).toEqual([]);
    expect(uploadRates(seen)).toEqual([115200]);
  });

  it('keeps the setting after the host restarts', async () => {
    await page.close();
    await shell.restartUi();
    await openPage();
    // The reader of the last run comes back by itself, with its port's maximum.
    await expect.poll(() => card().getByTestId('firmware').textContent(), { timeout: 30_000 }).toMatch(/VirtRead/);
    expect(await maxBaudSelect().inputValue()).toBe('115200');

    const result = await deploy(files[2]!);
    expect(await result.textContent()).toContain('Accepted: the reader now runs 50001-0613-0000-03 Site.');
    expect(commParams(seen)).toEqual([]);
    expect(uploadRates(seen)).toEqual([115200]);
  });
});
