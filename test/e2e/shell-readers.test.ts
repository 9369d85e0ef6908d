// Readers that come and go, in Chromium through the web shell: the first start shows a reader
// without a click, the port list follows a reader plugged out and in, a dropped reader is retried
// in the background and revived by "Read again", readers have names (path in a tooltip), a
// sidebar on every page and a status bar with counts, and last run's readers come back.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { navButton, screenshot } from '../helpers/browser.ts';
import { tempDir, type SimProcess } from '../helpers/processes.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

describe('web shell: readers that come and go', () => {
  const shell = webShellInChromium();
  const readers = virtualReaders();
  let page: Page;
  let door: SimProcess | undefined;
  const doorState = tempDir('rd-door-sim-');
  beforeAll(async () => {
    page = await shell.browser.newPage({ viewport: { width: 1024, height: 700 } });
  });

  const sidebar = () => page.getByTestId('sidebar-reader');
  const cardOf = (address: string) => page.getByRole('article', { name: address });
  const portRow = (address: string) => page.getByTestId('port').filter({ hasText: address });

  it('shows the virtual reader with its firmware on the first screen, without a click', async () => {
    await page.goto(shell.ui.url);
    const card = cardOf(shell.ui.simAddress!);
    await expect.poll(() => card.getByTestId('firmware').textContent(), { timeout: 15_000 }).toMatch(/^1100 VirtRead/);
    expect(await card.getByTestId('serial-number').textContent()).toMatch(/^\d{8}$/);
    await expect.poll(() => sidebar().count()).toBe(1);
    // A factory-fresh reader has no project settings: the sidebar says it is a security risk, too.
    expect(await sidebar().first().textContent()).toMatch(/^SN \d{8}noneNo project settings: security risk$/);
    expect(await sidebar().first().getByTestId('sidebar-risk').getAttribute('title')).toBe(
      'No project settings: security risk. Anyone can reconfigure this reader. Deploy a configuration with project settings.',
    );
    await expect.poll(() => page.getByTestId('status-connected').textContent()).toBe('1 of 1 readers connected');
    // The port is marked as connected in the list.
    expect(await portRow(shell.ui.simAddress!).getByTestId('port-connected').textContent()).toMatch(/^connected · SN \d{8}$/);
  });

  it('connects a reader with its own baud rate, names it, and keeps the sidebar on every page with the path in a tooltip', async () => {
    door = await readers.startProcess([], doorState);
    await page.getByLabel('Baud rate', { exact: true }).selectOption('57600');
    await page.getByLabel('Port or address').fill(door.address);
    await page.locator('form').getByRole('button', { name: 'Connect' }).click();
    const card = cardOf(door.address);
    await expect.poll(() => card.getByTestId('baud-rate').textContent()).toBe('57600');
    await card.getByRole('button', { name: 'Rename' }).click();
    await card.getByLabel('Name', { exact: true }).fill('Main entrance');
    await card.getByLabel('Name', { exact: true }).press('Enter');
    await expect.poll(() => card.getByTestId('reader-name').textContent()).toBe('Main entrance');
    // The known pty is listed and marked while it is there.
    await expect.poll(() => portRow(door!.address).getByTestId('port-connected').textContent()).toBe('connected · Main entrance');

    await navButton(page, 'Frame log').click();
    const entry = sidebar().filter({ hasText: 'Main entrance' });
    await entry.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe(door.address);
    await expect.poll(() => page.getByTestId('status-connected').textContent()).toBe('2 of 2 readers connected');
    await screenshot(page, 'shell-sidebar-tooltip');
    await entry.click();
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
  });

  it('follows the reader plugged out and in: the port leaves and comes back, the card says disconnected until it answers again', async () => {
    await readers.unplug(door!);
    await expect.poll(() => portRow(door!.address).count(), { timeout: 10_000 }).toBe(0);
    const card = cardOf(door!.address);
    await expect.poll(() => card.getByTestId('reader-state').textContent(), { timeout: 30_000 }).toBe('disconnected');
    expect(await sidebar().filter({ hasText: 'Main entrance' }).textContent()).toContain('disconnected');
    await expect.poll(() => page.getByTestId('status-connected').textContent()).toBe('1 of 2 readers connected');
    await screenshot(page, 'shell-reader-disconnected');

    // "Read again" while it is away says so in a sentence; the reader is kept.
    await card.getByRole('button', { name: 'Read again' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(new RegExp(`The reader at ${door!.address.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} does not answer.*keeps trying in the background`));

    door = await readers.startProcess([], doorState);
    await expect.poll(() => portRow(door!.address).count(), { timeout: 10_000 }).toBe(1);
    // Back without a click: the background retry found it, name and baud rate intact.
    await expect.poll(() => card.getByTestId('reader-state').textContent(), { timeout: 20_000 }).toBe('connected');
    expect(await card.getByTestId('baud-rate').textContent()).toBe('57600');
    expect(await card.getByTestId('reader-name').textContent()).toBe('Main entrance');
  });

  it('brings back last run\'s readers after a restart, listed at once and connected in the background', async () => {
    await shell.restartUi();
    await page.goto(shell.ui.url);
    await expect.poll(() => sidebar().count(), { timeout: 15_000 }).toBe(2);
    const card = cardOf(door!.address);
    await expect.poll(() => card.getByTestId('reader-state').textContent(), { timeout: 20_000 }).toBe('connected');
    expect(await card.getByTestId('reader-name').textContent()).toBe('Main entrance');
    expect(await card.getByTestId('baud-rate').textContent()).toBe('57600');
    await expect.poll(() => page.getByTestId('status-connected').textContent(), { timeout: 20_000 }).toBe('2 of 2 readers connected');
  });
});
