import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHODS, type ReaderDeskApi } from '../../shared/api/contract.ts';
import { dispatchCall } from '../../electron/host/app/dispatch.ts';
import {
  allowNavigation,
  allowPermission,
  ELECTRON_CSP,
  guardedCall,
  isAllowedRequest,
  isTrustedSender,
  secureWebPreferences,
  windowOpenDecision,
  type CallSender,
} from '../../electron/shellPolicy.ts';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import { ROOT, tempDir } from '../helpers/processes.ts';

const INDEX = 'readerdesk://app/index.html';
const TRUSTED: CallSender = { senderId: 3, windowId: 3, frameUrl: INDEX, isMainFrame: true };

/** AppService members that are not part of the API: the event subscription, shutdown, internals. */
const HOST_ONLY_METHODS = new Set(['constructor', 'onEvent', 'close', 'emit', 'start']);

/** Every function an object answers to: its own (the feature slices are mixed in) and its class's. */
function publicMethodsOf(obj: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (typeof (obj as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}

function fakeApi() {
  const calls: unknown[][] = [];
  const api = {
    connect: async (...args: unknown[]) => {
      calls.push(args);
      return { id: 'r1' };
    },
    listReaders: async () => [],
    onEvent: () => () => undefined,
  } as unknown as ReaderDeskApi;
  return { api, calls };
}

describe('Electron window security settings', () => {
  it('isolates and sandboxes the renderer and gives it no Node', () => {
    const p = secureWebPreferences('/app/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('has a CSP that allows only the app’s own scripts and no connections', () => {
    const directives = Object.fromEntries(ELECTRON_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(ELECTRON_CSP).not.toMatch(/unsafe-eval|\*/);
  });

  it('lets nothing go to the network and denies navigation, new windows and permissions', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://localhost:1/api', 'ftp://x/', '//evil.example/x.js']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
    expect(isAllowedRequest(INDEX)).toBe(true);
    expect(allowNavigation('https://docs.baltech.de/')).toBe(false);
    expect(windowOpenDecision('https://example.com')).toEqual({ action: 'deny' });
    for (const perm of ['media', 'notifications', 'serial', 'hid', 'usb', 'clipboard-read', 'geolocation', 'openExternal']) expect(allowPermission(perm)).toBe(false);
  });

  it('applies the policy in main.ts to the default session, every webContents and the IPC wiring', () => {
    // main.ts itself needs the Electron binary to run; what it calls is run against fakes in ipcWiring.test.ts.
    const main = fs.readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');
    expect(main).toMatch(/const webPreferences = secureWebPreferences\(/);
    expect(main).toMatch(/new BrowserWindow\(\{[^}]*webPreferences,/s);
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).toMatch(/lockDownSession\(session\.defaultSession\)/);
    expect(main).toMatch(/app\.on\('web-contents-created', \(_e, contents\) => guardWebContents\(contents\)\)/);
    expect(main).toMatch(/registerIpc\(ipcMain, service!, win\.webContents, APP_INDEX_URL, \{\s+dialog: dialog as unknown as DialogPort,/);
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
  });
});

describe('IPC calls', () => {
  it('accepts calls only from the app window’s top frame showing the app’s own index.html', async () => {
    const { api, calls } = fakeApi();
    const refused: CallSender[] = [
      { ...TRUSTED, senderId: 4 },
      { ...TRUSTED, isMainFrame: false },
      { ...TRUSTED, frameUrl: 'https://evil.example/index.html' },
      { ...TRUSTED, frameUrl: 'file:///tmp/other/index.html' },
      { ...TRUSTED, frameUrl: 'file:///opt/ReaderDesk/resources/app.asar/dist-renderer/index.html' },
      { ...TRUSTED, frameUrl: 'readerdesk://other/index.html' },
      { ...TRUSTED, frameUrl: '' },
    ];
    for (const sender of refused) {
      expect(isTrustedSender(sender, INDEX)).toBe(false);
      expect(await guardedCall(api, sender, INDEX, 'connect', ['/dev/ttyUSB0'])).toEqual({ ok: false, error: { code: 'forbidden', params: {}, message: 'This window may not use ReaderDesk.' } });
    }
    expect(calls).toHaveLength(0);
    expect(await guardedCall(api, TRUSTED, INDEX, 'connect', ['/dev/ttyUSB0'])).toEqual({ ok: true, result: { id: 'r1' } });
    expect(calls).toEqual([['/dev/ttyUSB0']]);
  });

  it('rejects methods the contract does not name, including prototype and internal names', async () => {
    const { api } = fakeApi();
    for (const method of ['deleteEverything', '__proto__', 'constructor', 'toString', 'onEvent', 'close', 42, null, undefined]) {
      const r = await dispatchCall(api, method, []);
      expect(r.ok, String(method)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown-method');
    }
  });

  it('answers a method that is no name without failing on it or repeating it (fuzz counterexamples)', async () => {
    const { api, calls } = fakeApi();
    const key = 'C0DE5173'.repeat(8);
    for (const method of [JSON.parse('{"toString":1}'), JSON.parse('{"toString":{},"valueOf":{}}'), key, 'abcdefabcdefabcdef']) {
      expect(await dispatchCall(api, method, [])).toEqual({
        ok: false,
        error: { code: 'unknown-method', params: { method: { code: 'that-method', params: {} } }, message: 'The app does not offer that method.' },
      });
    }
    expect(await dispatchCall(api, 'deleteEverything', [])).toEqual({
      ok: false,
      error: { code: 'unknown-method', params: { method: '"deleteEverything"' }, message: 'The app does not offer "deleteEverything".' },
    });
    expect(calls).toHaveLength(0);
  });

  it('rejects malformed parameters before the host runs anything', async () => {
    const { api, calls } = fakeApi();
    for (const params of [undefined, null, 'x', {}, [], [42], ['a'.repeat(600)], ['/dev/ttyUSB0', 'extra'], [{ toString: '/dev/x' }]]) {
      const r = await dispatchCall(api, 'connect', params);
      expect(r.ok, JSON.stringify(params)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad-params');
        expect(r.error.message).toMatch(/^The request for connect was malformed/);
      }
    }
    expect(calls).toHaveLength(0);
  });

  it('has a parameter schema for every method the host offers, and the host offers every method with a schema', async () => {
    const service = new AppService({ shell: 'web', settings: new SettingsStore(path.join(tempDir('rd-ipc-'), 'settings.json')) });
    try {
      const offered = publicMethodsOf(service).filter((m) => !HOST_ONLY_METHODS.has(m));
      const withoutSchema = offered.filter((m) => !(API_METHODS as string[]).includes(m));
      expect(withoutSchema, 'methods the host offers with no parameter schema in shared/api/features/*.ts').toEqual([]);
      expect([...API_METHODS].sort()).toEqual(offered.sort());
    } finally {
      await service.close();
    }
  });

  it('has a parameter schema for every method, and every schema refuses a non-array', async () => {
    const { api } = fakeApi();
    expect(API_METHODS.length).toBeGreaterThan(10);
    for (const m of API_METHODS) {
      const r = await dispatchCall(api, m, { 0: 'x' });
      expect(r.ok, m).toBe(false);
    }
  });
});
