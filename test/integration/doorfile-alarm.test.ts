// Issue 11, "No lost alarm": a reader keeps a tamper alarm for 5 s, and the host polls for it once a
// second. A door-file preview of a million users used to hold the host's event loop for longer than
// that, and the alarm raised meanwhile was never reported. The preview now runs in a worker thread.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/contract.ts';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import { LAUNCHER, ROOT, tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { cleanupAfterAll } from '../helpers/cleanup.ts';
import { waitUntil } from '../helpers/waitUntil.ts';

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
  const child = spawn(process.execPath, [LAUNCHER, 'sim', 'tamper', '--state', stateDir], { cwd: ROOT, stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

describe('tamper alarms during a large door-file preview', () => {
  // The readers stop last: after the app (closed by the later cleanup) let go of them.
  const readers = virtualReaders();
  const cleanup = cleanupAfterAll();

  it('reports the tamper alarm that a reader on a serial line raises while a million users are previewed', { timeout: 120_000 }, async () => {
    const stateDir = tempDir('rd-alarm-');
    const sim = await readers.startProcess([], stateDir);
    const app = new AppService({ shell: 'web', settings: new SettingsStore(path.join(tempDir('rd-alarm-settings-'), 'settings.json')) });
    cleanup(() => app.close());
    const events: AppEvent[] = [];
    app.onEvent((e) => events.push(e));
    const reader = await app.connect(sim.address);
    expect(reader.state).toBe('connected');

    const csvDir = tempDir('rd-alarm-csv-');
    cleanup(() => fs.rmSync(csvDir, { recursive: true, force: true }));
    const csv = path.join(csvDir, 'users.csv');
    writeUsersCsv(csv, USERS);
    const preview = app.doorfilePreview(csv, { maxUsers: USERS });
    // The alarm comes from another process, as from the reader's own switch, while the preview runs.
    expect(await raiseTamper(stateDir)).toBe(0);

    const shown = await preview;
    expect(shown.userCount).toBe(USERS);
    expect(shown.errors).toBe(0);
    await waitUntil('the tamper-on event', () => events.some((e) => e.type === 'tamper' && e.state === 'on'));
    const alarm = events.find((e) => e.type === 'tamper')!;
    expect(alarm).toMatchObject({ type: 'tamper', state: 'on', readerId: reader.id, address: sim.address });
  });
});
