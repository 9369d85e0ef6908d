import type { MethodNames } from '../methodNames.ts';

// Files slice of the ReaderDesk API: picking files (Electron's native dialogs, the web shell's file
// browser), the folder listing behind that browser, and recent files per kind.
// Every method added to FilesApi needs its name in FILES_METHODS and a schema in
// shared/api/params/files.ts (the host validates every call before it runs); the type check says which is missing.

/** The kinds of file ReaderDesk reads or writes; each has its own filter and recent list. */
export type FileKind = 'balcfg' | 'bec2' | 'csv' | 'doorfile' | 'report' | 'key';
export const FILE_KINDS = ['balcfg', 'bec2', 'csv', 'doorfile', 'report', 'key'] as const satisfies readonly FileKind[];

/** File name endings per kind, without the dot, for dialog filters and the file browser's type filter. */
export const FILE_KIND_EXTENSIONS: Readonly<Record<FileKind, readonly string[]>> = {
  balcfg: ['balcfg'],
  bec2: ['bec2'],
  csv: ['csv'],
  doorfile: ['json', 'bin'],
  report: ['csv', 'json'],
  /** A site key file: hex digits as text. */
  key: ['key', 'hex', 'txt'],
};

/** The kind a file name says it is, for files dropped onto the window and older settings; null when unsure. */
export function fileKindOf(file: string): 'balcfg' | 'bec2' | 'csv' | null {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === 'balcfg' ? 'balcfg' : ext === 'bec2' ? 'bec2' : ext === 'csv' ? 'csv' : null;
}

/** What the user is picking a file for: to read it, or to write it (a new file, or one to replace after asking). */
export type FilePurpose = 'open' | 'save';

export interface ChooseFileRequest {
  purpose: FilePurpose;
  kind: FileKind;
  /** A full path or a file name to start from (folder and name of the save dialog). */
  suggested?: string;
  /** The dialog's title, in the UI's language. */
  title?: string;
}

/** The user's choice; null when they cancelled. `replace`: a save over an existing file the user agreed to. */
export type ChosenFile = { path: string; replace: boolean } | null;

export interface FolderEntry {
  name: string;
  kind: 'folder' | 'file';
  /** Bytes, for files. */
  size: number | null;
  /** Milliseconds since 1970. */
  modified: number | null;
}

export interface FolderListing {
  /** The absolute folder listed. */
  path: string;
  /** The folder above, null at the root. */
  parent: string | null;
  /** From the root down to this folder, for breadcrumbs. */
  crumbs: { name: string; path: string }[];
  entries: FolderEntry[];
  /** The user's home folder, for the "Home" button. */
  home: string;
  /** The path separator of the host ("/" or "\\"). */
  separator: string;
}

export interface FileCheck {
  /** The absolute path the typed text stands for (`~` and relative paths count from the home folder). */
  path: string;
  exists: boolean;
  isFolder: boolean;
  /** The folder it would be written into exists. */
  folderExists: boolean;
}

export interface FilesApi {
  /**
   * Asks the user for a file. Electron answers with its native dialog; in the web shell the renderer
   * answers it with its file browser (and this call answers null).
   */
  chooseFile(request: ChooseFileRequest): Promise<ChosenFile>;
  /** The folders and files of a folder, for the web shell's file browser; null starts in the last folder used, then home. */
  listFolder(folder: string | null, kind: FileKind | null): Promise<FolderListing>;
  /** Where a typed path leads (the one rule for typed paths), and whether something is there. */
  checkPath(path: string): Promise<FileCheck>;
  /**
   * Records a file the user picked in the web shell's file browser or dropped onto the window, so
   * that the host may read it (open) or write it (save; `replace` when the user agreed to replace it).
   */
  pickFile(path: string, purpose: FilePurpose, kind: FileKind, replace: boolean): Promise<FileCheck>;
  /** Recently used files of one kind, newest first. */
  recentFilesOf(kind: FileKind): Promise<string[]>;
  /**
   * A BALCFG, BEC2 or CSV dropped onto the window: the page sees only its name and content, so the
   * host keeps a copy in ReaderDesk's own folder and answers where, for the page to open it.
   */
  keepDroppedFile(name: string, contentBase64: string): Promise<DroppedFile>;
}

/** The methods of FilesApi by name; their parameter schemas are in shared/api/params/files.ts. */
export const FILES_METHODS = {
  chooseFile: true,
  listFolder: true,
  checkPath: true,
  pickFile: true,
  recentFilesOf: true,
  keepDroppedFile: true,
} as const satisfies MethodNames<FilesApi>;

export interface DroppedFile {
  /** Where the host keeps the copy. */
  path: string;
  kind: 'balcfg' | 'bec2' | 'csv';
}

export type FilesEvent = never;
