// The virtual reader as a process: one per state directory, no key left in temp files, no socat
// left behind when it is killed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startSimProcess, tempDir } from '../helpers/processes.ts';
import { waitUntil } from '../helpers/waitUntil.ts';

function socatsFor(stateDir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('socat') && cmd.includes(stateDir)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

describe('virtual reader process', () => {
  it('a refused second simulator on a busy state directory leaves the factory data alone', async () => {
    const sim = await startSimProcess();
    try {
      const file = path.join(sim.stateDir, 'reader.json');
      const before = fs.readFileSync(file, 'utf8');
      const r = await runCli(['simulate', '--state', sim.stateDir, '--customer-key', 'C0C1C2C3C4C5C6C7C8C9', '--firmware', '9999 OTHER']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/already runs on the state directory/);
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    } finally {
      await sim.stop();
    }
  });

  it('removes temp state files (which hold the crypto key) when it starts', async () => {
    const dir = tempDir('rd-simtmp-');
    fs.writeFileSync(path.join(dir, '.reader.json.999.1.tmp'), '{"factory":{"cryptoKey":"00112233445566778899AABBCCDDEEFF"}}');
    const sim = await startSimProcess([], dir);
    try {
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      await sim.stop();
    }
  });

  it('leaves no socat behind when it is killed', async () => {
    const sim = await startSimProcess();
    expect(socatsFor(sim.stateDir).length).toBeGreaterThan(0);
    sim.proc.kill('SIGKILL');
    await waitUntil('no socat left of the killed simulator', () => socatsFor(sim.stateDir).length === 0, { timeoutMs: 5000 });
  });
});
