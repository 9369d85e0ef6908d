import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { connectByAddress, navButton, screenshot } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { finalizedSite, runCliOk, tempDir } from '../helpers/processes.ts';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';

// The deploy page, factory reset and read back, driven in Chromium against the real `readerdesk ui`
// process and virtual readers on real ptys.

const KEY_B = 'B1B2B3B4B5B6B7B8B9BA';
const CONFIG_ID = '50001-0501-0000-01';

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

describe('web shell: deploy, factory reset and read back', () => {
  const shell = webShellInChromium(['--no-sim']);
  const readers = virtualReaders();
  let page: Page;
  let work: string;
  let bec2: string;
  let connected: RunningSimulator; // connected on the Readers page before the deploy (its port is borrowed)
  let extra: RunningSimulator; // added on the deploy page by path
  let keyB: RunningSimulator; // custom customer key: rejects a file finalized on a default-key reader

  const cli = (args: string[]) => runCliOk(args, { timeoutMs: 60_000 });

  async function readerInfo(sim: RunningSimulator) {
    return JSON.parse(await cli(['info', '--port', sim.address, '--json'])) as { configId: string | null; securityCode: string };
  }

  const nav = (name: string) => navButton(page, name).click();

  async function connectOnReadersPage(sim: RunningSimulator): Promise<Locator> {
    await nav('Readers');
    return connectByAddress(page, sim.address);
  }

  beforeAll(async () => {
    work = tempDir('rd-e2e-deploy-');
    const start = (customerKey?: string) => readers.start({ customerKey, rebootMs: 200 });
    const finalizer = await start();
    bec2 = (await finalizedSite(work, finalizer.address, { project: 501 })).bec2[0]!;
    [connected, extra, keyB] = await Promise.all([start(), start(), start(KEY_B)]);
    page = await shell.openPage({ viewport: { width: 1200, height: 900 } });
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
  }, 120_000);

  it('deploys one BEC2 to three readers: two accept, the other customer key rejects, and the report is saved as CSV and JSON', async () => {
    const card = await connectOnReadersPage(connected);
    expect(await card.getByTestId('config-id').textContent()).toBe('none');

    await nav('Deploy');
    await page.getByRole('heading', { name: 'Deploy', level: 2 }).waitFor();
    const deployButton = page.getByRole('button', { name: /^Deploy to \d+ readers?$/ });
    expect(await deployButton.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: connected.address }).check();
    // A path that does not exist gets a sentence, and nothing is deployed.
    const missing = path.join(work, 'nope.bec2');
    await page.getByLabel('BEC2 file (path)').fill(missing);
    await page.getByRole('button', { name: 'Deploy to 1 reader' }).click();
    await page.getByRole('alert').filter({ hasText: `Cannot read ${missing}: the file or its folder does not exist.` }).waitFor();
    await page.getByLabel('BEC2 file (path)').fill(bec2);
    for (const sim of [extra, keyB]) {
      await page.getByLabel('Add a port by path').fill(sim.address);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('checkbox', { name: sim.address }).waitFor();
      expect(await page.getByRole('checkbox', { name: sim.address }).isChecked()).toBe(true);
    }
    await page.getByRole('button', { name: 'Deploy to 3 readers' }).click();

    const summary = page.getByRole('status').filter({ hasText: /accepted, .* rejected/ });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toBe('2 accepted, 1 rejected, 0 not deployed, 0 unknown.');

    const resultOf = (sim: RunningSimulator) => page.getByTestId('deploy-result').filter({ hasText: sim.address });
    for (const sim of [connected, extra]) {
      expect(await resultOf(sim).textContent()).toContain(`Accepted: the reader now runs ${CONFIG_ID} Site.`);
      // Its bar reached the end of the file.
      const bar = page.getByRole('progressbar', { name: `Progress of ${sim.address}` });
      const { value, max } = await bar.evaluate((e) => ({ value: (e as HTMLProgressElement).value, max: (e as HTMLProgressElement).max }));
      expect(max).toBeGreaterThan(100);
      expect(value).toBe(max);
    }
    const rejected = await resultOf(keyB).textContent();
    expect(rejected).toContain('Rejected: the file was finalized with a customer key this reader does not accept');
    // Its bar counts the bytes it was sent before it refused, and says "Rejected", never "finished".
    const keyBBar = page.getByRole('progressbar', { name: `Progress of ${keyB.address}` });
    const keyBProgress = await keyBBar.evaluate((e) => ({ value: (e as HTMLProgressElement).value, max: (e as HTMLProgressElement).max }));
    expect(keyBProgress.value).toBeLessThan(keyBProgress.max);
    const keyBLabel = await page.locator('.deploy-bar', { has: keyBBar }).textContent();
    expect(keyBLabel).toContain('Rejected');
    expect(keyBLabel).not.toMatch(/finished/i);
    await screenshot(page, 'deploy-results');

    // Leaving the page (which unmounts it) and coming back keeps the bars and the results.
    await nav('Readers');
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    expect(await page.getByTestId('deploy-result').count()).toBe(0);
    await nav('Deploy');
    await page.getByRole('heading', { name: 'Deploy', level: 2 }).waitFor();
    expect(await summary.textContent()).toBe('2 accepted, 1 rejected, 0 not deployed, 0 unknown.');
    expect(await page.getByTestId('deploy-result').count()).toBe(3);
    expect(await resultOf(connected).textContent()).toContain(`Accepted: the reader now runs ${CONFIG_ID} Site.`);
    expect(await resultOf(keyB).textContent()).toContain('Rejected: the file was finalized with a customer key this reader does not accept');
    for (const sim of [connected, extra]) {
      const bar = page.getByRole('progressbar', { name: `Progress of ${sim.address}` });
      const { value, max } = await bar.evaluate((e) => ({ value: (e as HTMLProgressElement).value, max: (e as HTMLProgressElement).max }));
      expect(max).toBeGreaterThan(100);
      expect(value).toBe(max);
      expect(await page.locator('.deploy-bar', { has: bar }).textContent()).toContain('Accepted');
    }
    expect(await page.getByLabel('BEC2 file (path)').inputValue()).toBe(bec2);
    expect(await page.getByRole('checkbox', { name: keyB.address }).isChecked()).toBe(true);

    // The readers themselves agree.
    expect((await readerInfo(extra)).configId).toBe(CONFIG_ID);
    expect((await readerInfo(keyB)).configId).toBeNull();

    // Save the report as CSV, then as JSON.
    const csvPath = path.join(work, 'report.csv');
    await page.getByLabel('Report file (path)').fill(csvPath);
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByRole('status').filter({ hasText: `Report saved to ${csvPath}.` }).waitFor();
    const csv = parseCsv(fs.readFileSync(csvPath, 'utf8'));
    // An audit record: when, which file (by its SHA-256), and per reader what it ran before and after.
    const columns = ['startedAt', 'finishedAt', 'file', 'sha256', 'port', 'serialNumber', 'firmware', 'configIdBefore', 'configIdAfter', 'result', 'reason', 'message', 'bytesSent', 'bytes', 'durationMs', 'lineSpeed'];
    expect(csv[0]).toEqual(columns);
    expect(csv).toHaveLength(4);
    const col = (row: string[], name: string) => row[columns.indexOf(name)]!;
    const sha = createHash('sha256').update(fs.readFileSync(bec2)).digest('hex');
    for (const row of csv.slice(1)) {
      expect(col(row, 'file')).toBe(bec2);
      expect(col(row, 'sha256')).toBe(sha);
      expect(col(row, 'serialNumber')).toMatch(/^\d{8}$/);
      expect(col(row, 'firmware')).toMatch(/^1100 VirtRead/);
      expect(Date.parse(col(row, 'finishedAt'))).toBeGreaterThanOrEqual(Date.parse(col(row, 'startedAt')));
    }
    expect(csv.filter((r) => col(r, 'result') === 'accepted' && col(r, 'reason') === 'ok')).toHaveLength(2);
    const good = csv.find((r) => col(r, 'port') === extra.address)!;
    expect([col(good, 'configIdBefore'), col(good, 'configIdAfter')]).toEqual(['', `${CONFIG_ID} Site`]);
    expect(col(good, 'bytesSent')).toBe(col(good, 'bytes'));
    const bad = csv.find((r) => col(r, 'port') === keyB.address)!;
    expect([col(bad, 'result'), col(bad, 'reason')]).toEqual(['rejected', 'customer-key-mismatch']);
    expect(col(bad, 'message')).toMatch(/^Rejected: the file was finalized with a customer key this reader does not accept; .*'s customer key\.$/);
    expect(Number(col(bad, 'bytesSent'))).toBeLessThan(Number(col(bad, 'bytes')));

    await page.getByRole('radio', { name: 'JSON' }).check();
    const jsonPath = path.join(work, 'report.json');
    expect(await page.getByLabel('Report file (path)').inputValue()).toBe(jsonPath);
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByRole('status').filter({ hasText: `Report saved to ${jsonPath}.` }).waitFor();
    const report = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { file: string; sha256: string; startedAt: string; finishedAt: string; readers: { port: string; result: string; reason: string }[] };
    expect(report).toMatchObject({ file: bec2, sha256: sha, startedAt: expect.any(String), finishedAt: expect.any(String) });
    const json = report.readers;
    expect(json).toHaveLength(3);
    expect(json.map((r) => [r.port, r.result])).toEqual([
      [connected.address, 'accepted'],
      [extra.address, 'accepted'],
      [keyB.address, 'rejected'],
    ]);

    // The card of the borrowed reader came back and shows the new configuration.
    await nav('Readers');
    await expect.poll(() => card.getByTestId('config-id').textContent(), { timeout: 30_000 }).toBe(`${CONFIG_ID} Site`);
  }, 120_000);

  it('factory-resets a reader only after its address is typed, and the card shows no configuration afterwards', async () => {
    await nav('Readers');
    const card = page.getByRole('article', { name: connected.address });
    await expect.poll(() => card.getByTestId('csc').textContent(), { timeout: 30_000 }).toBe('set');
    // The sidebar marks every connected reader without project settings; this one has them until the reset.
    const risks = await page.getByTestId('sidebar-risk').count();
    await card.getByRole('button', { name: 'Factory reset…' }).click();
    const dialog = page.getByRole('dialog', { name: `Factory reset of ${connected.address}` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('The customer key stays');
    const confirm = dialog.getByRole('button', { name: 'Reset reader' });
    const field = dialog.getByLabel(`To confirm, type the address of this reader: ${connected.address}`);
    expect(await confirm.isDisabled()).toBe(true);
    await field.fill('RESET');
    expect(await confirm.isDisabled()).toBe(true);
    await field.fill(connected.address);
    expect(await confirm.isEnabled()).toBe(true);
    await screenshot(page, 'factory-reset');
    await confirm.click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await card.getByRole('status').filter({ hasText: 'Factory reset done' }).waitFor();
    await expect.poll(() => card.getByTestId('config-id').textContent(), { timeout: 30_000 }).toBe('none');
    await expect.poll(() => card.getByTestId('csc').textContent()).toBe('not set');
    await expect.poll(() => page.getByTestId('sidebar-risk').count()).toBe(risks + 1);
  }, 120_000);

  it('reads back the values of a deployed reader with catalogue names, secrets only as present', async () => {
    const card = await connectOnReadersPage(extra);
    await card.getByRole('button', { name: 'Read back' }).click();
    const dialog = page.getByRole('dialog', { name: `Read back of ${extra.address}` });
    await dialog.waitFor();
    const table = dialog.getByRole('table');
    await table.waitFor();
    expect(await dialog.getByTestId('readback-config').textContent()).toBe(`${CONFIG_ID} Site`);
    const row = (id: string) => table.getByRole('row').filter({ hasText: id });
    expect(await row('0620/06').textContent()).toMatch(/ProjectName.*"Site"/);
    expect(await row('0620/07').textContent()).toMatch(/ProjectSettingsVersion\s*1/);
    expect(await row('0202/82').textContent()).toMatch(/ConfigSecurityCode\s*present, never readable/);
    await screenshot(page, 'readback');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 60_000);
});
