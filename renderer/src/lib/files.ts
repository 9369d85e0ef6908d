// Picking files the same way in both shells: chooseFile is answered by Electron's native dialogs,
// and in the web shell by the in-app file browser, after which the host is told what was picked.

import i18next from 'i18next';
import type { ReaderDeskApi } from '../../../shared/api/contract.ts';
import type { ChooseFileRequest, ChosenFile, FileKind } from '../../../shared/api/features/files.ts';
import { isHostText } from '../../../shared/errors/hostText.ts';
import { useAppInfo } from '../stores/appInfo.ts';
import { askConfirm, browseFor } from '../stores/dialogs.ts';

export async function chooseFile(api: ReaderDeskApi, request: ChooseFileRequest): Promise<ChosenFile> {
  if (useAppInfo.getState().info?.shell === 'electron') return api.chooseFile(request);
  const path = await browseFor(request);
  if (path === null) return null;
  const check = await api.pickFile(path, request.purpose, request.kind, false);
  if (request.purpose === 'save' && check.exists) {
    if (!(await confirmReplace(check.path))) return null;
    await api.pickFile(check.path, 'save', request.kind, true);
    return { path: check.path, replace: true };
  }
  return { path: check.path, replace: false };
}

function confirmReplace(file: string): Promise<boolean> {
  const t = i18next.t.bind(i18next);
  return askConfirm({
    title: t('shell.files.replaceTitle'),
    text: t('shell.files.replaceText', { file }),
    confirm: t('shell.files.replace'),
    cancel: t('shell.files.keep'),
    danger: true,
  });
}

/** The file a host error about an existing file names, if it is one. */
function existingFileOf(err: unknown): string | null {
  if (!isHostText(err) || err.code !== 'files.exists') return null;
  const file = err.params.file;
  return typeof file === 'string' ? file : null;
}

/**
 * Runs a write; when the host says the file is there already, asks the user and, on yes, runs it
 * again with their consent. Resolves undefined when the user keeps the file.
 */
export async function withReplaceConsent<T>(api: ReaderDeskApi, kind: FileKind, write: () => Promise<T>): Promise<T | undefined> {
  // A write of several files (a door file and its binary export) may ask about each of them.
  for (let asked = 0; ; asked++) {
    try {
      return await write();
    } catch (err) {
      const file = existingFileOf(err);
      if (!file || asked >= 3) throw err;
      if (!(await confirmReplace(file))) return undefined;
      await api.pickFile(file, 'save', kind, true);
    }
  }
}
