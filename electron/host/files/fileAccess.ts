// Which files the host may touch for the user (issue 11, "File access through the API"): it reads
// only files the user picked and writes only where the user chose to, never over an existing file
// without the user's yes. In the desktop app the native dialogs are the only way to pick; in the web
// shell the user's own client (token, loopback) names paths by typing or through its file browser.

import fs from 'node:fs';
import type { FileKind, FilePurpose } from '../../../shared/api/features/files.ts';
import { resolveUserPath } from './userPath.ts';
import { HostError } from '../../../shared/errors/hostError.ts';

/** 'dialog': only what the native dialogs granted (Electron). 'client': what the web shell's client names. */
export type FileAccessMode = 'dialog' | 'client';

interface Grant {
  read: boolean;
  write: boolean;
  /** The user agreed to replace the file that is there. */
  replace: boolean;
}


export class FileAccess {
  private readonly grants = new Map<string, Grant>();

  constructor(
    readonly mode: FileAccessMode,
    /** Files of a kind the user used before (the recent lists): picked once, they may be opened again. */
    private readonly recent: (kind: FileKind) => readonly string[] = () => [],
  ) {}

  /** The user picked `file` for `purpose` in a dialog or the file browser; `replace`: they agreed to replace it. */
  grant(file: string, purpose: FilePurpose, kind: FileKind, replace = false): string {
    const abs = resolveUserPath(file);
    const g = this.grants.get(abs) ?? { read: false, write: false, replace: false };
    if (purpose === 'open') {
      g.read = true;
      // The configuration being edited is saved back where it was opened from.
      if (kind === 'balcfg') g.write = g.replace = true;
    } else {
      g.write = true;
      g.replace = g.replace || replace;
      // A BALCFG just created is then opened and edited; a written file may be read back (deploying a finalized BEC2).
      g.read = true;
    }
    this.grants.set(abs, g);
    return abs;
  }

  /** The absolute path of a file the user picked to read, or a sentence saying to pick it. */
  forRead(input: string, kind: FileKind): string {
    const abs = resolveUserPath(input);
    if (this.mode === 'client' || this.grants.get(abs)?.read || this.recent(kind).includes(abs)) {
      // Opened, a BALCFG is the document being edited: it is saved back without asking.
      if (!this.grants.get(abs)?.read) this.grant(abs, 'open', kind);
      return abs;
    }
    throw new HostError('files.not-chosen-read', { file: abs });
  }

  /**
   * The absolute path to write, if the user chose it for writing; a file that is there already is
   * replaced only when the user said yes, otherwise the sentence asks.
   */
  forWrite(input: string): string {
    const abs = resolveUserPath(input);
    const g = this.grants.get(abs);
    if (this.mode === 'dialog' && !g?.write) {
      throw new HostError('files.not-chosen-write', { file: abs });
    }
    if (!g?.replace && exists(abs)) {
      // The UI asks the user with this sentence and the path in it ({file}), then picks it again with replace.
      throw new HostError('files.exists', { file: abs });
    }
    return abs;
  }

  /** The host wrote `file` for the user: the configuration being edited may be saved again without asking. */
  written(file: string, kind: FileKind): void {
    const g = this.grants.get(file) ?? { read: true, write: true, replace: false };
    g.read = true;
    if (kind === 'balcfg') g.write = g.replace = true;
    // Any other file written once is asked about again before it is replaced.
    else g.replace = false;
    this.grants.set(file, g);
  }

  /** Files the host found for the user in a document they opened (a BALCFG's finalized BEC2 files). */
  found(file: string): void {
    const g = this.grants.get(file) ?? { read: false, write: false, replace: false };
    g.read = true;
    this.grants.set(file, g);
  }
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
