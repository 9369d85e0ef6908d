import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { navButton, screenshot } from '../helpers/browser.ts';
import { tempDir } from '../helpers/processes.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';

// The seed's example site key and its five unsorted 32-bit credentials (ENGAGE rev 1.33, sections 7-8).
const KEY_HEX = '1234567890ABCDEF'.repeat(4);
const HEADER = 'user_id,format,raw_hex,raw_bits';
const SEED_USERS = ['1,raw,8F166045,32', '2,raw,8F166040,32', '3,raw,7F166040,32', '4,raw,7F186040,32', '5,raw,7F126540,32'];

describe('web shell: door files in Chromium', () => {
  const shell = webShellInChromium(['--no-sim']);
  let dir: string;
  const at = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = tempDir('rd-e2e-doorfile-');
    // User 6 repeats user 3's credential (CSV line 7 repeats line 4).
    fs.writeFileSync(at('users.csv'), [HEADER, ...SEED_USERS, '6,raw,7F166040,32', ''].join('\n'));
    fs.writeFileSync(at('clean.csv'), [HEADER, ...SEED_USERS, ''].join('\n'));
    fs.writeFileSync(at('site.key'), `${KEY_HEX.slice(0, 32)}\n${KEY_HEX.slice(32)}\n`);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openPage(): Promise<Page> {
    const page = await shell.openPage({ viewport: { width: 1280, height: 900 } });
    await navButton(page, 'Door files').click();
    await page.getByRole('heading', { name: 'Door files', level: 2 }).waitFor();
    return page;
  }

  async function preview(page: Page, csv: string): Promise<void> {
    await page.getByLabel('Users CSV file').fill(csv);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('doorfile-preview').waitFor();
  }

  async function verify(page: Page, doorPath: string): Promise<void> {
    const form = page.getByRole('form', { name: 'Verify a door file' });
    await form.getByLabel('Door file to check (JSON)').fill(doorPath);
    await form.getByLabel('Read it from a file').check();
    await form.getByLabel('Site key file').fill(at('site.key'));
    await form.getByRole('button', { name: 'Verify' }).click();
    await form.getByTestId('doorfile-verify-result').waitFor();
  }

  it('shows the duplicate, refuses to build until its warning is accepted, writes lock order and verifies as degraded', async () => {
    const page = await openPage();
    await preview(page, at('users.csv'));
    expect(await page.getByTestId('doorfile-summary').textContent()).toMatch(/^6 user\(s\) in lock order .*, 0 error\(s\), 1 warning\(s\)\.$/);

    // Lock order: the seed's sorted order, the duplicate right after the record it repeats.
    const rows = page.getByRole('table', { name: 'Users in lock order' }).locator('tbody tr');
    expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual(['5', '3', '6', '4', '2', '1']);
    const dupRow = rows.nth(2);
    expect(await dupRow.getAttribute('class')).toContain('sev-warning');
    expect(await dupRow.locator('td').nth(1).textContent()).toBe('7');
    expect(await dupRow.textContent()).toMatch(/Line 7: the credentials repeat those of line 4/);
    expect(await rows.nth(0).getAttribute('class')).not.toContain('sev-');
    const problems = page.getByRole('table', { name: 'Problems' }).first();
    expect(await problems.locator('tbody tr').count()).toBe(1);

    const build = page.getByRole('form', { name: 'Build the door file' });
    const outField = build.getByLabel('Door file to write (JSON)');
    expect(await outField.inputValue()).toBe(at('users.door.json'));
    const keyField = build.getByLabel('Site key (64 hex digits)');
    expect(await keyField.getAttribute('type')).toBe('password');

    // Not accepted: refused, nothing written, and the typed key is gone from the form.
    await keyField.fill(KEY_HEX);
    await build.getByRole('button', { name: 'Build door file' }).click();
    const refused = build.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/Nothing was written: the CSV has 1 warning\(s\)/);
    expect(fs.existsSync(at('users.door.json'))).toBe(false);
    expect(await keyField.inputValue()).toBe('');

    // Accepted: written.
    await keyField.fill(KEY_HEX);
    await build.getByLabel('Accept the 1 warning(s) and write the file anyway').check();
    await build.getByLabel('Binary export (optional)').fill(at('users.door.bin'));
    await build.getByRole('button', { name: 'Build door file' }).click();
    const written = build.getByRole('status');
    await written.waitFor();
    expect(await written.textContent()).toMatch(/Wrote .*users\.door\.json: 6 user\(s\) in lock order with 1 accepted warning\(s\)/);
    expect(await keyField.inputValue()).toBe('');

    const text = fs.readFileSync(at('users.door.json'), 'utf8');
    expect(text).not.toContain(KEY_HEX);
    const json = JSON.parse(text) as { userCount: number; users: { usrID: number; primeCred: string; scndCr: string }[] };
    expect(json.userCount).toBe(6);
    expect(json.users.map((u) => u.usrID)).toEqual([5, 3, 6, 4, 2, 1]);
    // The seed's encrypted values (section 8.2) for its five users.
    expect(json.users[0]!.primeCred).toBe('34110EA549AA549AA73FF06DC93B63B4');
    expect(json.users[1]!.primeCred).toBe('CD388DD0ACA971749203D0159264C379');
    expect(json.users[2]!.primeCred).toBe(json.users[1]!.primeCred);
    expect(json.users[5]!.primeCred).toBe('33DECE6176AF0095F8A0EEE404D61F24');
    expect(json.users.every((u) => u.scndCr === 'null')).toBe(true);
    const bin = fs.statSync(at('users.door.bin'));
    expect(bin.size).toBe(6 * 32);
    expect(bin.mode & 0o077).toBe(0);

    // The verify form already names the door file just written.
    const verifyForm = page.getByRole('form', { name: 'Verify a door file' });
    expect(await verifyForm.getByLabel('Door file to check (JSON)').inputValue()).toBe(at('users.door.json'));
    await verify(page, at('users.door.json'));
    expect(await verifyForm.getByTestId('doorfile-mode').textContent()).toMatch(/^degraded/);
    expect(await verifyForm.getByTestId('doorfile-verify-result').textContent()).toMatch(
      /Identical credentials appear more than once \(record 2 \(user 3\), record 3 \(user 6\)\)/,
    );
    await screenshot(page, 'doorfile');
    await page.close();
  });

  it('builds a clean CSV without asking about warnings and verifies it as optimized', async () => {
    const page = await openPage();
    await preview(page, at('clean.csv'));
    expect(await page.getByTestId('doorfile-summary').textContent()).toMatch(/^5 user\(s\) .*, 0 error\(s\), 0 warning\(s\)\.$/);
    expect(await page.getByText('No problems found.').count()).toBe(1);
    const build = page.getByRole('form', { name: 'Build the door file' });
    expect(await build.getByRole('checkbox').count()).toBe(0);
    await build.getByLabel('Site key (64 hex digits)').fill(KEY_HEX);
    await build.getByRole('button', { name: 'Build door file' }).click();
    await build.getByRole('status').waitFor();
    expect(await build.getByRole('status').textContent()).toMatch(/5 user\(s\) in lock order\.$/);
    await verify(page, at('clean.door.json'));
    const result = page.getByTestId('doorfile-verify-result');
    expect(await result.getByTestId('doorfile-mode').textContent()).toMatch(/^optimized/);
    expect(await result.textContent()).toContain('No problems.');
    await page.close();
  });

  it('says why a site key is refused without echoing it, and that a wrong key cannot judge the file', async () => {
    const page = await openPage();
    const form = page.getByRole('form', { name: 'Verify a door file' });
    await form.getByLabel('Door file to check (JSON)').fill(at('clean.door.json'));
    await form.getByLabel('Site key (64 hex digits)').fill('12345');
    await form.getByRole('button', { name: 'Verify' }).click();
    expect(await form.getByRole('alert').textContent()).toBe('The site key must be exactly 64 hex digits (0-9, A-F); spaces are ignored.');

    const wrong = 'AB'.repeat(32);
    await form.getByLabel('Site key (64 hex digits)').fill(wrong);
    await form.getByRole('button', { name: 'Verify' }).click();
    await form.getByTestId('doorfile-verify-result').waitFor();
    expect(await form.getByTestId('doorfile-mode').textContent()).toMatch(/^cannot be judged/);
    expect(await form.textContent()).not.toContain(wrong);
    await page.close();
  });
});
