// Electron main process: windows, security settings and IPC wiring only. All logic lives in host/.
import { app, BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { AppService } from './host/app/appService.ts';
import { startSimulator, type RunningSimulator } from '../simulator/startSimulator.ts';
import { registerIpc } from './ipc.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let service: AppService | undefined;
let sim: RunningSimulator | undefined;

export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    spellcheck: false,
  };
}

async function createWindow(): Promise<void> {
  const rendererIndex = path.join(app.getAppPath(), 'dist-renderer', 'index.html');
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'ReaderDesk',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  // The app is local-only: no navigation away, no new windows, links go to the system browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://docs.baltech.de/')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  registerIpc(service!, win.webContents);
  await win.loadFile(rendererIndex);
}

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // Nothing leaves the machine: block every request that is not a local file.
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !/^(file|devtools|data):/.test(details.url) }));
  if (process.env.READERDESK_NO_SIM !== '1') {
    const stateDir = process.env.READERDESK_SIM_STATE ?? path.join(app.getPath('userData'), 'virtual-reader');
    sim = await startSimulator({ stateDir }).catch(() => undefined);
  }
  service = new AppService({ shell: 'electron', simulatorAddress: sim?.address ?? null });
  await createWindow();
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', async () => {
  await service?.close();
  await sim?.stop();
  app.quit();
});
