// Electron main process: windows, security settings and IPC wiring only. All logic lives in host/;
// the policy itself (web preferences, CSP, what may load, who may call) is in shellPolicy.ts.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppService } from './host/app/appService.ts';
import type { RunningSimulator } from '../simulator/startSimulator.ts';
import { startEmbeddedSimulator } from '../simulator/startEmbeddedSimulator.ts';
import { registerIpc } from './ipc.ts';
import { guardWebContents, lockDownSession, secureWebPreferences } from './shellPolicy.ts';

export { secureWebPreferences } from './shellPolicy.ts';

let service: AppService | undefined;
let sim: RunningSimulator | undefined;

// Every renderer sandboxed, whatever a window asks for; one instance owns the serial ports.
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

async function createWindow(): Promise<BrowserWindow> {
  const rendererIndex = path.join(app.getAppPath(), 'dist-renderer', 'index.html');
  const webPreferences = secureWebPreferences(path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged });
  // Readable from the main process (test/electron evaluates it next to the live window's settings).
  (globalThis as Record<string, unknown>).readerdeskWebPreferences = webPreferences;
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'ReaderDesk',
    show: false,
    backgroundColor: '#17191d',
    webPreferences,
  });
  win.once('ready-to-show', () => win.show());
  registerIpc(ipcMain, service!, win.webContents, pathToFileURL(rendererIndex).href);
  await win.loadFile(rendererIndex);
  return win;
}

app.on('web-contents-created', (_e, contents) => guardWebContents(contents));

app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(async () => {
  lockDownSession(session.defaultSession);
  if (process.env.READERDESK_NO_SIM !== '1') {
    const stateDir = process.env.READERDESK_SIM_STATE ?? path.join(app.getPath('userData'), 'virtual-reader');
    sim = await startEmbeddedSimulator(stateDir).catch(() => undefined);
  }
  service = new AppService({ shell: 'electron', simulatorAddress: sim?.address ?? null });
  await createWindow();
});

let quitting = false;
app.on('window-all-closed', () => {
  if (quitting) return;
  quitting = true;
  void (async () => {
    await service?.close().catch(() => undefined);
    await sim?.stop().catch(() => undefined);
    app.quit();
  })();
});
