import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { connectListedReader, navButton, screenshot } from '../helpers/browser.ts';
import { runCli } from '../helpers/processes.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';

const MASTER_PIN = '00112233445566778899aabbccddeeff';
const USER_PIN = 'a1a2a3a4a5a6a7a8b1b2b3b4b5b6b7b8';
const WRONG_PIN = 'ffeeddccbbaa99887766554433221100';

describe('web shell: wireless-memory tags in Chromium', () => {
  const shell = webShellInChromium();
  let page: Page;

  beforeAll(async () => {
    page = await shell.openPage({ viewport: { width: 1280, height: 900 } });
    await connectListedReader(page, shell.ui.simAddress!);
    await navButton(page, 'Tags').click();
    await page.getByRole('heading', { name: 'Tags', level: 2 }).waitFor();
  });

  it('lists the reader with the warning that it has no project settings', async () => {
    const choice = page.locator('select').filter({ has: page.locator('option', { hasText: shell.ui.simAddress! }) });
    await expect.poll(() => choice.locator('option').first().textContent()).toBe(`${shell.ui.simAddress!} — ⚠ No project settings: security risk`);
  });

  const form = (name: string): Locator => page.getByRole('form', { name });
  const segmentRow = (n: number): Locator => page.getByRole('table', { name: 'Segments and their protection' }).locator(`tbody tr[data-segment="${n}"]`);

  async function readTag(): Promise<void> {
    await page.getByRole('button', { name: 'Read tag' }).click();
    await page.getByRole('button', { name: 'Read tag' }).waitFor({ state: 'visible' });
  }

  /** Submits a form and waits for the outcome a user would see: a refusal (alert) or a result (status). */
  async function submit(f: Locator, button: string, expected: 'alert' | 'status'): Promise<Locator> {
    await f.getByRole('button', { name: button }).click();
    const outcome = f.getByRole(expected).first();
    await outcome.waitFor();
    return outcome;
  }

  it('says so when no tag is in the field, then shows the placed tag and its segments', async () => {
    await readTag();
    await page.getByTestId('tag-absent').waitFor();
    expect(await page.getByTestId('tag-absent').textContent()).toBe('No tag in the field. Put a tag on the reader and read again.');

    const placed = await runCli(['sim', 'tag', '--state', shell.ui.simState, '--place', '--master-pin', `0=${MASTER_PIN}`]);
    expect(placed.code, placed.stderr).toBe(0);

    await readTag();
    await page.getByTestId('tag-info').waitFor();
    expect(await page.getByTestId('tag-master-pins').textContent()).toBe('1');
    expect(await page.getByRole('table', { name: 'Segments and their protection' }).locator('tbody tr').count()).toBe(16);
    expect(await segmentRow(2).locator('td').allTextContents()).toEqual(['open', 'open', 'PIN 252 (master PIN 0)']);
  });

  it('provisions a PIN with the master PIN, protects a segment, writes and reads it with that PIN', async () => {
    const setPin = form('Provision a PIN');
    await setPin.getByLabel('PIN position (1–251)').fill('1');
    const master = setPin.getByLabel('Master PIN', { exact: true });
    expect(await master.getAttribute('type')).toBe('password');
    await master.fill(MASTER_PIN);
    await setPin.getByLabel('New PIN').fill(USER_PIN);
    const provisioned = await submit(setPin, 'Provision PIN', 'status');
    expect(await provisioned.getAttribute('role')).toBe('status');
    expect(await provisioned.textContent()).toBe('PIN position 1 now holds the new PIN: transferred under master PIN 0 and confirmed by presenting it.');
    // Both PINs are forgotten once used.
    expect(await master.inputValue()).toBe('');
    expect(await setPin.getByLabel('New PIN').inputValue()).toBe('');

    const protect = form('Protect a segment');
    await protect.getByLabel('Segment', { exact: true }).selectOption('2');
    await protect.getByLabel('Read PIN', { exact: true }).selectOption('index');
    await protect.getByLabel('Index for Read PIN').fill('1');
    await protect.getByLabel('Write PIN', { exact: true }).selectOption('index');
    await protect.getByLabel('Index for Write PIN').fill('1');
    await protect.getByLabel('Edit PIN of the segment').fill(MASTER_PIN);
    const protectedOk = await submit(protect, 'Apply protection', 'status');
    expect(await protectedOk.textContent()).toBe('Segment 2: read with PIN 1, write with PIN 1, edit with PIN 252 (master PIN 0).');
    await expect.poll(() => segmentRow(2).locator('td').allTextContents()).toEqual(['with PIN 1', 'with PIN 1', 'PIN 252 (master PIN 0)']);

    const write = form('Write a segment');
    await write.getByLabel('Segment', { exact: true }).selectOption('2');
    await write.getByLabel('Data', { exact: true }).fill('hello tag');
    // Without the PIN the tag refuses, and the page says why.
    const refusedWrite = await submit(write, 'Write', 'alert');
    expect(await refusedWrite.getAttribute('role')).toBe('alert');
    expect(await refusedWrite.textContent()).toMatch(/^The tag refused to write segment 2: segment 2 is written only after its write PIN \(index 1\) is presented, and no PIN was given\.$/);

    await write.getByLabel('Write PIN (if the segment needs one)').fill(USER_PIN);
    const wrote = await submit(write, 'Write', 'status');
    expect(await wrote.textContent()).toBe('Wrote 9 byte(s) to segment 2 at offset 0.');

    const read = form('Read a segment');
    await read.getByLabel('Segment', { exact: true }).selectOption('2');
    await read.getByLabel('Length (bytes)').fill('9');
    await read.getByLabel('Read PIN (if the segment needs one)').fill(USER_PIN);
    await submit(read, 'Read', 'status');
    expect(await read.getByTestId('tag-read-result').locator('p').first().textContent()).toBe('68656C6C6F20746167');
    expect(await read.getByTestId('tag-read-result').textContent()).toContain('hello tag');
    await screenshot(page, 'tags');
  });

  it('shows the refusal sentence for a wrong PIN, without the PIN', async () => {
    const read = form('Read a segment');
    await read.getByLabel('Segment', { exact: true }).selectOption('2');
    await read.getByLabel('Read PIN (if the segment needs one)').fill(WRONG_PIN);
    const refused = await submit(read, 'Read', 'alert');
    expect(await refused.getAttribute('role')).toBe('alert');
    const text = (await refused.textContent())!;
    expect(text).toMatch(/^The tag refused to .*: the read PIN given does not match the PIN the tag holds at index 1\.$/);
    expect(text.toLowerCase()).not.toContain(WRONG_PIN);
    expect(await read.getByTestId('tag-read-result').count()).toBe(0);

    // A wrong master PIN is refused too, and nothing about segment 2 changed.
    const setPin = form('Provision a PIN');
    await setPin.getByLabel('PIN position (1–251)').fill('2');
    await setPin.getByLabel('Master PIN', { exact: true }).fill(WRONG_PIN);
    await setPin.getByLabel('New PIN').fill(USER_PIN);
    const masterRefused = await submit(setPin, 'Provision PIN', 'alert');
    expect(await masterRefused.getAttribute('role')).toBe('alert');
    expect(await masterRefused.textContent()).toMatch(/master PIN given is not the one the tag holds at index 0/);
    await readTag();
    expect(await segmentRow(2).locator('td').allTextContents()).toEqual(['with PIN 1', 'with PIN 1', 'PIN 252 (master PIN 0)']);
  });
});
