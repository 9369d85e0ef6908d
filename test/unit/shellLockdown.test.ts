// What main.ts applies to Electron's default session and to every webContents, run against fakes
// that record the handlers the way Electron would call them.
import { describe, expect, it } from 'vitest';
import { ELECTRON_CSP, guardWebContents, lockDownSession, type GuardableContents, type LockableSession, type PreventableEvent } from '../../electron/shellPolicy.ts';

type Listener = (...args: never[]) => unknown;

class FakeEvent implements PreventableEvent {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Fires an event as Electron does and says whether any listener prevented its default. */
  fire(event: string, ...args: unknown[]): boolean {
    const e = new FakeEvent();
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(e, ...args);
    return e.prevented;
  }
}

class FakeContents extends FakeEmitter implements GuardableContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

type Headers = Record<string, string | string[]>;

class FakeSession extends FakeEmitter implements LockableSession {
  requestHandler?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  checkHandler?: (wc: unknown, permission: string) => boolean;
  deviceHandler?: () => boolean;
  headersListener?: (details: { responseHeaders?: Headers }, cb: (r: { responseHeaders?: Headers }) => void) => void;
  requestListener?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
  setPermissionRequestHandler(h: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = h;
  }
  setDevicePermissionHandler(h: NonNullable<FakeSession['deviceHandler']>): void {
    this.deviceHandler = h;
  }
  webRequest = {
    onHeadersReceived: (l: NonNullable<FakeSession['headersListener']>) => {
      this.headersListener = l;
    },
    onBeforeRequest: (l: NonNullable<FakeSession['requestListener']>) => {
      this.requestListener = l;
    },
  };
  /** What the session answers for one request: cancelled or not, and the response headers it ends up with. */
  load(url: string, responseHeaders: Headers): { cancel: boolean | undefined; headers: Headers | undefined } {
    let cancel: boolean | undefined;
    let headers: Headers | undefined;
    this.requestListener!({ url }, (r) => (cancel = r.cancel));
    this.headersListener!({ responseHeaders }, (r) => (headers = r.responseHeaders));
    return { cancel, headers };
  }
}

describe('every webContents', () => {
  it('may not navigate or redirect anywhere, open windows or attach webviews', () => {
    const contents = new FakeContents();
    guardWebContents(contents);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'file:///opt/ReaderDesk/resources/app.asar/dist-renderer/index.html']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(contents.fire('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('the default session', () => {
  it('refuses every permission, asked or checked, and every device', () => {
    const s = new FakeSession();
    lockDownSession(s);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'serial', 'hid', 'usb']) {
      let granted: boolean | undefined;
      s.requestHandler!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(s.checkHandler!({}, permission), permission).toBe(false);
    }
    expect(s.deviceHandler!()).toBe(false);
  });

  it('picks no serial port for the page and lets nothing download', () => {
    const s = new FakeSession();
    lockDownSession(s);
    const picked: string[] = [];
    expect(s.fire('select-serial-port', [{ portId: 'p1' }], {}, (id: string) => picked.push(id))).toBe(true);
    expect(picked).toEqual(['']);
    expect(s.fire('will-download', {}, {})).toBe(true);
  });

  it('loads only the app’s own scheme, each response with the app’s CSP, and cancels file:// and the network', () => {
    const s = new FakeSession();
    lockDownSession(s);
    const page = s.load('readerdesk://app/index.html', { 'Content-Type': ['text/html'] });
    expect(page.cancel).toBe(false);
    expect(page.headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [ELECTRON_CSP] });
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/api', 'ws://localhost:1/api', 'file:///etc/passwd']) {
      expect(s.load(url, {}).cancel, url).toBe(true);
    }
    // A page that brings its own, looser policy still ends up with the app's.
    expect(s.load('readerdesk://app/x.html', { 'Content-Security-Policy': ["default-src *"] }).headers?.['Content-Security-Policy']).toEqual([ELECTRON_CSP]);
  });
});
