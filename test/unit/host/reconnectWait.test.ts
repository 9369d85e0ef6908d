import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForPortRestart } from '../../../electron/host/lifecycle/reconnect.ts';
import { tempDir } from '../../helpers/processes.ts';

// A serial port through a reader restart, played by a file that disappears and comes back.
const present = async (p: string) => fs.existsSync(p);

function devicePath(): string {
  const p = path.join(tempDir('rd-port-'), 'ttyACM0');
  fs.writeFileSync(p, '');
  return p;
}

describe('waiting for a restarting reader\'s serial port', () => {
  it('waits until the port has gone and come back', async () => {
    const port = devicePath();
    setTimeout(() => fs.rmSync(port), 100);
    setTimeout(() => fs.writeFileSync(port, ''), 400);
    const seen = await waitForPortRestart(port, Date.now() + 10_000, 2000, present);
    expect(seen).toBe('gone-and-back');
    expect(fs.existsSync(port)).toBe(true);
  });

  it('goes on when the port never disappears (an RS-232 line)', async () => {
    const port = devicePath();
    expect(await waitForPortRestart(port, Date.now() + 10_000, 200, present)).toBe('stayed');
  });

  it('gives up at the deadline when the port does not come back', async () => {
    const port = devicePath();
    fs.rmSync(port);
    expect(await waitForPortRestart(port, Date.now() + 300, 1000, present)).toBe('not-back');
  });
});
