// The open BALCFG with its undo/redo history. It lives outside React so that switching to another
// page and back keeps the document, the unsaved edits and the history. Edits go through the pure
// model functions of shared/config/model.ts; every step is a new immutable document.

import { useSyncExternalStore } from 'react';
import type { Balcfg } from '../../../../shared/config/balcfg.ts';
import type { ConfigDocument } from '../../../../shared/api/features/config.ts';

const MAX_UNDO = 500;

export interface EditorState {
  readonly path: string | null;
  readonly present: Balcfg | null;
  /** The document as last read from or written to the file. */
  readonly saved: Balcfg | null;
  readonly past: readonly Balcfg[];
  readonly future: readonly Balcfg[];
}

const EMPTY: EditorState = { path: null, present: null, saved: null, past: [], future: [] };

let state: EditorState = EMPTY;
const listeners = new Set<() => void>();

function set(next: EditorState): void {
  state = next;
  for (const l of [...listeners]) l();
}

export const editor = {
  get: (): EditorState => state,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** A document fresh from the file: history starts over. */
  load(doc: ConfigDocument): void {
    set({ path: doc.path, present: doc.balcfg, saved: doc.balcfg, past: [], future: [] });
  },
  /** The file now holds `doc`; undo history stays so that edits before the save can still be undone. */
  markSaved(doc: ConfigDocument): void {
    set({ ...state, path: doc.path, present: doc.balcfg, saved: doc.balcfg });
  },
  /** Applies a pure edit; throws whatever the model throws, leaving the document unchanged. */
  edit(fn: (cfg: Balcfg) => Balcfg): void {
    if (!state.present) return;
    const next = fn(state.present);
    if (next === state.present) return;
    set({ ...state, present: next, past: [...state.past, state.present].slice(-MAX_UNDO), future: [] });
  },
  undo(): void {
    const prev = state.past[state.past.length - 1];
    if (!prev || !state.present) return;
    set({ ...state, present: prev, past: state.past.slice(0, -1), future: [state.present, ...state.future] });
  },
  redo(): void {
    const next = state.future[0];
    if (!next || !state.present) return;
    set({ ...state, present: next, past: [...state.past, state.present], future: state.future.slice(1) });
  },
  close(): void {
    set(EMPTY);
  },
};

export function isDirty(s: EditorState): boolean {
  return s.present !== null && s.present !== s.saved;
}

export function useEditor(): EditorState {
  return useSyncExternalStore(editor.subscribe, editor.get);
}
