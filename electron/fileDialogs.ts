// The desktop app's answer to chooseFile: Electron's native open and save dialogs, with a filter per
// kind of file. Electron's dialog module comes in as a parameter (main.ts passes it through ipc.ts),
// so that test/unit/fileDialogs.test.ts runs this against a fake without the Electron binary.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FILE_KIND_EXTENSIONS, type ChooseFileRequest, type ChosenFile, type FileKind, type FilePurpose } from '../shared/api/features/files.ts';
import { resolveUserPath } from './host/files/userPath.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The part of Electron's `dialog` that chooseFile uses. */
export interface DialogPort {
  showOpenDialog(window: unknown, options: { title?: string; defaultPath?: string; filters: FileFilter[]; properties: string[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: unknown, options: { title?: string; defaultPath?: string; filters: FileFilter[]; properties: string[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

/** What the dialog needs from the host: where to start, and where to record the user's choice. */
export interface FileDialogHost {
  /** The folder of the file last picked, or null. */
  lastFolder(): string | null;
  /** Records the user's pick, so the host may then read or write that file. */
  grant(file: string, purpose: FilePurpose, kind: FileKind, replace: boolean): void;
}

const FILTER_NAMES: Record<FileKind, string> = {
  balcfg: 'ReaderDesk configuration (BALCFG)',
  bec2: 'Finalized configuration (BEC2)',
  csv: 'Users (CSV)',
  doorfile: 'Door file (JSON or binary)',
  report: 'Report (CSV or JSON)',
  key: 'Site key file',
};

/** The filters of one kind: its own file types first, then every file. */
export function filtersFor(kind: FileKind): FileFilter[] {
  return [
    { name: FILTER_NAMES[kind], extensions: [...FILE_KIND_EXTENSIONS[kind]] },
    { name: 'All files', extensions: ['*'] },
  ];
}

/** Where the dialog opens: the suggested path (a bare name goes into the last folder used), else the last folder, else home. */
export function defaultPathFor(request: ChooseFileRequest, lastFolder: string | null): string {
  const folder = lastFolder && isFolder(lastFolder) ? lastFolder : os.homedir();
  const suggested = request.suggested?.trim();
  if (!suggested) return folder;
  if (!/[/\\]/.test(suggested) && !suggested.startsWith('~')) return path.join(folder, suggested);
  return resolveUserPath(suggested);
}

/** Shows the native dialog for `request`; the chosen file is granted to the host for that purpose. */
export async function chooseWithDialog(dialog: DialogPort, window: unknown, request: ChooseFileRequest, host: FileDialogHost): Promise<ChosenFile> {
  const options = { title: request.title, defaultPath: defaultPathFor(request, host.lastFolder()), filters: filtersFor(request.kind) };
  if (request.purpose === 'open') {
    const r = await dialog.showOpenDialog(window, { ...options, properties: ['openFile'] });
    const file = r.canceled ? undefined : r.filePaths[0];
    if (!file) return null;
    host.grant(file, 'open', request.kind, false);
    return { path: file, replace: false };
  }
  // The save dialog itself asks before an existing file is replaced (showOverwriteConfirmation on Linux; always on Windows and macOS).
  const r = await dialog.showSaveDialog(window, { ...options, properties: ['createDirectory', 'showOverwriteConfirmation'] });
  if (r.canceled || !r.filePath) return null;
  const replace = fs.existsSync(r.filePath);
  host.grant(r.filePath, 'save', request.kind, replace);
  return { path: r.filePath, replace };
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
