import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FILE_KIND_EXTENSIONS, type FileCheck, type FileKind, type FilesApi, type FolderEntry, type FolderListing } from '../../../../shared/api/features/files.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import type { AppContext } from '../appContext.ts';

/** A folder with more entries than this is cut (the browser says so by its type filter and breadcrumbs). */
const MAX_ENTRIES = 5000;

class FilesError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Only the web shell's own client (token, loopback) browses the host's folders; the desktop app has native dialogs. */
function webShellOnly(ctx: AppContext, what: string): void {
  if (ctx.shell !== 'web') throw new FilesError('web-shell-only', `${what} belongs to the web shell; the desktop app uses the system's file dialogs.`);
}

async function check(abs: string): Promise<FileCheck> {
  const st = await fs.stat(abs).catch(() => undefined);
  const dir = await fs.stat(path.dirname(abs)).catch(() => undefined);
  return { path: abs, exists: st !== undefined, isFolder: st?.isDirectory() ?? false, folderExists: dir?.isDirectory() ?? false };
}

function crumbsOf(abs: string): { name: string; path: string }[] {
  const { root } = path.parse(abs);
  const out = [{ name: root, path: root }];
  let at = root;
  for (const part of abs.slice(root.length).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    out.push({ name: part, path: at });
  }
  return out;
}

function folderProblem(folder: string, err: unknown): FilesError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new FilesError('no-folder', `The folder ${folder} does not exist.`);
  if (code === 'ENOTDIR') return new FilesError('not-a-folder', `${folder} is a file, not a folder.`);
  if (code === 'EACCES' || code === 'EPERM') return new FilesError('no-access', `ReaderDesk may not look into ${folder}.`);
  return new FilesError('folder', `The folder ${folder} could not be listed: ${(err as Error).message}`);
}

/** Host side of the Files slice: the web shell's file browser, typed paths, picks and recent files. */
export function createFilesService(ctx: AppContext): FilesApi {
  const startFolder = async (): Promise<string> => {
    const last = ctx.settings.get().lastFolder;
    if (last && (await fs.stat(last).catch(() => undefined))?.isDirectory()) return last;
    return os.homedir();
  };

  return {
    // Electron answers this in ipc.ts with its native dialog before it reaches the host; the web
    // shell's renderer answers it with its file browser. Here it only says that nothing was chosen.
    async chooseFile() {
      return null;
    },

    async listFolder(folder, kind): Promise<FolderListing> {
      webShellOnly(ctx, 'Browsing folders');
      const abs = folder === null ? await startFolder() : resolveUserPath(folder);
      let dirents;
      try {
        dirents = await fs.readdir(abs, { withFileTypes: true });
      } catch (err) {
        throw folderProblem(abs, err);
      }
      const exts = kind ? FILE_KIND_EXTENSIONS[kind] : null;
      const entries: FolderEntry[] = [];
      for (const d of dirents.slice(0, MAX_ENTRIES)) {
        // Hidden files and folders stay hidden, as in the system's own dialogs.
        if (d.name.startsWith('.')) continue;
        const full = path.join(abs, d.name);
        const st = d.isSymbolicLink() ? await fs.stat(full).catch(() => undefined) : undefined;
        const isFolder = d.isDirectory() || (st?.isDirectory() ?? false);
        if (!isFolder) {
          const ext = path.extname(d.name).slice(1).toLowerCase();
          if (exts && !exts.includes(ext)) continue;
        }
        const info = st ?? (await fs.stat(full).catch(() => undefined));
        entries.push({
          name: d.name,
          kind: isFolder ? 'folder' : 'file',
          size: isFolder ? null : (info?.size ?? null),
          modified: info ? Math.round(info.mtimeMs) : null,
        });
      }
      entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
      const parent = path.dirname(abs);
      return { path: abs, parent: parent === abs ? null : parent, crumbs: crumbsOf(abs), entries, home: os.homedir(), separator: path.sep };
    },

    async checkPath(input) {
      return check(resolveUserPath(input));
    },

    async pickFile(input, purpose, kind: FileKind, replace) {
      webShellOnly(ctx, 'Picking a file by name');
      const abs = resolveUserPath(input);
      const found = await check(abs);
      if (found.isFolder) throw new FilesError('is-folder', `${abs} is a folder; choose a file in it, or type a file name.`);
      if (purpose === 'open' && !found.exists) throw new FilesError('no-file', `${abs} does not exist; choose a file that is there.`);
      if (purpose === 'save' && !found.folderExists) throw new FilesError('no-folder', `The folder ${path.dirname(abs)} does not exist; choose an existing folder.`);
      ctx.files.grant(abs, purpose, kind, replace);
      await ctx.settings.update({ lastFolder: path.dirname(abs) }).catch(() => undefined);
      return found;
    },

    async recentFilesOf(kind) {
      return ctx.settings.recentFiles(kind);
    },
  };
}
