import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FILE_KIND_EXTENSIONS, fileKindOf, type DroppedFile, type FileCheck, type FileKind, type FilesApi, type FolderEntry, type FolderListing } from '../../../../shared/api/features/files.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import { writeFileAtomic } from '../../../../node/files/atomicWrite.ts';
import type { AppContext } from '../appContext.ts';
import { HostError } from '../../../../shared/errors/hostError.ts';
import { errnoOf, fileProblem } from '../../../../shared/errors/fileProblem.ts';

/** A folder with more entries than this is cut (the browser says so by its type filter and breadcrumbs). */
const MAX_ENTRIES = 5000;

/** Only the web shell's own client (token, loopback) browses the host's folders; the desktop app has native dialogs. */
function webShellOnly(ctx: AppContext): void {
  if (ctx.shell !== 'web') throw new HostError('files.web-shell-only', {});
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

function folderProblem(folder: string, err: unknown): HostError {
  const code = errnoOf(err);
  if (code === 'ENOENT') return new HostError('files.no-folder', { folder });
  if (code === 'ENOTDIR') return new HostError('files.not-a-folder', { folder });
  if (code === 'EACCES' || code === 'EPERM') return new HostError('files.no-access', { folder });
  return new HostError('files.unlistable', { folder, why: fileProblem(code) });
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
      webShellOnly(ctx);
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
      webShellOnly(ctx);
      const abs = resolveUserPath(input);
      const found = await check(abs);
      if (found.isFolder) throw new HostError('files.is-folder', { file: abs });
      if (purpose === 'open' && !found.exists) throw new HostError('files.no-file', { file: abs });
      if (purpose === 'save' && !found.folderExists) throw new HostError('export.no-folder', { folder: path.dirname(abs) });
      ctx.files.grant(abs, purpose, kind, replace);
      await ctx.settings.update({ lastFolder: path.dirname(abs) }).catch(() => undefined);
      return found;
    },

    async recentFilesOf(kind) {
      return ctx.settings.recentFiles(kind);
    },

    async keepDroppedFile(name, contentBase64): Promise<DroppedFile> {
      const kind = fileKindOf(name);
      if (!kind) throw new HostError('files.drop-kind', { name });
      // ReaderDesk's own folder, never a place of the user's: each drop in a folder of its own keeps its name.
      const root = path.join(ctx.settings.folder, 'dropped');
      await fs.mkdir(root, { recursive: true });
      const dir = await fs.mkdtemp(path.join(root, 'drop-'));
      const file = path.join(dir, name);
      await writeFileAtomic(file, Buffer.from(contentBase64, 'base64'), { mode: 0o600 });
      ctx.files.grant(file, 'open', kind);
      return { path: file, kind };
    },
  };
}
