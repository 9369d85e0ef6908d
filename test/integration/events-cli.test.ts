import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, startSimProcess, tempDir, type SimProcess } from '../helpers/processes.ts';

describe('readerdesk events', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('prints a tamper alarm at once, notices the port disappear, and reconnects when the reader is back', async () => {
    const stateDir = tempDir('rd-ev-');
    let sim: SimProcess = await startSimProcess([], stateDir);
    cleanup.push(() => sim.stop());
    const proc = spawn(process.execPath, [CLI, 'events', '--port', sim.address, '--json'], { cwd: ROOT });
    cleanup.push(() => void proc.kill('SIGKILL'));
    const lines: Record<string, unknown>[] = [];
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buf.slice(0, nl)));
        buf = buf.slice(nl + 1);
      }
    });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    const waitFor = async (pred: () => boolean, what: string) => {
      const end = Date.now() + 15_000;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(lines)} ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor(() => stderr.includes('watching'), 'the watcher to start');

    expect((await runCli(['sim', 'tamper', '--state', stateDir])).code).toBe(0);
    await waitFor(() => lines.some((l) => l.event === 'tamper-alarm'), 'the tamper alarm');
    const alarm = lines.find((l) => l.event === 'tamper-alarm')!;
    expect(alarm.reader).toBe(sim.address);
    expect(Date.now() - Date.parse(alarm.time as string)).toBeLessThan(60_000);

    await sim.stop();
    await waitFor(() => lines.some((l) => l.event === 'reconnecting'), 'the lost port to be noticed');

    sim = await startSimProcess([], stateDir);
    expect((await runCli(['sim', 'tamper', '--state', stateDir])).code).toBe(0);
    await waitFor(() => lines.filter((l) => l.event === 'tamper-alarm').length === 2, 'the alarm after reconnecting');
  });
});
