// The Electron shell's security policy as plain data and functions, so that it can be checked in
// Node without the Electron binary (test/unit/ipcSecurity.test.ts). main.ts and ipc.ts apply it.
import type { ApiErrorPayload, ReaderDeskApi } from '../shared/api/contract.ts';
import { dispatchCall, type DispatchResult } from './host/app/dispatch.ts';

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

/** Nothing leaves the machine: only the app's own files (and DevTools in development) load. */
export function isAllowedRequest(url: string): boolean {
  return /^(file|devtools|data):/i.test(url);
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
    return got.protocol === 'file:' && got.pathname === want.pathname;
  } catch {
    return false;
  }
}

const FORBIDDEN: ApiErrorPayload = { code: 'forbidden', message: 'This window may not use ReaderDesk.' };

/** What ipc.ts runs for every invoke: sender check first, then the contract's schema check in dispatchCall. */
export async function guardedCall(api: ReaderDeskApi, sender: CallSender, expectedUrl: string, method: unknown, params: unknown): Promise<DispatchResult> {
  if (!isTrustedSender(sender, expectedUrl)) return { ok: false, error: FORBIDDEN };
  return dispatchCall(api, method, params);
}
