import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { startUiProcess, type WebShellProcess } from '../helpers/webShell.ts';
import { runCli, tempDir } from '../helpers/processes.ts';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator.ts';

// A German user, in Chromium against the real `readerdesk ui` process and its virtual reader: the
// window is German from its first paint (the German sentences are a chunk of their own that an
// English window never loads), and what the host says (door-file findings, BALCFG problems, deploy
// results and the event log's activities) reads in German, not in English.

const GERMAN_CHUNK = /\/assets\/german-[\w-]+\.js$/;

/** Sentences the host used to send in English only; none may reach a German page. */
const ENGLISH_SENTENCES = [
  'the credentials repeat those of line',
  'Line 3',
  'is not a door-file column',
  'is outside 0..65535',
  'is empty; give the configuration a name',
  'is above 99999',
  'is a BALCFG file with an invalid field',
  'Not deployed',
  'No file data was sent',
  'Deployed ',
  'Accepted;',
  'nothing is listening there',
];

function expectNoEnglish(text: string): void {
  for (const s of ENGLISH_SENTENCES) expect(text, s).not.toContain(s);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'main' }).getByRole('button', { name, exact: true }).click();

/** Every page heading the document ever showed, and any text that looks like an i18n key (readers.heading). */
async function watchHeadings(page: Page): Promise<() => Promise<{ headings: string[]; keys: string[] }>> {
  await page.addInitScript(() => {
    const seen = { headings: [] as string[], keys: [] as string[] };
    (window as unknown as { seenText: typeof seen }).seenText = seen;
    const look = () => {
      for (const h of document.querySelectorAll('h2')) {
        const text = h.textContent ?? '';
        if (seen.headings.at(-1) !== text) seen.headings.push(text);
      }
      const keys = (document.body?.innerText ?? '').match(/\b(?:app|readers|shell|config|deploy|events|frames|doorfile|tags|errors)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*\b/g);
      if (keys) seen.keys.push(...keys);
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { seenText: { headings: string[]; keys: string[] } }).seenText);
}

describe('web shell in German', () => {
  let ui: WebShellProcess;
  let browser: Browser;
  let finalizer: RunningSimulator;
  const work = tempDir('rd-e2e-german-');
  const at = (name: string) => path.join(work, name);

  beforeAll(async () => {
    // A BEC2 finalized on another virtual reader with the default customer key, as the embedded one has.
    finalizer = await startSimulator({ stateDir: tempDir('rd-e2e-german-sim-') });
    for (const args of [
      ['config', 'new', at('site.balcfg'), '--name', 'Site', '--customer', '50001', '--project', '501', '--device', '0'],
      ['finalize', at('site.balcfg'), '--port', finalizer.address, '--out', at('site-v1.bec2')],
    ]) {
      const r = await runCli(args, { timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(0);
    }
    // A BALCFG whose customer number is out of range, as a hand edit might leave it.
    const doc = JSON.parse(fs.readFileSync(at('site.balcfg'), 'utf8')) as { configId: { customer: number } };
    doc.configId.customer = 123456;
    fs.writeFileSync(at('broken.balcfg'), JSON.stringify(doc, null, 2));
    // User 2 repeats user 1's credential (CSV line 3 repeats line 2).
    fs.writeFileSync(at('users.csv'), ['user_id,format,raw_hex,raw_bits', '1,raw,8F166045,32', '2,raw,8F166045,32', '3,raw,7F166040,32', ''].join('\n'));
    ui = await startUiProcess();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    await finalizer?.stop();
  });

  it('loads German only for a German page, and is German from the first paint, also after a reload', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const seen = await watchHeadings(page);

    // English first load: the German sentences stay on the server.
    await page.goto(ui.url);
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    expect(scripts.filter((u) => GERMAN_CHUNK.test(u))).toEqual([]);

    // Switching loads them, once; the page turns German without ever showing a key.
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { name: 'Leser', level: 2 }).waitFor();
    expect(scripts.filter((u) => GERMAN_CHUNK.test(u))).toHaveLength(1);
    expect((await seen()).keys).toEqual([]);

    // Reloaded in German (the choice is kept): the heading is German the moment it exists.
    await page.reload();
    const heading = page.getByRole('heading', { level: 2 }).first();
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Leser');
    const after = await seen();
    expect(after.headings).toEqual(['Leser']);
    expect(after.keys).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expectNoEnglish(await page.locator('body').innerText());
    await page.close();
  });

  it('words door-file findings, BALCFG problems, deploy results and the event log in German', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'de-DE' });
    await page.addInitScript(() => localStorage.setItem('readerdesk.lang', 'de'));
    await page.goto(ui.url);
    await page.getByRole('heading', { name: 'Leser', level: 2 }).waitFor();
    await expect.poll(() => page.getByTestId('firmware').first().textContent(), { timeout: 30_000 }).toMatch(/VirtRead/);

    // A users CSV with a duplicate credential: the finding names line and rule in German.
    await nav(page, 'Türdateien');
    await page.getByLabel('Benutzer-CSV-Datei').fill(at('users.csv'));
    await page.getByRole('button', { name: 'Vorschau' }).click();
    await page.getByTestId('doorfile-preview').waitFor();
    const duplicate =
      'Zeile 3: die Ausweise wiederholen die aus Zeile 2; ein Schloss behandelt eine Datei mit Duplikaten als unsortiert und durchsucht sie langsam („degraded“). Entfernen Sie eine der Zeilen.';
    const problems = page.getByRole('table', { name: 'Probleme' }).first();
    expect(await problems.locator('tbody tr td').nth(2).textContent()).toBe(duplicate);
    expectNoEnglish(await page.locator('body').innerText());
    await screenshot(page, 'doorfile-de');

    // A BALCFG with a field out of range, opened: the field and its problem in German.
    await nav(page, 'Konfiguration');
    await page.getByLabel('BALCFG-Datei').fill(at('broken.balcfg'));
    await page.getByRole('button', { name: 'Öffnen', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'configId.customer: 123456 ist größer als 99999; die Kundennummer reicht von 0 bis 99999.' })
      .waitFor();

    // The good one, edited: a value out of range and an empty name are refused in German.
    await page.getByLabel('BALCFG-Datei').fill(at('site.balcfg'));
    await page.getByRole('button', { name: 'Öffnen', exact: true }).click();
    await page.getByTestId('config-id').waitFor();
    await page.getByRole('button', { name: 'Neue Version (2)' }).click();
    await expect.poll(() => page.getByTestId('doc-version').textContent()).toBe('2');
    await page.getByRole('button', { name: 'Wert hinzufügen' }).click();
    await page.getByLabel('Wert-ID (KKKK/VV)').fill('0103/03');
    await page.getByLabel('Inhalt').fill('70000');
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('70000 liegt außerhalb von 0..65535; wählen Sie eine Zahl in diesem Bereich.');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    const identity = page.getByRole('group', { name: 'Projektkennung' });
    const apply = identity.getByRole('button', { name: 'Kennung ändern' });
    // What is typed holds at once: the document read again after the new version has the same identity.
    await identity.getByLabel('Name', { exact: true }).fill('');
    expect(await apply.isEnabled()).toBe(true);
    await apply.click();
    await identity.getByRole('alert').filter({ hasText: 'Name: ist leer; geben Sie der Konfiguration einen Namen.' }).waitFor();
    expectNoEnglish(await page.locator('body').innerText());
    await identity.getByRole('button', { name: 'Felder zurücksetzen' }).click();

    // Deploy to the virtual reader and to a port where nothing listens: both results in German.
    await nav(page, 'Aufspielen');
    const silent = 'tcp://127.0.0.1:1';
    await page.getByLabel('BEC2-Datei (Pfad)').fill(at('site-v1.bec2'));
    await page.getByRole('checkbox', { name: ui.simAddress! }).check();
    await page.getByLabel('Port über Pfad hinzufügen').fill(silent);
    await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    await page.getByRole('checkbox', { name: silent }).waitFor();
    await page.getByRole('button', { name: 'Auf 2 Leser aufspielen' }).click();
    const summary = page.getByRole('status').filter({ hasText: /angenommen, .* abgelehnt/ });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toBe('1 angenommen, 0 abgelehnt, 1 nicht aufgespielt, 0 unbekannt.');
    const failed = page.getByTestId('deploy-result').filter({ hasText: silent });
    expect(await failed.textContent()).toContain(
      `Einzelheiten: Nicht aufgespielt: Die Verbindung zu ${silent} ist nicht verfügbar: dort wartet niemand auf Verbindungen. ` +
        'Prüfen Sie, ob der Leser angeschlossen ist und kein anderes Programm den Port verwendet. Es wurden keine Dateidaten an den Leser gesendet.',
    );
    expectNoEnglish(await page.locator('body').innerText());
    await screenshot(page, 'deploy-de');

    // The event log says what was deployed, in German.
    await nav(page, 'Ereignisse');
    const log = page.getByTestId('event-log');
    await log.waitFor();
    await expect
      .poll(() => log.innerText())
      .toMatch(/Aufgespielt: site-v1\.bec2 \(SHA-256 [0-9a-f]{16}…\): Angenommen; nach seinem Neustart läuft der Leser mit 50001-0501-0000-01 Site\./);
    expect(await log.innerText()).toContain(`Aufgespielt: site-v1.bec2 (SHA-256`);
    expect(await log.innerText()).toContain(`Nicht aufgespielt: Die Verbindung zu ${silent} ist nicht verfügbar`);
    expectNoEnglish(await page.locator('body').innerText());
    await page.close();
  }, 180_000);
});
