import { startSimulator, type RunningSimulator } from './startSimulator.ts';

/**
 * The virtual reader the app attaches by default: on a pty like a USB reader when socat is there,
 * otherwise on a loopback TCP port, so the product still starts on a machine without socat.
 */
export async function startEmbeddedSimulator(stateDir: string, onNote: (line: string) => void = () => undefined): Promise<RunningSimulator> {
  try {
    return await startSimulator({ stateDir });
  } catch (err) {
    if (!/socat is not installed/.test((err as Error).message)) throw err;
    onNote('socat is not installed, so the virtual reader listens on TCP instead of a serial device (Debian: apt-get install socat).');
    return startSimulator({ stateDir, tcp: { host: '127.0.0.1', port: 0 } });
  }
}
