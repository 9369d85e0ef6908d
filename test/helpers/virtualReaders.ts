import { afterAll, afterEach } from 'vitest';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/startSimulator.ts';
import { startSimProcess, tempDir, type SimProcess } from './processes.ts';

export interface VirtualReaders {
  /** A virtual reader in this process, on a real pty (or TCP); in a fresh temp state folder unless one is given. */
  start(opts?: Partial<SimulatorOptions>): Promise<RunningSimulator>;
  /** `readerdesk simulate` in its own process; in a fresh temp state folder unless one is given. */
  startProcess(args?: string[], stateDir?: string): Promise<SimProcess>;
  /** Stops one of them now, as if it were unplugged. */
  unplug(reader: RunningSimulator | SimProcess): Promise<void>;
}

/**
 * The virtual readers the tests of the enclosing block (or file) start: all stopped after those
 * tests, or after each test with `'each'`.
 */
export function virtualReaders(scope: 'all' | 'each' = 'all'): VirtualReaders {
  const running: (RunningSimulator | SimProcess)[] = [];
  const track = <T extends RunningSimulator | SimProcess>(reader: T): T => {
    running.push(reader);
    return reader;
  };
  (scope === 'each' ? afterEach : afterAll)(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });
  return {
    start: async (opts = {}) => track(await startSimulator({ stateDir: tempDir('rd-sim-'), ...opts })),
    startProcess: async (args = [], stateDir = tempDir('rd-sim-')) => track(await startSimProcess(args, stateDir)),
    async unplug(reader) {
      const at = running.indexOf(reader);
      if (at >= 0) running.splice(at, 1);
      await reader.stop();
    },
  };
}
