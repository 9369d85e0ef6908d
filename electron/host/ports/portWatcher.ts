// The port list follows readers being plugged in and out: the OS has no portable notice for serial
// ports, so the list is asked again every couple of seconds and a change is published.

import type { PortEntry } from '../../../shared/api/contract.ts';
import { Listeners } from '../../../shared/listeners.ts';

export interface PortWatcherOptions {
  /** The current port list (AppService.listPorts). */
  list: () => Promise<PortEntry[]>;
  everyMs?: number;
}

export class PortWatcher {
  private readonly listeners = new Listeners<[PortEntry[]]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = '';
  private running = false;
  private stopped = false;

  constructor(private readonly opts: PortWatcherOptions) {}

  /** Called with the whole list whenever it differs from the last one seen. */
  onChange(listener: (ports: PortEntry[]) => void): () => void {
    return this.listeners.add(listener);
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Looks now (after a connect or disconnect changed which ports are in use). */
  async check(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      const ports = await this.opts.list();
      const key = JSON.stringify(ports);
      if (key !== this.last) {
        this.last = key;
        this.listeners.emit(ports);
      }
    } catch {
      // A failed listing (a driver hiccup) is not a change; the next round asks again.
    } finally {
      this.running = false;
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      void this.check().finally(() => {
        if (!this.stopped) this.schedule(this.opts.everyMs ?? 2000);
      });
    }, ms);
    this.timer.unref?.();
  }
}
