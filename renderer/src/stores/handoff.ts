// What one part of the app hands to a page it opens: a BALCFG to open, a users CSV for the door
// file page (files dropped onto the window), the file and readers for Deploy (after finalizing).

import { create } from 'zustand';

interface Handoff {
  /** A BALCFG the Configuration page opens when it is shown. */
  openConfig: string | null;
  /** A users CSV for the Door files page. */
  doorCsv: string | null;
}

export const useHandoff = create<Handoff>(() => ({ openConfig: null, doorCsv: null }));

/** Takes a handed-over value once: the page that reads it clears it. */
export function takeHandoff<K extends keyof Handoff>(key: K): Handoff[K] {
  const v = useHandoff.getState()[key];
  if (v !== null) useHandoff.setState({ [key]: null } as Partial<Handoff>);
  return v;
}
