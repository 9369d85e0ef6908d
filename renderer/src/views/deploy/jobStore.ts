// The deploy job of the Deploy page with its progress and results. It lives outside React so that
// switching to another page (which unmounts the view) and back keeps a running or finished deploy:
// the 'deploy-progress' events are received once, for the life of the app, and the results land
// here even while the page is not shown. The form fields (file, picked and added ports) stay too.

import { useSyncExternalStore } from 'react';
import type { ReaderDeskApi } from '../../../../shared/api/contract.ts';
import type { DeployProgress, DeployResult } from '../../../../shared/api/features/deploy.ts';

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
  /** Why the last job could not run (an API sentence). */
  readonly error: string | null;
}

const EMPTY: DeployJobState = {
  file: '',
  extra: [],
  picked: new Set(),
  jobId: null,
  targets: [],
  progress: {},
  results: null,
  running: false,
  error: null,
};

let state: DeployJobState = EMPTY;
const listeners = new Set<() => void>();
let connectedApi: ReaderDeskApi | null = null;
let unsubscribe: (() => void) | null = null;

function set(patch: Partial<DeployJobState>): void {
  state = { ...state, ...patch };
  for (const l of [...listeners]) l();
}

function newJobId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const deployJobs = {
  get: (): DeployJobState => state,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** Listens to the progress events of `api`; calling it again with the same api does nothing. */
  connect(api: ReaderDeskApi): void {
    if (connectedApi === api) return;
    unsubscribe?.();
    connectedApi = api;
    unsubscribe = api.onEvent((e) => {
      if (e.type !== 'deploy-progress' || e.jobId === undefined || e.jobId !== state.jobId) return;
      set({ progress: { ...state.progress, [e.progress.port]: e.progress } });
    });
  },
  setFile(file: string): void {
    set({ file });
  },
  setPicked(address: string, on: boolean): void {
    const picked = new Set(state.picked);
    if (on) picked.add(address);
    else picked.delete(address);
    set({ picked });
  },
  addExtra(port: string, connected: readonly string[]): void {
    const extra = state.extra.includes(port) || connected.includes(port) ? state.extra : [...state.extra, port];
    set({ extra, picked: new Set(state.picked).add(port) });
  },
  removeExtra(port: string): void {
    const picked = new Set(state.picked);
    picked.delete(port);
    set({ extra: state.extra.filter((p) => p !== port), picked });
  },
  /** A sentence for the page (nothing to deploy yet); the last job's bars and results stay. */
  setError(error: string | null): void {
    set({ error });
  },
  /**
   * Deploys `file` to `targets`. The promise settles when every reader has answered; the outcome is
   * kept here whether or not the page is still shown. Resolves true when results came back.
   */
  async start(api: ReaderDeskApi, file: string, targets: readonly string[]): Promise<boolean> {
    if (state.running) return false;
    deployJobs.connect(api);
    const jobId = newJobId();
    set({ jobId, targets: [...targets], progress: {}, results: null, running: true, error: null });
    try {
      const results = await api.deployFile(file, [...targets], jobId);
      if (state.jobId === jobId) set({ results, running: false });
      return true;
    } catch (err) {
      if (state.jobId === jobId) set({ error: err instanceof Error ? err.message : String(err), running: false });
      return false;
    }
  },
};

export function useDeployJob(): DeployJobState {
  return useSyncExternalStore(deployJobs.subscribe, deployJobs.get);
}
