// Which page is shown, and what a page hands to the next one ("Deploy this file" after finalizing).

import { create } from 'zustand';

export type Page = 'readers' | 'config' | 'deploy' | 'events' | 'frames' | 'doorfile' | 'tags';
export const PAGES: readonly Page[] = ['readers', 'config', 'deploy', 'events', 'frames', 'doorfile', 'tags'];

interface NavigationState {
  page: Page;
  /** A question to ask before leaving the current page (unsaved edits); null when it may be left. */
  leaveGuard: (() => boolean) | null;
  /** A page waiting for the user's answer to the leave question. */
  pendingPage: Page | null;
}

export const useNavigation = create<NavigationState>(() => ({ page: 'readers', leaveGuard: null, pendingPage: null }));

/** Goes to a page, or asks first when the current page holds work that would be lost. */
export function goTo(page: Page): void {
  const { page: now, leaveGuard } = useNavigation.getState();
  if (page === now) return;
  if (leaveGuard && leaveGuard()) {
    useNavigation.setState({ pendingPage: page });
    return;
  }
  useNavigation.setState({ page, pendingPage: null });
}

/** The user's answer to the leave question. */
export function answerLeave(leave: boolean): void {
  const { pendingPage } = useNavigation.getState();
  useNavigation.setState(leave && pendingPage ? { page: pendingPage, pendingPage: null } : { pendingPage: null });
}

export function setLeaveGuard(guard: (() => boolean) | null): void {
  useNavigation.setState({ leaveGuard: guard });
}
