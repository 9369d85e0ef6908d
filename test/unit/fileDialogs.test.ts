// chooseFile in the desktop app: registerIpc (electron/ipc.ts) with Electron's dialog module
// replaced by a fake that records what it was asked and answers as the user would, next to a real
// host in the desktop app's file mode (it uses only files picked in a dialog).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CHANNEL_CALL } from '../../shared/api/contract.ts';
import { registerIpc, type AppWindowContents, type InvokeEventSource, type IpcMainPort } from '../../electron/ipc.ts';
import type { DialogPort, FileFilter } from '../../electron/fileDialogs.ts';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import { tempDir } from '../helpers/processes.ts';

const INDEX = 'readerdesk://app/index.html';
type Listener = (event: InvokeEventSource, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(from: InvokeEventSource, method: string, params: unknown): Promise<unknown> {
    return Promise.resolve(this.handlers.get(IPC_CHANNEL_CALL)!(from, method, params));
  }
}

class FakeWindow implements AppWindowContents {
  readonly id = 3;
  readonly mainFrame = { url: INDEX };
  isDestroyed = () => false;
  send(): void {}
  once(): this {
    return this;
  }
  top(): InvokeEventSource {
    return { sender: this, senderFrame: this.mainFrame };
  }
  iframe(): InvokeEventSource {
    return { sender: this, senderFrame: { url: INDEX } };
  }
}

type Shown = { kind: 'open' | 'save'; window: unknown; title?: string; defaultPath?: string; filters: FileFilter[]; properties: string[] };

/** Electron's dialog as the user answers it: `answer` is the path they pick, or null for Cancel. */
class FakeDialog implements DialogPort {
  readonly shown: Shown[] = [];
  answer: string | null = null;
  async showOpenDialog(window: unknown, o: Omit<Shown, 'kind' | 'window'>) {
    this.shown.push({ kind: 'open', window, ...o });
    return this.answer ? { canceled: false, filePaths: [this.answer] } : { canceled: true, filePaths: [] };
  }
  async showSaveDialog(window: unknown, o: Omit<Shown, 'kind' | 'window'>) {
    this.shown.push({ kind: 'save', window, ...o });
    return this.answer ? { canceled: false, filePath: this.answer } : { canceled: true };
  }
}

const services: AppService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

function setUp() {
  const settings = new SettingsStore(path.join(tempDir('rd-dlg-'), 'settings.json'));
  const service = new AppService({ shell: 'electron', settings });
  services.push(service);
  const ipcMain = new FakeIpcMain();
  const win = new FakeWindow();
  const dialog = new FakeDialog();
  const windowHandle = { browserWindow: 3 };
  registerIpc(ipcMain, service, win, INDEX, {
    dialog,
    window: windowHandle,
    host: {
      lastFolder: () => settings.get().lastFolder,
      grant: (file, purpose, kind, replace) => service.context.files.grant(file, purpose, kind, replace),
    },
  });
  const call = (method: string, ...params: unknown[]) => ipcMain.invoke(win.top(), method, params);
  return { ipcMain, win, dialog, windowHandle, service, call, settings };
}

describe('native file dialogs behind chooseFile', () => {
  it('opens the system dialog on the app window with the filter of the kind of file, and the host may then read what was picked', async () => {
    const { dialog, windowHandle, call } = setUp();
    const dir = tempDir('rd-dlg-files-');
    const file = path.join(dir, 'site.balcfg');
    // Not picked yet: the desktop app refuses a path it was only told.
    fs.writeFileSync(file, '{}');
    expect(await call('configOpen', file)).toMatchObject({ ok: false, error: { code: 'files.not-chosen-read', message: expect.stringContaining(`pick ${file} with "Choose…" first`) } });

    dialog.answer = file;
    expect(await call('chooseFile', { purpose: 'open', kind: 'balcfg', title: 'Open configuration' })).toEqual({ ok: true, result: { path: file, replace: false } });
    expect(dialog.shown).toEqual([
      {
        kind: 'open',
        window: windowHandle,
        title: 'Open configuration',
        defaultPath: os.homedir(),
        filters: [
          { name: 'ReaderDesk configuration (BALCFG)', extensions: ['balcfg'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      },
    ]);
    // Picked: the host reads it (and says what is wrong with its content, not that it may not).
    expect(await call('configOpen', file)).toMatchObject({ ok: false, error: { message: expect.not.stringContaining('Choose…') } });
  });

  it('asks where to save with the overwrite question of the system, in the last folder used, and grants replacing only what the user agreed to', async () => {
    const { dialog, call, settings } = setUp();
    const dir = tempDir('rd-dlg-files-');
    await settings.update({ lastFolder: dir });
    const existing = path.join(dir, 'report.csv');
    fs.writeFileSync(existing, 'old');
    dialog.answer = existing;
    expect(await call('chooseFile', { purpose: 'save', kind: 'report', suggested: 'deploy-report.csv' })).toEqual({ ok: true, result: { path: existing, replace: true } });
    expect(dialog.shown[0]).toMatchObject({
      kind: 'save',
      defaultPath: path.join(dir, 'deploy-report.csv'),
      filters: [{ name: 'Report (CSV or JSON)', extensions: ['csv', 'json'] }, { name: 'All files', extensions: ['*'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    const other = path.join(dir, 'events.csv');
    // A path the user never chose is not written, even where nothing is in the way.
    expect(await call('exportEvents', other, 'csv')).toMatchObject({ ok: false, error: { code: 'files.not-chosen-write' } });
    expect(fs.existsSync(other)).toBe(false);
    expect(await call('exportEvents', existing, 'csv')).toMatchObject({ ok: true });
    expect(fs.readFileSync(existing, 'utf8')).toMatch(/^time,reader,event/);
  });

  it('answers null when the user cancels, and shows no dialog for a call from a frame that is not the app or with bad parameters', async () => {
    const { ipcMain, win, dialog, call } = setUp();
    dialog.answer = null;
    expect(await call('chooseFile', { purpose: 'open', kind: 'bec2' })).toEqual({ ok: true, result: null });
    expect(dialog.shown).toHaveLength(1);
    expect(await ipcMain.invoke(win.iframe(), 'chooseFile', [{ purpose: 'open', kind: 'bec2' }])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('chooseFile', { purpose: 'delete', kind: 'bec2' })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(await call('chooseFile', { purpose: 'open', kind: 'bec2', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(dialog.shown).toHaveLength(1);
  });

  it('keeps the web shell\'s file browser and typed picks out of the desktop app', async () => {
    const { call } = setUp();
    expect(await call('listFolder', null, null)).toMatchObject({ ok: false, error: { code: 'files.web-shell-only' } });
    expect(await call('pickFile', '/etc/passwd', 'open', 'csv', false)).toMatchObject({ ok: false, error: { code: 'files.web-shell-only' } });
  });
});
