// What the host says about itself (shell, version), loaded once.

import { create } from 'zustand';
import type { AppInfo, ReaderDeskApi } from '../../../shared/api/contract.ts';

export const useAppInfo = create<{ info: AppInfo | null }>(() => ({ info: null }));

let loading: ReaderDeskApi | null = null;

export function loadAppInfo(api: ReaderDeskApi): void {
  if (loading === api) return;
  loading = api;
  void api.appInfo().then((info) => useAppInfo.setState({ info }), () => undefined);
}
