// The web shell's first paint, the JavaScript its pages load, and the configuration page's search
// over 5,000 values, measured in Chromium against the real `readerdesk ui` process. Figures only;
// nothing here passes or fails.

import path from 'node:path';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startUiProcess } from '../test/helpers/webShell.ts';
import { tempDir } from '../test/helpers/processes.ts';
import { createBalcfg } from '../shared/config/model.ts';
import { parseBalcfg, serializeBalcfg, type BalcfgValue } from '../shared/config/balcfg.ts';
import { saveBalcfg } from '../electron/host/files/balcfgStore.ts';
import { formatValueId } from '../shared/config/valueId.ts';
import { measurePageCode, sum } from './pageCode.ts';

const VALUES = 5000;
/** The pages besides Readers, by their nav labels. */
const OTHER_PAGES = ['Configuration', 'Deploy', 'Events', 'Frame log', 'Door files', 'Tags'];

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** A BALCFG with `n` generated values spread over the nine MasterKey groups (no FF, no secrets). */
async function bigBalcfg(file: string, n: number): Promise<number> {
  const cfg = createBalcfg({ customer: 9999, project: 1, device: 0, name: 'Bench' });
  const extra: BalcfgValue[] = [];
  for (let i = 0; i < n; i++) {
    const master = 1 + (i % 9);
    const rest = Math.floor(i / 9);
    const key = (master << 8) | (0x10 + (rest % 200));
    const value = 0x10 + Math.floor(rest / 200);
    extra.push({ id: formatValueId(key, value), hex: (i & 0xffff).toString(16).toUpperCase().padStart(4, '0') });
  }
  const doc = parseBalcfg(serializeBalcfg({ ...cfg, values: [...cfg.values, ...extra] }));
  await saveBalcfg(file, doc);
  return doc.values.length;
}

export async function benchUi(print: (line: string) => void): Promise<void> {
  const ui = await startUiProcess(['--no-sim']);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(ui.url);
    // tsx (esbuild keepNames) wraps named functions in __name(); give the page a no-op one.
    await page.evaluate('window.__name = (f) => f');
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    // The heading may be in the page a moment before the browser painted it: wait for the paint's entry.
    const fcp = await page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 5000);
        }),
    );
    print(`web shell first contentful paint: ${fcp === null ? 'not reported' : `${fcp.toFixed(1)} ms`} (goal < 400 ms: ${verdict(fcp !== null && fcp < 400)})`);

    const code = await measurePageCode(browser, ui.url, OTHER_PAGES);
    const firstHoldsZod = code.first.some((s) => s.holdsZod);
    const everyPageBringsItsCode = code.pages.every((p) => p.scripts.length > 0);
    print(
      `JS of the first load (every script until the Readers heading shows): ${code.first.length} files, ${kb(sum(code.first, 'bytes'))}, ` +
        `${kb(sum(code.first, 'gzipBytes'))} gzip; zod ${firstHoldsZod ? 'included' : 'not included'}, ` +
        `every other page loads its own chunk when opened: ${everyPageBringsItsCode ? 'yes' : 'no'} ` +
        `(goal: a page loads only its own code: ${verdict(!firstHoldsZod && everyPageBringsItsCode)})`,
    );
    const added = code.pages.map((p) => ({ name: p.name, bytes: sum(p.scripts, 'bytes'), gzip: sum(p.scripts, 'gzipBytes'), largest: [...p.scripts].sort((a, b) => b.bytes - a.bytes)[0] }));
    print(`JS each page adds when opened: ${added.map((a) => `${a.name} ${kb(a.bytes)}`).join(', ')}`);
    const heaviest = [...added].sort((a, b) => b.bytes - a.bytes)[0]!;
    print(
      `largest page chunk: ${heaviest.largest ? `${path.basename(heaviest.largest.url)} ${kb(heaviest.largest.bytes)} (${kb(heaviest.largest.gzipBytes)} gzip)` : 'none'}; ` +
        `opening ${heaviest.name} adds ${kb(heaviest.bytes)} (${kb(heaviest.gzip)} gzip) in all (goal: a page loads only its own code)`,
    );

    const file = path.join(tempDir('rd-bench-ui-'), 'bench.balcfg');
    const total = await bigBalcfg(file, VALUES);
    await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Configuration', exact: true }).click();
    await page.getByLabel('BALCFG file').fill(file);
    const openStart = Date.now();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('value-count').filter({ hasText: `${total.toLocaleString('en')} of ${total.toLocaleString('en')} values` }).waitFor({ timeout: 60_000 });
    print(`open a BALCFG with ${total} values (round trip and first list render): ${Date.now() - openStart} ms`);

    for (const term of ['0415/', 'protocols', 'autoread', 'no-such-value']) {
      const ms = await page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        const status = document.querySelector('[data-testid="value-count"]')!;
        const before = status.textContent;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const start = performance.now();
        setValue.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () => (status.textContent !== before ? resolve() : requestAnimationFrame(check));
          check();
        });
        // Include the frame that shows the filtered list.
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const took = performance.now() - start;
        const shown = status.textContent;
        // Back to the full list for the next term.
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () => (status.textContent === before ? resolve() : requestAnimationFrame(check));
          check();
        });
        return { took, shown };
      }, term);
      print(`search "${term}" in ${total} values: ${ms.took.toFixed(1)} ms until the filtered list shows (${ms.shown})`);
    }
  } finally {
    await browser.close();
    await ui.stop();
  }
}
