import path from 'node:path';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './startSimulator.ts';

/** The most virtual readers one process hosts (TCP ports and pty pairs are finite). */
export const MAX_FLEET = 1024;

export interface FleetOptions extends SimulatorOptions {
  /** How many readers; reader i keeps its state in `<stateDir>/<i>` and listens on TCP port + i. */
  count: number;
}

/**
 * N virtual readers in one process: each with its own state directory, link and control socket, so
 * each behaves exactly as one `simulate` process would, at a fraction of the memory. Readers start
 * a few at a time (each pty is a socat process); if one cannot start, the others are stopped again.
 */
export async function startFleet(opts: FleetOptions): Promise<RunningSimulator[]> {
  const { count, ...one } = opts;
  const started: RunningSimulator[] = [];
  const optsFor = (i: number): SimulatorOptions => ({
    ...one,
    stateDir: path.join(opts.stateDir, String(i)),
    // Port 0 means "any free port" for every reader.
    tcp: opts.tcp && { host: opts.tcp.host, port: opts.tcp.port === 0 ? 0 : opts.tcp.port + i },
  });
  const slots: (RunningSimulator | undefined)[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      try {
        const sim = await startSimulator(optsFor(i));
        slots[i] = sim;
        started.push(sim);
      } catch (err) {
        next = count;
        const where = opts.tcp ? ` on port ${optsFor(i).tcp!.port}` : '';
        throw new Error(`virtual reader ${i} of ${count}${where} could not start: ${(err as Error).message}`, { cause: err });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
  } catch (err) {
    await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
    throw err;
  }
  return slots as RunningSimulator[];
}
