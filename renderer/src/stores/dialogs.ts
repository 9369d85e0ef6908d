// App-wide dialogs that code outside React asks for and waits on: a yes/no question, and the web
// shell's file browser (the answer to chooseFile there).

import { create } from 'zustand';
import type { ChooseFileRequest } from '../../../shared/api/features/files.ts';

export interface ConfirmRequest {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  /** A destructive yes (replace, discard) is shown as such. */
  danger?: boolean;
}

interface DialogState {
  confirm: (ConfirmRequest & { resolve: (yes: boolean) => void }) | null;
  browse: (ChooseFileRequest & { resolve: (path: string | null) => void }) | null;
  /** What had the focus when a dialog opened: it gets it back when the dialog closes, so focus never falls to the page. */
  opener: HTMLElement | null;
}

function activeElement(): HTMLElement | null {
  return typeof document !== 'undefined' && document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
}

/** Gives the focus back to what opened the dialog (called as the dialog closes). */
export function restoreFocus(e: Event): void {
  const opener = useDialogs.getState().opener;
  if (opener && opener.isConnected) {
    e.preventDefault();
    opener.focus();
  }
}

export const useDialogs = create<DialogState>(() => ({ confirm: null, browse: null, opener: null }));

/** Asks a yes/no question; resolves false when dismissed (Esc, Cancel). */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    useDialogs.getState().confirm?.resolve(false);
    useDialogs.setState({ confirm: { ...request, resolve }, opener: activeElement() ?? useDialogs.getState().opener });
  });
}

export function answerConfirm(yes: boolean): void {
  const c = useDialogs.getState().confirm;
  useDialogs.setState({ confirm: null });
  c?.resolve(yes);
}

/** Opens the in-app file browser; resolves with the path chosen, or null. */
export function browseFor(request: ChooseFileRequest): Promise<string | null> {
  return new Promise((resolve) => {
    useDialogs.getState().browse?.resolve(null);
    useDialogs.setState({ browse: { ...request, resolve }, opener: activeElement() });
  });
}

export function answerBrowse(path: string | null): void {
  const b = useDialogs.getState().browse;
  useDialogs.setState({ browse: null });
  b?.resolve(path);
}
