// Electron main process: windows, security settings and IPC wiring only. All logic lives in host/;
// the policy itself (web preferences, CSP, what may load, who may call) is in shellPolicy.ts.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import path from 'node:path';
import { AppService } from './host/app/appService.ts';
import { SettingsStore } from './host/app/settings.ts';
import type { RunningSimulator } from '../simulator/startSimulator.ts';
import { startEmbeddedSimulator } from '../simulator/startEmbeddedSimulator.ts';
import { registerIpc } from './ipc.ts';
import type { DialogPort } from './fileDialogs.ts';
import { guardWebContents, lockDownSession, secureWebPreferences } from './shellPolicy.ts';
import { APP_INDEX_URL, APP_SCHEME, serveAppRequest } from './appProtocol.ts';

export { secureWebPreferences } from './shellPolicy.ts';

let service: AppService | undefined;
let sim: RunningSimulator | undefined;

// One instance owns the serial ports: a second one hands over to the first and does nothing else.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

async function createWindow(): Promise<BrowserWindow> {
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
  const host = service!;
  // chooseFile is answered by the native dialogs; what the user picks is granted to the host.
  registerIpc(ipcMain, service!, win.webContents, APP_INDEX_URL, {
    dialog: dialog as unknown as DialogPort,
    window: win,
    host: {
      lastFolder: () => host.context.settings.get().lastFolder,
      grant: (file, purpose, kind, replace) => {
        host.context.files.grant(file, purpose, kind, replace);
        void host.context.settings.update({ lastFolder: path.dirname(file) }).catch(() => undefined);
      },
    },
  });
  await win.loadURL(APP_INDEX_URL);
  return win;
}

/** Everything the app does, run only by the instance that holds the lock. */
function start(): void {
  // Every renderer sandboxed, whatever a window asks for.
  app.enableSandbox();
  // A standard, secure scheme: a real origin for 'self' in the CSP, no file:// privileges.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

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
    const rendererDir = path.join(app.getAppPath(), 'dist-renderer');
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir));
    if (process.env.READERDESK_NO_SIM !== '1') {
      const stateDir = process.env.READERDESK_SIM_STATE ?? path.join(app.getPath('userData'), 'virtual-reader');
      sim = await startEmbeddedSimulator(stateDir).catch(() => undefined);
    }
    // Settings where the OS expects an app's own files (Electron's userData folder).
    const settings = new SettingsStore(path.join(app.getPath('userData'), 'settings.json'));
    service = new AppService({ shell: 'electron', simulatorAddress: sim?.address ?? null, settings });
    await createWindow();
    service.start();
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
}
