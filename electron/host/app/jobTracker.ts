import type { RunningJob } from '../../../shared/api/contract.ts';
import { randomBytes, toHex } from '../../../shared/bytes.ts';

/** The work that holds readers right now (deploy, finalize, factory reset), for the status bar. */
export class JobTracker {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly onChange: (jobs: RunningJob[]) => void) {}

  list(): RunningJob[] {
    return [...this.jobs.values()];
  }

  /** Runs `fn` as a job: listed from start to end, whatever the outcome. */
  async run<T>(kind: RunningJob['kind'], addresses: string[], fn: () => Promise<T>): Promise<T> {
    const id = toHex(randomBytes(6), false);
    this.jobs.set(id, { id, kind, addresses: [...addresses], startedAt: Date.now() });
    this.onChange(this.list());
    try {
      return await fn();
    } finally {
      this.jobs.delete(id);
      this.onChange(this.list());
    }
  }
}
