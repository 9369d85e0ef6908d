import { describe, expect, it } from 'vitest';
import { tamperWith, tempDir, watchJsonLines } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

describe('readerdesk events', () => {
  const readers = virtualReaders();

  it('prints a tamper alarm at once, notices the port disappear, and reconnects when the reader is back', async () => {
    const stateDir = tempDir('rd-ev-');
    let sim = await readers.startProcess([], stateDir);
    const events = watchJsonLines(['events', '--port', sim.address, '--json']);
    const { lines } = events;
    try {
      await events.waitFor('the watcher to start', () => events.stderr.includes('watching'));

      await tamperWith(stateDir);
      await events.waitFor('the tamper alarm', () => lines.some((l) => l.event === 'tamper-alarm'));
      const alarm = lines.find((l) => l.event === 'tamper-alarm')!;
      expect(alarm.reader).toBe(sim.address);
      expect(Date.now() - Date.parse(alarm.time as string)).toBeLessThan(60_000);

      await readers.unplug(sim);
      await events.waitFor('the lost port to be noticed', () => lines.some((l) => l.event === 'reconnecting'));

      sim = await readers.startProcess([], stateDir);
      await tamperWith(stateDir);
      await events.waitFor('the alarm after reconnecting', () => lines.filter((l) => l.event === 'tamper-alarm').length === 2);
    } finally {
      await events.stop();
    }
  });
});
