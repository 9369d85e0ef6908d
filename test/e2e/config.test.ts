import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectListedReader, navButton, screenshot } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

const CUSTOM_KEY = 'A1A2A3A4A5A6A7A8A9AA';

function readDoc(file: string): {
  version: number;
  configId: { customer: number; project: number; device: number; name: string };
  values: { id: string; hex: string }[]; history: { version: number; bec2File: string }[] } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

describe('web shell: configuration page', () => {
  const shell = webShellInChromium();
  const readers = virtualReaders();
  let page: Page;
  const dir = tempDir('rd-cfg-e2e-');
  const file = path.join(dir, 'site.balcfg');

  beforeAll(async () => {
    page = await shell.openPage({ viewport: { width: 1280, height: 900 } });
  });

  it('creates, edits with undo/redo, saves, searches, finalizes on the virtual reader and bumps the version', async () => {
    // Connect the embedded virtual reader.
    await connectListedReader(page, shell.ui.simAddress!);

    // New project settings in a temp folder.
    await navButton(page, 'Configuration').click();
    await page.getByText('No configuration is open').waitFor();
    await page.getByLabel('BALCFG file').fill(file);
    await page.getByRole('button', { name: 'New project settings…' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Front doors');
    await page.getByLabel('Customer number').fill('10234');
    await page.getByLabel('Project settings number').fill('5678');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Created' }).waitFor();
    expect(await page.getByTestId('config-id').textContent()).toBe('10234-5678-0000-01 Front doors');
    expect(readDoc(file).version).toBe(1);
    // The CSC is masked until revealed.
    expect(await page.getByText(readDoc(file).values.find((v) => v.id === '0202/82')!.hex).count()).toBe(0);

    // Add a typed value.
    await page.getByRole('button', { name: 'Add value' }).click();
    await page.getByLabel('Value id (KKKK/VV)').fill('0103/03');
    await page.getByLabel('Content').fill('25');
    await page.getByRole('button', { name: 'Apply' }).click();
    const row = page.locator('[data-value-id="0103/03"]');
    await row.waitFor();
    expect(await row.getByTestId('value-content').textContent()).toBe('25 ms');
    expect(await row.textContent()).toContain('InterbyteTimeout');
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Unsaved changes');

    // A value out of range is refused with a sentence.
    await page.getByRole('button', { name: /Edit InterbyteTimeout/ }).click();
    await page.getByLabel('Content').fill('70000');
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/70000 is outside 0\.\.65535/);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Undo with Ctrl+Z, redo with the button.
    await page.getByRole('heading', { name: 'Configuration', level: 2 }).click();
    await page.keyboard.press('Control+z');
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Saved');
    await page.getByRole('button', { name: 'Redo' }).click();
    await row.waitFor();
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Unsaved changes');

    // Save: the file on disk holds the value.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
    await expect.poll(() => readDoc(file).values.find((v) => v.id === '0103/03')?.hex).toBe('0019');
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Saved');

    // Rename the project in its identity: the ConfigId heading follows, undo and redo cover it.
    const identity = page.getByRole('group', { name: 'Project identity' });
    const heading = page.getByTestId('config-id');
    const applyIdentity = identity.getByRole('button', { name: 'Change identity' });
    expect(await identity.getByLabel('Name').inputValue()).toBe('Front doors');
    expect(await applyIdentity.isDisabled()).toBe(true);
    // Invalid input gets the model's sentence next to the field and changes nothing.
    await identity.getByLabel('Name').fill('');
    await applyIdentity.click();
    await identity.getByRole('alert').filter({ hasText: 'Name: is empty; give the configuration a name.' }).waitFor();
    expect(await identity.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await identity.getByLabel('Name').fill('Front doors');
    await identity.getByLabel('Customer number').fill('100000');
    await identity.getByLabel('Customer number').press('Enter');
    await identity.getByRole('alert').filter({ hasText: 'Customer number: 100000 is above 99999; the customer number runs from 0 to 99999.' }).waitFor();
    expect(await heading.textContent()).toBe('10234-5678-0000-01 Front doors');
    // Typed but not applied, the identity counts as an unsaved change.
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Unsaved changes');
    await identity.getByRole('button', { name: 'Reset fields' }).click();
    expect(await identity.getByLabel('Customer number').inputValue()).toBe('10234');
    expect(await identity.getByRole('alert').count()).toBe(0);
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Saved');

    await identity.getByLabel('Name').fill('Front doors east');
    await identity.getByLabel('Name').press('Enter');
    await expect.poll(() => heading.textContent()).toBe('10234-5678-0000-01 Front doors east');
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Unsaved changes');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => heading.textContent()).toBe('10234-5678-0000-01 Front doors');
    expect(await identity.getByLabel('Name').inputValue()).toBe('Front doors');
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Saved');
    await page.getByRole('heading', { name: 'Configuration', level: 2 }).click();
    await page.keyboard.press('Control+y');
    await expect.poll(() => heading.textContent()).toBe('10234-5678-0000-01 Front doors east');
    expect(await identity.getByLabel('Name').inputValue()).toBe('Front doors east');
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Unsaved changes');
    // The header-managed ProjectName value follows the new name.
    expect(await page.locator('[data-value-id="0620/06"]').getByTestId('value-content').textContent()).toContain('Front doors east');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => readDoc(file).configId.name).toBe('Front doors east');
    expect(readDoc(file).configId).toEqual({ customer: 10234, project: 5678, device: 0, name: 'Front doors east' });
    expect(readDoc(file).values.find((v) => v.id === '0620/06')?.hex).toBe(Buffer.from('Front doors east', 'ascii').toString('hex').toUpperCase());
    expect(readDoc(file).values.find((v) => v.id === '0103/03')?.hex).toBe('0019');
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Saved');

    // Search among values.
    const total = await page.getByTestId('value-count').textContent();
    await page.getByLabel('Search values').fill('interbyte');
    await expect.poll(() => page.getByTestId('value-count').textContent()).toMatch(/^1 of \d+ values$/);
    expect(await page.locator('[data-value-id="0620/06"]').count()).toBe(0);
    await row.waitFor();
    await page.getByLabel('Search values').fill('');
    await expect.poll(() => page.getByTestId('value-count').textContent()).toBe(total);
    await screenshot(page, 'config-editor');

    // Finalize on the virtual reader.
    await page.getByRole('tab', { name: 'Finalize' }).click();
    expect(await page.getByLabel('BEC2 output file').inputValue()).toBe(path.join(dir, 'site-v01.bec2'));
    await page.getByRole('button', { name: 'Finalize version 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 1 finalized into' }).waitFor();
    expect(fs.existsSync(path.join(dir, 'site-v01.bec2'))).toBe(true);
    expect(readDoc(file).history.map((h) => h.version)).toEqual([1]);

    await page.getByRole('tab', { name: /History/ }).click();
    const hist = page.getByTestId('history-row');
    await hist.first().waitFor();
    expect(await hist.count()).toBe(1);
    expect(await hist.first().textContent()).toContain('version 1');
    expect(await hist.first().textContent()).toContain('site-v01.bec2');
    await screenshot(page, 'config-history');

    // The finalized version is frozen; a new version opens it again.
    await page.getByRole('tab', { name: 'Values' }).click();
    expect(await page.getByRole('button', { name: 'Add value' }).isDisabled()).toBe(true);
    expect(await identity.getByLabel('Name').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'New version (2)' }).click();
    await expect.poll(() => page.getByTestId('doc-version').textContent()).toBe('2');
    expect(await page.getByTestId('config-id').textContent()).toBe('10234-5678-0000-02 Front doors east');
    expect(readDoc(file).version).toBe(2);
    expect(await page.getByRole('button', { name: 'Add value' }).isDisabled()).toBe(false);
    expect(await identity.getByLabel('Name').isDisabled()).toBe(false);
  });

  it('refuses to finalize version 2 on a reader with another customer key, with the reason', async () => {
    const other = await readers.start({ customerKey: CUSTOM_KEY });
    await navButton(page, 'Readers').click();
    await page.getByLabel('Port or address').fill(other.address);
    await page.locator('form', { has: page.getByLabel('Port or address') }).getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByTestId('reader-card').count()).toBe(2);

    // The document (version 2) is still open after visiting another page.
    await navButton(page, 'Configuration').click();
    await expect.poll(() => page.getByTestId('doc-version').textContent()).toBe('2');
    await page.getByRole('tab', { name: 'Finalize' }).click();
    // A fresh reader is listed with the security-risk note (no project settings yet).
    await page.getByLabel('Reader').selectOption({ label: `${other.address} — customer key not identified yet — ⚠ No project settings: security risk` });
    await page.getByRole('button', { name: 'Finalize version 2' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^This configuration is linked to the default customer key of reader ".+" \(key signature [0-9A-F]+\), but the reader at .+ holds a different custom customer key .*Connect a reader with the linked customer key/);
    expect(fs.existsSync(path.join(dir, 'site-v02.bec2'))).toBe(false);
    expect(readDoc(file).history.map((h) => h.version)).toEqual([1]);
  });

  it('compares with a finalized version and asks before unsaved edits are lost', async () => {
    await page.getByRole('tab', { name: 'Values' }).click();
    await page.getByRole('button', { name: /Edit InterbyteTimeout/ }).click();
    await page.getByLabel('Content').fill('40');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('tab', { name: /History/ }).click();
    await page.getByRole('button', { name: 'Compare with current' }).click();
    const diff = page.getByRole('table', { name: /From version 1 to the current version 2/ });
    await diff.waitFor();
    expect(await diff.textContent()).toContain('changed: 25 ms → 40 ms');
    expect(await diff.textContent()).toContain('changed: 1 → 2');

    // Against what the embedded reader holds (nothing of this file was deployed there).
    // A reader without project settings carries the security-risk warning in the list, too.
    await page.getByLabel('Compare the current values with').selectOption({ label: `${shell.ui.simAddress!} — ⚠ No project settings: security risk` });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const readerDiff = page.getByRole('table', { name: /From this file to what reader .* holds/ });
    await readerDiff.waitFor();
    const text = (await readerDiff.textContent())!;
    expect(text).toMatch(/0103\/03.*InterbyteTimeout.*removed \(was 40 ms\)/);
    expect(text).toContain('in the file only (secret: not on the reader)');
    expect(text).not.toContain(readDoc(file).values.find((v) => v.id === '0202/82')!.hex);

    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('alertdialog').getByText('site.balcfg has unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => page.getByTestId('doc-state').textContent()).toBe('Unsaved changes');
  });
});
