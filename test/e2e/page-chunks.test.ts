// The renderer as separate pages: the window opens with the shell and the Readers page only (no zod,
// no API schemas), every other page's code comes when the user goes there or points at its nav
// button, and both shells serve the chunks as scripts their CSP allows: the web shell over HTTP, and
// Electron's readerdesk:// handler (run here in Chromium behind a route, with Electron's CSP and a
// bridge that relays calls to a real host, because the Electron binary is not installed here).
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { navButton } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';
import { ROOT } from '../helpers/processes.ts';
import { serveAppRequest } from '../../electron/appProtocol.ts';
import { ELECTRON_CSP } from '../../electron/shellPolicy.ts';

const DIST = path.join(ROOT, 'dist-renderer');

/** Each page: its view module (the chunk is named after it), its nav button and its heading. */
const PAGES = [
  { view: 'ReadersView', name: 'Readers' },
  { view: 'ConfigView', name: 'Configuration' },
  { view: 'DeployView', name: 'Deploy' },
  { view: 'EventsView', name: 'Events' },
  { view: 'FramesView', name: 'Frame log' },
  { view: 'DoorfileView', name: 'Door files' },
  { view: 'TagsView', name: 'Tags' },
] as const;

/** Strings only zod's code holds (every v4 schema keeps its internals under `_zod`), and sentences only the API's schemas hold. */
const ZOD_OR_SCHEMAS = ['_zod', 'ZodError', 'a dropped file is named without a folder', 'a PIN is exactly 32 hex digits'];

const chunkOf = (view: string) => new RegExp(`/assets/${view}-[\\w-]+\\.js$`);

interface LoadedScript {
  url: string;
  status: number;
  contentType: string;
  csp: string;
  code: string;
}

/** Records every script the page loads, and every CSP violation it reports. */
async function watchScripts(page: Page): Promise<{ scripts: LoadedScript[]; violations: () => Promise<string[]> }> {
  const scripts: LoadedScript[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    void res.body().then((body) =>
      scripts.push({ url: res.url(), status: res.status(), contentType: res.headers()['content-type'] ?? '', csp: res.headers()['content-security-policy'] ?? '', code: body.toString('utf8') }),
    );
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return { scripts, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

/** Opens every page but Readers from the nav: its code loads only then, or when the pointer or the keyboard focus reaches its button first. */
async function openEveryPage(page: Page, requested: () => string[]): Promise<void> {
  for (const [i, p] of PAGES.entries()) {
    if (p.view === 'ReadersView') continue;
    const chunk = chunkOf(p.view);
    expect(requested().filter((u) => chunk.test(u)), `${p.name} before the user went near it`).toEqual([]);
    const loading = page.waitForRequest((r) => chunk.test(r.url()));
    // Half the pages by pointer, half by keyboard.
    if (i % 2 === 0) await navButton(page, p.name).hover();
    else await navButton(page, p.name).focus();
    await loading;
    await navButton(page, p.name).click();
    await page.getByRole('heading', { name: p.name, level: 2 }).waitFor();
    expect(requested().filter((u) => chunk.test(u)), p.name).toHaveLength(1);
  }
}

describe('the built renderer', () => {
  it('has one chunk per page, and what the window loads first holds neither zod nor the API schemas', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const firstFiles = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(firstFiles.length).toBeGreaterThan(0);
    for (const file of firstFiles) {
      const code = fs.readFileSync(path.join(DIST, file), 'utf8');
      for (const marker of ZOD_OR_SCHEMAS) expect(code.includes(marker), `${file} holds "${marker}"`).toBe(false);
    }
    const scripts = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    for (const p of PAGES) expect(scripts.filter((f) => chunkOf(p.view).test(`/assets/${f}`)), p.view).toHaveLength(1);
    // zod is still in the build (the Configuration page checks a new file's identity with it): the markers find it.
    expect(scripts.some((f) => fs.readFileSync(path.join(DIST, 'assets', f), 'utf8').includes('_zod'))).toBe(true);
  });

  it('is served file by file by Electron’s readerdesk:// handler, each with its content type and the CSP', async () => {
    const files = fs.readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.filter((f) => f.name.endsWith('.js')).length).toBeGreaterThanOrEqual(PAGES.length + 1);
    for (const f of files) {
      const rel = path.relative(DIST, path.join(f.parentPath, f.name)).split(path.sep).join('/');
      const res = await serveAppRequest(`readerdesk://app/${rel}`, DIST);
      expect(res.status, rel).toBe(200);
      const type = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8' }[path.extname(f.name)];
      if (type) expect(res.headers.get('Content-Type'), rel).toBe(type);
      expect(res.headers.get('Content-Security-Policy')).toBe(ELECTRON_CSP);
      expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(path.join(DIST, rel))), rel).toBe(true);
    }
  });
});

