// One flow from edit to deploy, files and the keyboard, in Chromium through the web shell: the file
// browser, a file dropped onto the window, typed identity as unsaved work (Ctrl+S, leave prompt),
// Finalize → "Deploy this file", the older-version warning, grouped alarms, Esc and focus.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { navButton, screenshot, virtualReaderShown } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { newBalcfg, tamperWith, tempDir } from '../helpers/processes.ts';

function readDoc(file: string): { version: number; configId: { name: string } } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

describe('web shell: files, edit to deploy, keyboard', () => {
  const shell = webShellInChromium();
  let page: Page;
  const dir = tempDir('rd-flow-');
  const file = path.join(dir, 'site.balcfg');
  const nav = (name: string) => navButton(page, name).click();
  const docState = () => page.getByTestId('doc-state').textContent();

  beforeAll(async () => {
    await newBalcfg(file, { name: 'Site', customer: 12345, project: 7 });
    fs.mkdirSync(path.join(dir, 'archive'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a configuration');
    page = await shell.openPage({ viewport: { width: 1024, height: 700 } });
    // The virtual reader is connected on the first start.
    await virtualReaderShown(page);
  });

  it('opens a BALCFG through the file browser: typed folder, breadcrumbs, type filter; Esc closes it and focus goes back', async () => {
    await nav('Configuration');
    const choose = page.locator('.cfg-filebar').getByRole('button', { name: 'Choose…' });
    await choose.click();
    const browserDialog = page.getByTestId('file-browser');
    await browserDialog.waitFor();
    // Focus is in the dialog's name field; Esc closes it and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await browserDialog.waitFor({ state: 'detached' });
    expect(await choose.evaluate((b) => b === document.activeElement)).toBe(true);

    await choose.click();
    const name = browserDialog.getByLabel('File', { exact: true });
    await expect.poll(() => name.evaluate((e) => e === document.activeElement)).toBe(true);
    // A typed folder opens that folder (the host's rule for typed paths).
    await name.fill(dir);
    await name.press('Enter');
    const entries = browserDialog.getByTestId('file-list').getByRole('button');
    await expect.poll(() => entries.allTextContents()).toEqual(['archive', expect.stringMatching(/^site\.balcfg/)]);
    await browserDialog.getByLabel('Type').selectOption('all');
    await expect.poll(() => entries.allTextContents()).toEqual(['archive', expect.stringMatching(/^notes\.txt/), expect.stringMatching(/^site\.balcfg/)]);
    await browserDialog.getByLabel('Type').selectOption('kind');
    // Into a folder and back up by its breadcrumb.
    await entries.filter({ hasText: 'archive' }).click();
    await expect.poll(() => browserDialog.getByRole('navigation', { name: 'Folder' }).getByRole('button').last().textContent()).toBe('archive');
    await browserDialog.getByRole('navigation', { name: 'Folder' }).getByRole('button', { name: path.basename(dir), exact: true }).click();
    await entries.filter({ hasText: 'site.balcfg' }).click();
    expect(await name.inputValue()).toBe('site.balcfg');
    await screenshot(page, 'file-browser');
    await browserDialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('config-id').textContent()).toBe('12345-0007-0000-01 Site');
    expect(await page.locator('.cfg-filebar').getByLabel('BALCFG file').inputValue()).toBe(file);
  });

  it('counts a typed but not applied identity as unsaved: badge, leave prompt, Ctrl+S applies and saves it', async () => {
    const identity = page.getByRole('group', { name: 'Project identity' });
    await identity.getByLabel('Name').fill('Site North');
    await expect.poll(docState).toBe('Unsaved changes');

    // Leaving the page asks first; "Stay" keeps the page and what was typed.
    await nav('Deploy');
    const ask = page.getByTestId('confirm-dialog');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Leave with unsaved changes?');
    await ask.getByRole('button', { name: 'Stay' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Configuration', level: 2 }).waitFor();
    expect(await identity.getByLabel('Name').inputValue()).toBe('Site North');

    await identity.getByLabel('Name').press('Control+s');
    await expect.poll(() => readDoc(file).configId.name).toBe('Site North');
    await expect.poll(docState).toBe('Saved');
    expect(await page.getByTestId('config-id').textContent()).toBe('12345-0007-0000-01 Site North');
  });

  it('moves between the editor tabs with the arrow keys (ARIA tabs)', async () => {
    const values = page.getByRole('tab', { name: 'Values' });
    await values.focus();
    await page.keyboard.press('ArrowRight');
    const finalizeTab = page.getByRole('tab', { name: 'Finalize' });
    await expect.poll(() => finalizeTab.getAttribute('aria-selected')).toBe('true');
    expect(await finalizeTab.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByRole('tabpanel').getByRole('button', { name: 'Finalize version 1' }).waitFor();
  });

  it('moves focus into an opened value editor, and back to its button when Esc closes it', async () => {
    await page.getByRole('tab', { name: 'Values' }).click();
    const add = page.getByRole('button', { name: 'Add value', exact: true });
    await add.click();
    const idField = page.getByLabel('Value id (KKKK/VV)');
    await expect.poll(() => idField.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await idField.waitFor({ state: 'detached' });
    await expect.poll(() => add.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByRole('tab', { name: 'Finalize' }).click();
  });

  it('finalizes, and "Deploy this file" opens Deploy with the file and the readers that run an older version selected', async () => {
    await page.getByRole('button', { name: 'Finalize version 1' }).click();
    await page.getByRole('status').filter({ hasText: /Version 1 finalized into/ }).waitFor({ timeout: 30_000 });
    const v1 = path.join(dir, 'site-v01.bec2');
    await page.getByRole('button', { name: 'Deploy this file' }).click();
    await page.getByRole('heading', { name: 'Deploy', level: 2 }).waitFor();
    await expect.poll(() => page.getByLabel('BEC2 file (path)').inputValue()).toBe(v1);
    const sim = page.getByRole('checkbox', { name: shell.ui.simAddress! });
    // The virtual reader runs no configuration yet: nothing older to replace, so it is not picked.
    expect(await sim.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Select all' }).click();
    expect(await sim.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Select none' }).click();
    expect(await sim.isChecked()).toBe(false);
    await sim.check();
    await page.getByRole('button', { name: 'Deploy to 1 reader' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /accepted, .* rejected/ }).textContent(), { timeout: 60_000 }).toMatch(/^1 accepted, 0 rejected, 0 not deployed/);

    // Version 2: finalized, then "Deploy this file" picks the reader, which now runs version 1.
    await nav('Configuration');
    await page.getByRole('button', { name: 'New version (2)' }).click();
    await page.getByRole('tab', { name: 'Finalize' }).click();
    await page.getByRole('button', { name: 'Finalize version 2' }).click();
    await page.getByRole('status').filter({ hasText: /Version 2 finalized into/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Deploy this file' }).click();
    await page.getByRole('heading', { name: 'Deploy', level: 2 }).waitFor();
    await expect.poll(() => page.getByLabel('BEC2 file (path)').inputValue()).toBe(path.join(dir, 'site-v02.bec2'));
    await expect.poll(() => sim.isChecked()).toBe(true);
    // The open configuration's finalized files, newest first.
    const finalized = page.getByTestId('finalized-files').getByRole('button');
    await expect.poll(() => finalized.allTextContents()).toEqual(['Version 2 (12345-0007-0000-02 Site North) · newest', 'Version 1 (12345-0007-0000-01 Site North)']);
    await page.getByRole('button', { name: 'Deploy to 1 reader' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /accepted, .* rejected/ }).textContent(), { timeout: 60_000 }).toMatch(/^1 accepted, 0 rejected, 0 not deployed/);
    // The deploy stands in the event log next to the finalizations.
    await nav('Events');
    const log = page.getByTestId('event-log');
    await expect.poll(() => log.locator('tr[data-kind="deploy"]').count()).toBe(2);
    await expect.poll(() => log.locator('tr[data-kind="finalize"]').count()).toBe(2);
  });

  it('warns before sending a version older than a selected reader runs, and sends nothing when told no', async () => {
    await nav('Deploy');
    await page.getByTestId('finalized-files').getByRole('button', { name: /^Version 1/ }).click();
    const warning = page.getByTestId('older-warning');
    await expect.poll(() => warning.textContent(), { timeout: 10_000 }).toContain('older than what these readers run');
    await screenshot(page, 'deploy-older-warning');
    await page.getByRole('button', { name: 'Deploy to 1 reader' }).click();
    const ask = page.getByTestId('confirm-dialog');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Send an older version?');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    // Nothing was sent: the results are still those of the last deploy, and focus is not lost.
    expect(await page.getByRole('status').filter({ hasText: /^1 accepted, 0 rejected, 0 not deployed/ }).count()).toBe(1);
    // The dialog hands focus back once it has gone: wait for that, as a keyboard user would.
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });

  it('opens a BALCFG dropped onto the window', async () => {
    const text = fs.readFileSync(file, 'utf8');
    await page.evaluate(async (content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.balcfg', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    }, text);
    await page.getByRole('heading', { name: 'Configuration', level: 2 }).waitFor();
    await expect.poll(() => page.getByTestId('drop-message').textContent()).toMatch(/Opened a copy of dropped\.balcfg/);
    await expect.poll(() => page.getByTestId('config-id').textContent()).toBe('12345-0007-0000-02 Site North');
    await expect.poll(() => page.locator('.cfg-filebar').getByLabel('BALCFG file').inputValue()).toMatch(/dropped\.balcfg$/);
  });

  it('groups repeated alarms of a reader with "acknowledge all", and marks the card, the sidebar and the status bar', async () => {
    for (const clear of [false, true, false]) {
      await tamperWith(shell.ui.simState, clear);
      if (!clear) await expect.poll(() => page.getByTestId('status-alarms').textContent(), { timeout: 15_000 }).not.toBe('0 open alarms');
    }
    await expect.poll(() => page.getByTestId('status-alarms').textContent(), { timeout: 15_000 }).toBe('2 open alarms');
    const alarms = page.getByTestId('tamper-alarm');
    expect(await alarms.count()).toBe(1);
    expect(await alarms.textContent()).toMatch(/was opened 2 times/);
    expect(await page.getByTestId('sidebar-alarm').count()).toBe(1);
    await nav('Readers');
    expect(await page.getByRole('article', { name: shell.ui.simAddress! }).getByTestId('card-alarm').textContent()).toBe('2 open tamper alarms');
    await screenshot(page, 'alarms-grouped');
    await alarms.getByRole('button', { name: /^Acknowledge all 2 tamper alarms of / }).click();
    await alarms.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('status-alarms').textContent()).toBe('0 open alarms');
    expect(await page.getByTestId('sidebar-alarm').count()).toBe(0);
  });
});
