// The shell's look and the smaller defects, in Chromium through the web shell: every page in both
// themes and both languages at 1024×700 without sideways scrolling (screenshots in test/artifacts/pages/),
// and the sentences the issue asked for on the door file, tags and configuration pages.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { navButton, screenshot, virtualReaderShown } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { tempDir } from '../helpers/processes.ts';

const PAGES = [
  { id: 'readers', en: 'Readers', de: 'Leser' },
  { id: 'config', en: 'Configuration', de: 'Konfiguration' },
  { id: 'deploy', en: 'Deploy', de: 'Aufspielen' },
  { id: 'events', en: 'Events', de: 'Ereignisse' },
  { id: 'frames', en: 'Frame log', de: 'Frame-Protokoll' },
  { id: 'doorfile', en: 'Door files', de: 'Türdateien' },
  { id: 'tags', en: 'Tags', de: 'Tags' },
] as const;

describe('web shell: look, languages, themes and smaller defects', () => {
  const shell = webShellInChromium();
  let page: Page;
  const dir = tempDir('rd-look-');
  const nav = (name: string) => navButton(page, name).click();

  beforeAll(async () => {
    page = await shell.openPage({ viewport: { width: 1024, height: 700 } });
    await virtualReaderShown(page);
  });

  it('shows every page in light and dark, English and German, readable at 1024×700 with no sideways scrolling', async () => {
    const backgrounds = new Set<string>();
    for (const lang of ['en', 'de'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate(({ l, th }) => {
          localStorage.setItem('readerdesk.lang', l);
          localStorage.setItem('readerdesk.theme', th);
        }, { l: lang, th: theme });
        await page.reload();
        // German arrives as its own chunk before the first render: wait for the page, as a user would.
        await page.getByRole('heading', { name: PAGES[0][lang], level: 2 }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.getByTestId('theme-switch').inputValue()).toBe(theme);
        backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor + getComputedStyle(document.documentElement).backgroundColor));
        for (const p of PAGES) {
          await nav(p[lang]);
          await page.getByRole('heading', { name: p[lang], level: 2 }).waitFor();
          const overflow = await page.evaluate(() => {
            const main = document.querySelector('main')!;
            return { page: document.documentElement.scrollWidth - window.innerWidth, main: main.scrollWidth - main.clientWidth };
          });
          expect(overflow, `${p.id} ${theme} ${lang}`).toEqual({ page: 0, main: 0 });
          await screenshot(page, `pages/${p.id}-${theme}-${lang}`);
        }
      }
    }
    expect(backgrounds.size).toBe(2);
    // The switch changes the theme at once, without a reload.
    await page.getByTestId('theme-switch').selectOption('light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.evaluate(() => {
      localStorage.setItem('readerdesk.lang', 'en');
      localStorage.setItem('readerdesk.theme', 'system');
    });
    await page.reload();
  });

  it('follows the system\'s dark mode unless the switch says otherwise, on every colour', async () => {
    const colours = () =>
      page.evaluate(() => ({
        page: getComputedStyle(document.documentElement).backgroundColor,
        nav: getComputedStyle(document.querySelector('nav[aria-label="main"] button')!).color,
      }));
    const setTheme = async (theme: 'system' | 'light' | 'dark') => {
      await page.evaluate((th) => localStorage.setItem('readerdesk.theme', th), theme);
      await page.reload();
      await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    };
    await page.emulateMedia({ colorScheme: 'light' });
    await setTheme('system');
    const light = await colours();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await colours();
    expect(dark.page).not.toBe(light.page);
    // "Light" on a dark system is the light look, and "dark" on a light one the dark look.
    await setTheme('light');
    expect(await colours()).toEqual(light);
    await page.emulateMedia({ colorScheme: 'light' });
    await setTheme('dark');
    expect(await colours()).toEqual(dark);
    await setTheme('system');
  });

  it('door files: the output follows a newly chosen CSV, and the capacity sentences speak of the page\'s field', async () => {
    const header = 'user_id,format,raw_hex,raw_bits';
    fs.writeFileSync(path.join(dir, 'north.csv'), [header, '1,raw,8F166045,32', '2,raw,8F166040,32', ''].join('\n'));
    fs.writeFileSync(path.join(dir, 'south.csv'), [header, '1,raw,7F166045,32', ''].join('\n'));
    await nav('Door files');
    const csv = page.getByLabel('Users CSV file');
    const out = page.getByLabel('Door file to write (JSON)', { exact: true });
    await csv.fill(path.join(dir, 'north.csv'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => out.inputValue()).toMatch(/north[^/]*\.json$/);
    await csv.fill(path.join(dir, 'south.csv'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => out.inputValue()).toMatch(/south[^/]*\.json$/);

    const capacity = page.getByLabel('Users the lock holds');
    await capacity.fill('3000000');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('“Users the lock holds” takes a whole number from 1 to 2,000,000.');
    await capacity.fill('1');
    await csv.fill(path.join(dir, 'north.csv'));
    await page.getByRole('button', { name: 'Preview' }).click();
    const issue = page.locator('.df-issues td', { hasText: /lock holds 1;/ });
    await expect.poll(() => issue.first().textContent()).toBe(
      'The file has 2 users but the lock holds 1; split the users over several door files, or raise “Users the lock holds” if the lock holds more.',
    );
  });

  it('tags: says that a provisioned PIN stays proven until the tag leaves the field', async () => {
    await nav('Tags');
    expect(await page.getByTestId('pin-proven-note').textContent()).toMatch(/keeps it proven until it leaves the reader’s field/);
  });

  it('configuration: a folder given as a new BALCFG path gets its own sentence', async () => {
    await nav('Configuration');
    await page.getByLabel('BALCFG file').fill(dir);
    await page.getByRole('button', { name: 'New project settings…' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Folder');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe(`${dir} is a folder; add a file name such as ${path.join(dir, 'site.balcfg')}.`);
  });
});