describe('pages load their own code, in Chromium', () => {
  const shell = webShellInChromium(['--no-sim']);

  it('web shell: the Readers page comes without zod or schemas, every other page when the user goes there, all within the CSP', async () => {
    const page = await shell.browser.newPage();
    const { scripts, violations } = await watchScripts(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(shell.ui.url);
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();

    const first = [...scripts];
    expect(first.some((s) => chunkOf('ReadersView').test(s.url))).toBe(true);
    for (const s of first) {
      for (const marker of ZOD_OR_SCHEMAS) expect(s.code.includes(marker), `${s.url} holds "${marker}"`).toBe(false);
    }
    await openEveryPage(page, () => requested);

    for (const s of scripts) {
      expect(s.status, s.url).toBe(200);
      expect(s.contentType, s.url).toBe('text/javascript; charset=utf-8');
      expect(s.csp, s.url).toContain("script-src 'self'");
    }
    // The Configuration page brought zod along: the markers would have found it in the first load.
    expect(scripts.some((s) => s.code.includes('_zod'))).toBe(true);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('Electron: the pages load through the readerdesk:// handler under Electron’s CSP', async () => {
    const host = await relayToHost(shell.ui.url);
    const page = await shell.browser.newPage();
    try {
      const { scripts, violations } = await watchScripts(page);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      // Chromium cannot open readerdesk:// itself: an address of its own answered by the same handler.
      await page.route('http://readerdesk.app/**', async (route) => {
        const res = await serveAppRequest(route.request().url().replace('http://readerdesk.app/', 'readerdesk://app/'), DIST);
        await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
      });
      // What the preload exposes: calls to the host, here relayed to the web shell's host.
      await page.exposeFunction('relayCall', (method: string, params: unknown[]) => host.call(method, params));
      await page.addInitScript(() => {
        const relay = (window as unknown as { relayCall: (m: string, p: unknown[]) => Promise<unknown> }).relayCall;
        Object.defineProperty(window, 'readerdeskBridge', { value: Object.freeze({ call: relay, subscribe: () => () => undefined }) });
      });
      await page.goto('http://readerdesk.app/index.html');
      await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
      await openEveryPage(page, () => requested);

      expect(scripts.length).toBeGreaterThanOrEqual(PAGES.length + 1);
      for (const s of scripts) {
        expect(s.contentType, s.url).toBe('text/javascript; charset=utf-8');
        expect(s.csp, s.url).toBe(ELECTRON_CSP);
      }
      expect(await violations()).toEqual([]);
    } finally {
      await page.close();
      host.close();
    }
  });
});

/** A client of the web shell's API in Node: what the Electron main process would answer, from a real host. */
async function relayToHost(uiUrl: string): Promise<{ call(method: string, params: unknown[]): Promise<unknown>; close(): void }> {
  const url = new URL(uiUrl);
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`);
  await once(ws, 'open');
  const pending = new Map<number, (answer: unknown) => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; ok?: boolean; result?: unknown; error?: unknown };
    const answer = typeof msg.id === 'number' ? pending.get(msg.id) : undefined;
    if (!answer) return;
    pending.delete(msg.id!);
    answer(msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error });
  });
  let next = 1;
  return {
    call: (method, params) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}
