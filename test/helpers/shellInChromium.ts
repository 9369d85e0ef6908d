import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startUiProcess, type UiProcessOptions, type WebShellProcess } from './webShell.ts';

export interface ShellInChromium {
  /** The running `readerdesk ui`. */
  readonly ui: WebShellProcess;
  readonly browser: Browser;
  /** A new tab on the web shell's address. */
  openPage(options?: BrowserContextOptions): Promise<Page>;
  /** Stops the web shell and starts it again on the same settings and virtual reader: what a restart keeps. */
  restartUi(): Promise<void>;
}

/**
 * `readerdesk ui` and Chromium for the tests of the describe block this is called in: started before
 * them (in the order of the block's other beforeAll hooks), stopped after them.
 */
export function webShellInChromium(args: string[] = [], opts: UiProcessOptions = {}): ShellInChromium {
  let ui: WebShellProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ui = await startUiProcess(args, opts);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
  });
  const started = <T>(what: T | undefined): T => {
    if (what === undefined) throw new Error('the web shell and Chromium start in beforeAll: use them inside hooks and tests');
    return what;
  };
  return {
    get ui() {
      return started(ui);
    },
    get browser() {
      return started(browser);
    },
    async openPage(options) {
      const page = await started(browser).newPage(options);
      await page.goto(started(ui).url);
      return page;
    },
    async restartUi() {
      const previous = started(ui);
      await previous.stop();
      ui = await startUiProcess(args, { ...opts, configDir: previous.configDir, simState: previous.simState });
    },
  };
}
