// How much JavaScript the web shell's pages load, measured in Chromium from its requests: the first
// load (every script until the Readers heading shows) and, for every other page opened from there,
// the scripts that opening it adds. Sizes are the bytes served and their gzip size (level 9, as Vite
// reports it); the renderer is measured as it was last built (`npm run build:renderer`).

import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface ScriptLoad {
  url: string;
  bytes: number;
  gzipBytes: number;
  /** zod's own code (every v4 schema keeps its internals under `_zod`). */
  holdsZod: boolean;
}

export interface PageCode {
  /** The scripts of the first load, in the order they arrived. */
  first: ScriptLoad[];
  /** Per page (by its nav label): the scripts opening it added to the first load. */
  pages: { name: string; scripts: ScriptLoad[] }[];
}

export const sum = (scripts: ScriptLoad[], key: 'bytes' | 'gzipBytes') => scripts.reduce((n, s) => n + s[key], 0);

/** Starts recording the scripts a page receives; `take` hands over what arrived since the last take. */
function recordScripts(page: Page): { take(): Promise<ScriptLoad[]> } {
  let pending: Promise<ScriptLoad>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res.body().then((body) => ({
        url: new URL(res.url()).pathname,
        bytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
        holdsZod: body.includes('_zod'),
      })),
    );
  });
  return {
    async take() {
      const taken = await Promise.all(pending);
      pending = [];
      return taken;
    },
  };
}

const READERS_HEADING = { name: 'Readers', level: 2 } as const;

/** Measures the first load, then each other page in a fresh window, so that no page inherits what another one loaded. */
export async function measurePageCode(browser: Browser, url: string, pageNames: string[]): Promise<PageCode> {
  const open = async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts = recordScripts(page);
    await page.goto(url);
    await page.getByRole('heading', READERS_HEADING).waitFor();
    return { page, first: await scripts.take(), scripts };
  };
  const { page: firstPage, first } = await open();
  await firstPage.close();
  const pages: PageCode['pages'] = [];
  for (const name of pageNames) {
    const { page, scripts } = await open();
    await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name, exact: true }).click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    pages.push({ name, scripts: await scripts.take() });
    await page.close();
  }
  return { first, pages };
}
