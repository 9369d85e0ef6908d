// Issue 11, "No lost alarm": a reader keeps a tamper alarm for 5 s, and the host polls for it once a
// second. A door-file preview of a million users used to hold the host's event loop for longer than
// that, and the alarm raised meanwhile was never reported. The preview now runs in a worker thread.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/contract.ts';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import { ROOT, startSimProcess, tempDir, type SimProcess } from '../helpers/processes.ts';

const USERS = 1_000_000;

/** A users CSV of `n` distinct H10304 cards in no particular order. */
function writeUsersCsv(file: string, n: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, 'user_id,format,facility,card,activation,expiration\n');
    let lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = Math.imul(i, 0x9e3779b1) & 0xfffff; // a permutation of 0..2^20-1
      lines.push(`${i + 1},h10304,${p >>> 10},${(p & 1023) * 512 + 7},2025-01-01,2027-12-31\n`);
      if (lines.length === 50_000) {
        fs.writeSync(fd, lines.join(''));
        lines = [];
      }
    }
    fs.writeSync(fd, lines.join(''));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `readerdesk sim tamper` as its own process. No timer of its own: while a host's event loop is
 * held up, a timer and the child's exit fall due together and the timer would win.
 */
function raiseTamper(stateDir: string): Promise<number | null> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/readerdesk.mjs'), 'sim', 'tamper', '--state', stateDir], { cwd: ROOT, stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

async function waitFor(what: string, done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tamper alarms during a large door-file preview', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('reports the tamper alarm that a reader on a serial line raises while a million users are previewed', { timeout: 120_000 }, async () => {
    const stateDir = tempDir('rd-alarm-');
    const sim: SimProcess = await startSimProcess([], stateDir);
    cleanup.push(() => sim.stop());
    const app = new AppService({ shell: 'web', settings: new SettingsStore(path.join(tempDir('rd-alarm-settings-'), 'settings.json')) });
    cleanup.push(() => app.close());
    const events: AppEvent[] = [];
    app.onEvent((e) => events.push(e));
    const reader = await app.connect(sim.address);
    expect(reader.state).toBe('connected');

    const csvDir = tempDir('rd-alarm-csv-');
    cleanup.push(() => fs.rmSync(csvDir, { recursive: true, force: true }));
    const csv = path.join(csvDir, 'users.csv');
    writeUsersCsv(csv, USERS);
    const preview = app.doorfilePreview(csv, { maxUsers: USERS });
    // The alarm comes from another process, as from the reader's own switch, while the preview runs.
    expect(await raiseTamper(stateDir)).toBe(0);

    const shown = await preview;
    expect(shown.userCount).toBe(USERS);
    expect(shown.errors).toBe(0);
    await waitFor('the tamper-on event', () => events.some((e) => e.type === 'tamper' && e.state === 'on'), 15_000);
    const alarm = events.find((e) => e.type === 'tamper')!;
    expect(alarm).toMatchObject({ type: 'tamper', state: 'on', readerId: reader.id, address: sim.address });
  });
});
