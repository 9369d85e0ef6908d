// The deploy job of the Deploy page with its progress and results. It lives outside React so that
// switching to another page (which unmounts the view) and back keeps a running or finished deploy:
// the 'deploy-progress' events reach it through the one subscription in wiring.ts, and the results
// land here even while the page is not shown. The form fields (file, picked and added ports) stay too.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppEvent, ReaderDeskApi } from '../../../shared/api/contract.ts';
import type { DeployProgress, DeployResult } from '../../../shared/api/features/deploy.ts';
import { errorText } from '../lib/errorText.ts';

export interface DeployJobState {
  /** The BEC2 path typed on the page. */
  readonly file: string;
  /** Ports added by path (not connected on the Readers page). */
  readonly extra: readonly string[];
  /** Addresses whose checkbox is ticked. */
  readonly picked: ReadonlySet<string>;
  /** The job whose progress events count; null before the first deploy. */
  readonly jobId: string | null;
  /** Readers of the current (or last) job, in the order given. */
  readonly targets: readonly string[];
  readonly progress: Readonly<Record<string, DeployProgress>>;
  readonly results: readonly DeployResult[] | null;
  readonly running: boolean;
  /** Why the last job could not run (a sentence in the UI's language). */
  readonly error: string | null;

  setFile(file: string): void;
  setPicked(address: string, on: boolean): void;
  addExtra(port: string, connected: readonly string[]): void;
  removeExtra(port: string): void;
  /** A sentence for the page (nothing to deploy yet); the last job's bars and results stay. */
  setError(error: string | null): void;
  /**
   * Deploys `file` to `targets`. The promise settles when every reader has answered; the outcome is
   * kept here whether or not the page is still shown. Resolves true when results came back.
   */
  start(api: ReaderDeskApi, file: string, targets: readonly string[]): Promise<boolean>;
  apply(event: AppEvent): void;
}

function newJobId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function createDeployJobStore(): StoreApi<DeployJobState> {
  return createStore<DeployJobState>()((set, get) => ({
    file: '',
    extra: [],
    picked: new Set(),
    jobId: null,
    targets: [],
    progress: {},
    results: null,
    running: false,
    error: null,

    setFile: (file) => set({ file }),
    setPicked(address, on) {
      const picked = new Set(get().picked);
      if (on) picked.add(address);
      else picked.delete(address);
      set({ picked });
    },
    addExtra(port, connected) {
      const { extra, picked } = get();
      set({ extra: extra.includes(port) || connected.includes(port) ? extra : [...extra, port], picked: new Set(picked).add(port) });
    },
    removeExtra(port) {
      const picked = new Set(get().picked);
      picked.delete(port);
      set({ extra: get().extra.filter((p) => p !== port), picked });
    },
    setError: (error) => set({ error }),
    async start(api, file, targets) {
      if (get().running) return false;
      const jobId = newJobId();
      set({ jobId, targets: [...targets], progress: {}, results: null, running: true, error: null });
      try {
        const results = await api.deployFile(file, [...targets], jobId);
        if (get().jobId === jobId) set({ results, running: false });
        return true;
      } catch (err) {
        // Nothing was sent (a missing file, a bad address): no bars for a job that never started.
        if (get().jobId === jobId) set({ error: errorText(err), running: false, targets: [], progress: {} });
        return false;
      }
    },
    apply(e) {
      if (e.type !== 'deploy-progress' || e.jobId === undefined || e.jobId !== get().jobId) return;
      set({ progress: { ...get().progress, [e.progress.port]: e.progress } });
    },
  }));
}
