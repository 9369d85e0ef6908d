// Light, dark, or the system's choice; kept in the browser's storage and set on <html data-theme>.

import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'readerdesk.theme';

function saved(): ThemeChoice {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export const useTheme = create<{ theme: ThemeChoice }>(() => ({ theme: saved() }));

function apply(theme: ThemeChoice): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function setTheme(theme: ThemeChoice): void {
  localStorage.setItem(KEY, theme);
  apply(theme);
  useTheme.setState({ theme });
}

/** Applies the saved choice before the first paint. */
export function initTheme(): void {
  apply(useTheme.getState().theme);
}
