import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { startUiProcess, type WebShellProcess } from '../helpers/webShell.ts';

describe('web shell: readers view in Chromium', () => {
  let ui: WebShellProcess;
  let browser: Browser;
  beforeAll(async () => {
    ui = await startUiProcess();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });

  it('refuses a request without the token', async () => {
    const page = await browser.newPage();
    const res = await page.goto(ui.url.replace(/\?token=.*/, ''));
    expect(res?.status()).toBe(403);
    expect(await page.textContent('body')).toMatch(/needs the address with its token/);
    await page.close();
  });

  it('lists the virtual reader, connects to it and shows its firmware and the security-risk badge', async () => {
    const page = await browser.newPage();
    await page.goto(ui.url);
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    const port = page.locator('.ports li', { hasText: ui.simAddress! });
    await expect(port.getByText('virtual reader')).toBeTruthy();
    await port.getByRole('button', { name: 'Connect' }).click();
    const card = page.getByTestId('reader-card');
    await card.waitFor();
    await expect.poll(() => card.getByTestId('firmware').textContent()).toMatch(/^1100 VirtRead/);
    expect(await card.getByTestId('csc').textContent()).toBe('not set');
    expect(await card.getByRole('status').textContent()).toMatch(/No project settings: security risk/);
    await screenshot(page, 'readers');
    // Connecting read the reader only: the customer key is identified on request.
    const key = card.getByTestId('customer-key');
    expect(await key.textContent()).toMatch(/not identified yet/);
    await key.getByRole('button', { name: 'Identify customer key' }).click();
    await expect.poll(() => key.textContent()).toBe('default customer key');
    await page.close();
  });
});
