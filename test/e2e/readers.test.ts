import { describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser.ts';
import { startSimProcess, type SimProcess } from '../helpers/processes.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';

describe('web shell: readers view in Chromium', () => {
  const shell = webShellInChromium();

  it('refuses a request without the token', async () => {
    const page = await shell.browser.newPage();
    const res = await page.goto(shell.ui.url.replace(/\?token=.*/, ''));
    expect(res?.status()).toBe(403);
    expect(await page.textContent('body')).toMatch(/needs the address with its token/);
    await page.close();
  });

  it('lists the virtual reader, connects to it and shows its firmware and the security-risk badge', async () => {
    const page = await shell.openPage();
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    const port = page.locator('.ports li', { hasText: shell.ui.simAddress! });
    await expect(port.getByText('virtual reader')).toBeTruthy();
    await port.getByRole('button', { name: 'Connect' }).click();
    const card = page.getByTestId('reader-card');
    await card.waitFor();
    await expect.poll(() => card.getByTestId('firmware').textContent()).toMatch(/^1100 VirtRead/);
    expect(await card.getByTestId('csc').textContent()).toBe('not set');
    expect(await card.getByTestId('features').textContent()).toBe('Tamper, Bec2Upload');
    expect(await card.getByTestId('firmware-limits').count()).toBe(0);
    expect(await card.getByRole('status').textContent()).toMatch(/No project settings: security risk/);
    await screenshot(page, 'readers');
    // Connecting read the reader only: the customer key is identified on request.
    const key = card.getByTestId('customer-key');
    expect(await key.textContent()).toMatch(/not identified yet/);
    await key.getByRole('button', { name: 'Identify customer key' }).click();
    await expect.poll(() => key.textContent()).toBe('default customer key');
    await page.close();
  });

  it('shows which checksum the link uses and changes it for the port', async () => {
    const page = await shell.openPage();
    const connect = page.locator('.ports li', { hasText: shell.ui.simAddress! }).getByRole('button', { name: 'Connect' });
    await connect.click();
    const card = page.getByTestId('reader-card');
    await card.waitFor();
    await expect.poll(() => connect.isEnabled()).toBe(true);
    const link = card.getByTestId('link-checksum');
    // The embedded reader sits on a pty: a port of unknown kind keeps CRC16; on its TCP fallback there is none.
    const automatic = shell.ui.simAddress!.startsWith('tcp://') ? /^none \(automatic: TCP checks the data itself\)$/ : /^CRC16 \(automatic: port of unknown kind/;
    await expect.poll(() => link.textContent()).toMatch(automatic);
    await card.getByLabel('Checksum for this port').selectOption('none');
    await expect.poll(() => link.textContent()).toBe('none (set for this port)');
    await expect.poll(() => card.getByTestId('firmware').textContent()).toMatch(/^1100 VirtRead/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'readers-link-checksum');
    await card.getByLabel('Checksum for this port').selectOption('auto');
    await expect.poll(() => link.textContent()).toMatch(automatic);
    await page.close();
  });

  it('says in words what an older reader\'s firmware cannot tell', async () => {
    let legacy: SimProcess | undefined;
    const page = await shell.browser.newPage();
    try {
      legacy = await startSimProcess(['--profile', 'legacy']);
      await page.goto(shell.ui.url);
      await page.getByLabel('Port or address').fill(legacy.address);
      await page.locator('form').getByRole('button', { name: 'Connect' }).click();
      const card = page.getByRole('article', { name: legacy.address });
      await expect.poll(() => card.getByTestId('firmware').textContent()).toMatch(/ 1\.14\.00 /);
      expect(await card.getByTestId('csc').textContent()).toBe('unknown');
      expect(await card.getByTestId('features').textContent()).toBe('unknown');
      const limits = card.getByRole('list', { name: 'What this firmware cannot tell' });
      // The tamper line comes with the first poll of AR.GetMessage, about a second after connecting.
      await expect.poll(() => limits.locator('li').allTextContents(), { timeout: 15_000 }).toEqual([
        'This firmware cannot list configuration values, so it cannot tell whether a Config Security Code is set.',
        'This firmware cannot report its features (it lacks Sys.GetFeatures).',
        'This reader cannot report tamper alarms over BRP: its firmware lacks AR.GetMessage.',
      ]);
      await screenshot(page, 'readers-legacy');
    } finally {
      await page.close();
      await legacy?.stop();
    }
  });
});
