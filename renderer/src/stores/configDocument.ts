// The open BALCFG with its undo/redo history. It lives outside React so that switching to another
// page and back keeps the document, the unsaved edits and the history. Edits go through the pure
// model functions of shared/config/model.ts; every step is a new immutable document.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Balcfg } from '../../../shared/config/balcfg.ts';
import type { ConfigDocument } from '../../../shared/api/features/config.ts';

const MAX_UNDO = 500;

export interface EditorState {
  readonly path: string | null;
  readonly present: Balcfg | null;
  /** The document as last read from or written to the file. */
  readonly saved: Balcfg | null;
  readonly past: readonly Balcfg[];
  readonly future: readonly Balcfg[];
  /**
   * The identity fields as typed but not applied yet (null when they show the document's): typed
   * input counts as an unsaved change, survives leaving the page, and Ctrl+S applies it first.
   */
  readonly identityDraft?: Readonly<Record<'name' | 'customer' | 'project' | 'device', string>> | null;
  /** Why the typed identity cannot be applied, per field. */
  readonly identityErrors?: Readonly<Partial<Record<'name' | 'customer' | 'project' | 'device', string>>>;
}

export interface ConfigDocumentState extends EditorState {
  /** A document fresh from the file: history starts over. */
  load(doc: ConfigDocument): void;
  /** The file now holds `doc`; undo history stays so that edits before the save can still be undone. */
  markSaved(doc: ConfigDocument): void;
  /** Applies a pure edit; throws whatever the model throws, leaving the document unchanged. */
  edit(fn: (cfg: Balcfg) => Balcfg): void;
  undo(): void;
  redo(): void;
  close(): void;
  setIdentityDraft(draft: EditorState['identityDraft'], errors?: EditorState['identityErrors']): void;
}

const EMPTY: EditorState = { path: null, present: null, saved: null, past: [], future: [], identityDraft: null, identityErrors: {} };

export function createConfigDocumentStore(): StoreApi<ConfigDocumentState> {
  return createStore<ConfigDocumentState>()((set, get) => ({
    ...EMPTY,
    load: (doc) => set({ path: doc.path, present: doc.balcfg, saved: doc.balcfg, past: [], future: [], identityDraft: null, identityErrors: {} }),
    markSaved: (doc) => set({ path: doc.path, present: doc.balcfg, saved: doc.balcfg }),
    edit(fn) {
      const { present, past } = get();
      if (!present) return;
      const next = fn(present);
      if (next === present) return;
      set({ present: next, past: [...past, present].slice(-MAX_UNDO), future: [] });
    },
    undo() {
      const { present, past, future } = get();
      const prev = past[past.length - 1];
      if (!prev || !present) return;
      set({ present: prev, past: past.slice(0, -1), future: [present, ...future] });
    },
    redo() {
      const { present, past, future } = get();
      const next = future[0];
      if (!next || !present) return;
      set({ present: next, past: [...past, present], future: future.slice(1) });
    },
    close: () => set(EMPTY),
    setIdentityDraft: (identityDraft, identityErrors = {}) => set({ identityDraft, identityErrors }),
  }));
}

export function isDirty(s: EditorState): boolean {
  return s.present !== null && (s.present !== s.saved || s.identityDraft != null);
}
