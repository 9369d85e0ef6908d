// The Electron shell's security policy as plain data and functions, so that it can be checked in
// Node without the Electron binary (test/unit/ipcSecurity.test.ts). main.ts and ipc.ts apply it,
// passing Electron's objects to the functions below, which name only the parts they use.
import type { ApiErrorPayload, ReaderDeskApi } from '../shared/api/contract.ts';
import { dispatchCall, type DispatchResult } from './host/app/dispatch.ts';
import { toApiError } from './host/app/userMessage.ts';
import { HostError } from '../shared/errors/hostError.ts';

/** The subset of Electron's WebPreferences ReaderDesk sets (kept structural so this file needs no electron import). */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  devTools: boolean;
}

export function secureWebPreferences(preload: string, opts: { devTools?: boolean } = {}): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: opts.devTools ?? false,
  };
}

/** The page may load its own files and nothing else; it talks to the host over IPC, not the network. */
export const ELECTRON_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Nothing leaves the machine: only the app's own scheme (and DevTools in development) load; not even file://. */
export function isAllowedRequest(url: string): boolean {
  return /^(readerdesk|devtools|data):/i.test(url);
}

/** The app is one local page: no navigation away from it, no new windows, no webviews. */
export function allowNavigation(_url: string): false {
  return false;
}
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, notifications, serial/HID/USB from the page, clipboard…: all refused (serial ports go through the host). */
export function allowPermission(_permission: string): false {
  return false;
}

/** An Electron event whose default (navigate, download, attach…) can be prevented. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of a webContents the navigation policy hooks into; main.ts passes Electron's. */
export interface GuardableContents {
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Applied to every webContents as it is created: no webviews, no navigation away, no new windows. */
export function guardWebContents(contents: GuardableContents): void {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e, url) => {
    if (!allowNavigation(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!allowNavigation(url)) e.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
}

type Headers = Record<string, string | string[]>;

/** The part of Electron's session the lock-down uses; main.ts passes session.defaultSession. */
export interface LockableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'select-serial-port', listener: (event: PreventableEvent, ports: unknown[], webContents: unknown, callback: (portId: string) => void) => void): unknown;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers }) => void) => void): void;
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
}

/** Every permission refused, no page-side serial ports or downloads, the CSP on every response, nothing from the network. */
export function lockDownSession(s: LockableSession): void {
  s.setPermissionRequestHandler((_wc, permission, cb) => cb(allowPermission(permission)));
  s.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  s.setDevicePermissionHandler(() => false);
  s.on('select-serial-port', (e, _ports, _wc, cb) => {
    e.preventDefault();
    cb('');
  });
  s.on('will-download', (e) => e.preventDefault());
  s.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
  s.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !isAllowedRequest(details.url) }));
}

export interface CallSender {
  /** webContents id of the sender and of ReaderDesk's window. */
  senderId: number;
  windowId: number;
  /** URL of the frame that sent the call, and whether it is the top frame. */
  frameUrl: string;
  isMainFrame: boolean;
}

/** Only ReaderDesk's own window, its top frame, showing the app's own index.html, may call the host. */
export function isTrustedSender(sender: CallSender, expectedUrl: string): boolean {
  if (sender.senderId !== sender.windowId || !sender.isMainFrame) return false;
  try {
    const got = new URL(sender.frameUrl);
    const want = new URL(expectedUrl);
    return got.protocol === want.protocol && got.host === want.host && got.pathname === want.pathname;
  } catch {
    return false;
  }
}

const FORBIDDEN: ApiErrorPayload = toApiError(new HostError('forbidden', {}));

/** What ipc.ts runs for every invoke: sender check first, then the contract's schema check in dispatchCall. */
export async function guardedCall(api: ReaderDeskApi, sender: CallSender, expectedUrl: string, method: unknown, params: unknown): Promise<DispatchResult> {
  if (!isTrustedSender(sender, expectedUrl)) return { ok: false, error: FORBIDDEN };
  return dispatchCall(api, method, params);
}
