import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectListedReader, navButton, screenshot } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { ROOT, tamperWith, tempDir } from '../helpers/processes.ts';
import { DEFAULT_CRYPTO_KEY, DEFAULT_CUSTOMER_KEY } from '../../simulator/state/readerState.ts';

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

describe('web shell: events, tamper alarms, frame log, diagnostics, themes and languages', () => {
  const shell = webShellInChromium();
  let page: Page;
  const out = tempDir('rd-events-out-');

  const nav = (name: string) => navButton(page, name);
  const alarms = () => page.getByTestId('tamper-alarm');
  const tamper = (clear = false) => tamperWith(shell.ui.simState, clear);

  beforeAll(async () => {
    page = await shell.browser.newPage({ locale: 'en-GB' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(shell.ui.url);
    await connectListedReader(page, shell.ui.simAddress!);
  });

  it('shows a tamper alarm at once on the page the user is on, and it stays until acknowledged', async () => {
    expect(await alarms().count()).toBe(0);
    await tamper();
    const alarm = alarms().first();
    await alarm.waitFor();
    expect(await alarm.getAttribute('role')).toBe('alert');
    expect(await alarm.textContent()).toContain(shell.ui.simAddress!);
    expect(await alarm.textContent()).toMatch(/housing of reader .* was opened at \d/);
    await screenshot(page, 'tamper-alarm');

    // Other pages, and even a reload, keep it in front of the user.
    await nav('Frame log').click();
    await page.getByRole('heading', { name: 'Frame log', level: 2 }).waitFor();
    expect(await alarms().count()).toBe(1);
    await page.reload();
    await alarms().first().waitFor();
    expect(await alarms().count()).toBe(1);

    await alarms().first().getByRole('button', { name: /Acknowledge/ }).click();
    await alarms().first().waitFor({ state: 'detached' });
    expect(await alarms().count()).toBe(0);
  });

  it('acknowledges the focused alarm with Escape', async () => {
    await tamper(true);
    await tamper();
    const ack = alarms().first().getByRole('button', { name: /Acknowledge/ });
    await ack.waitFor();
    await ack.focus();
    await page.keyboard.press('Escape');
    await alarms().first().waitFor({ state: 'detached' });
  });

  it('lists the alarms in the event log and exports it as CSV and JSON', async () => {
    await nav('Events').click();
    const log = page.getByTestId('event-log');
    await log.waitFor();
    const opened = log.locator('tr[data-kind="tamper-on"]');
    await expect.poll(() => opened.count()).toBe(2);
    expect(await opened.first().textContent()).toContain(shell.ui.simAddress!);
    expect(await opened.first().textContent()).toMatch(/acknowledged/);
    expect(await log.locator('tr[data-kind="tamper-off"]').count()).toBe(1);
    await screenshot(page, 'events');

    const csv = path.join(out, 'events.csv');
    await page.getByLabel('File').fill(csv);
    await page.getByRole('button', { name: 'Export log' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Saved 3 events/);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('time,reader,event,severity,details,acknowledged');
    expect(text).toContain(`${shell.ui.simAddress},tamper-on,alarm`);

    await page.getByLabel('Format').selectOption('json');
    const json = path.join(out, 'events.json');
    await page.getByLabel('File').fill(json);
    await page.getByRole('button', { name: 'Export log' }).click();
    await expect.poll(() => fs.existsSync(json)).toBe(true);
    const events = JSON.parse(fs.readFileSync(json, 'utf8')).events as { reader: string; event: string }[];
    expect(events.filter((e) => e.event === 'tamper-on' && e.reader === shell.ui.simAddress)).toHaveLength(2);

    await page.getByLabel('File').fill('relative/events.csv');
    await page.getByRole('button', { name: 'Export log' }).click();
    // A relative path counts from the home folder, and the sentence names the full path it used.
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(`The folder ${path.join(os.homedir(), 'relative')} does not exist`);
  });

  it('shows the BRP frames with their meaning and filters them', async () => {
    await nav('Frame log').click();
    const table = page.getByTestId('frame-table');
    await table.waitFor();
    // Frame rows only: the virtualized table also has spacer rows for the frames out of view.
    const rows = table.locator('tbody tr[data-direction]');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await table.textContent()).toMatch(/Sys\.GetFwVersion|Sys\.\w+/);

    await page.getByLabel('Direction').selectOption('in');
    const dirs = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-direction')));
    expect(new Set(dirs)).toEqual(new Set(['in']));

    await page.getByLabel('Direction').selectOption('');
    await page.getByLabel('Text').fill('GetMessage');
    const meanings = await rows.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ''));
    expect(meanings.length).toBeGreaterThan(0);
    expect(meanings.every((m) => m.includes('AR.GetMessage'))).toBe(true);

    await page.getByLabel('Text').fill('no-such-command-xyz');
    await page.getByText('No frames match').waitFor();
    await page.getByLabel('Text').fill('');
    await page.getByLabel('Hide alarm polling').check();
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'frames');
  });

  it('exports a diagnostics bundle with version, frames and events, and no key bytes', async () => {
    const file = path.join(out, 'diagnostics.json');
    await page.getByLabel('File').fill(file);
    await page.getByRole('button', { name: 'Export diagnostics bundle' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Saved the diagnostics bundle/);
    const raw = fs.readFileSync(file, 'utf8');
    const bundle = JSON.parse(raw);
    expect(bundle.app.version).toBe(VERSION);
    expect(bundle.app.shell).toBe('web');
    expect(bundle.os.platform).toBe(process.platform);
    expect(bundle.frames.length).toBeGreaterThan(3);
    expect(bundle.readers.map((r: { address: string }) => r.address)).toContain(shell.ui.simAddress);
    expect(bundle.events.some((e: { kind: string }) => e.kind === 'tamper-on')).toBe(true);
    const flat = raw.toUpperCase().replace(/[^0-9A-F]/g, '');
    expect(flat).not.toContain(DEFAULT_CRYPTO_KEY);
    expect(flat).not.toContain(DEFAULT_CUSTOMER_KEY);
  });

  it('follows the system theme: light and dark look different and both are captured', async () => {
    await nav('Readers').click();
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await screenshot(page, 'readers-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await bg();
    expect(dark).not.toBe(light);
    await screenshot(page, 'readers-dark');
    await nav('Events').click();
    await screenshot(page, 'events-dark');
    await nav('Frame log').click();
    await screenshot(page, 'frames-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('switches to German and back', async () => {
    await page.getByLabel('Language').selectOption('de');
    await nav('Leser').waitFor();
    await nav('Ereignisse').waitFor();
    await nav('Frame-Protokoll').waitFor();
    await nav('Ereignisse').click();
    await page.getByRole('heading', { name: 'Ereignisse', level: 2 }).waitFor();
    expect(await page.getByTestId('event-log').textContent()).toContain('Sabotagealarm');
    await page.getByLabel('Sprache').or(page.getByLabel('Language')).selectOption('en');
    await nav('Events').waitFor();
  });
});
