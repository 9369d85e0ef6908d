// `npx readerdesk` in a checkout runs the bundle, and rebuilds it first when a source changed, so a
// developer never runs stale code and a first run needs no build step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes.ts';

const launch = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/readerdesk.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('bin/readerdesk.mjs', () => {
  it('runs the up-to-date bundle as it is, and rebuilds it once after a source file changed', () => {
    const quiet = launch(['--help']);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toMatch(/building/);

    // Saving a source file (same content, new time) is what an editor does.
    const source = path.join(ROOT, 'electron/cli/usage.ts');
    const now = new Date();
    fs.utimesSync(source, now, now);
    const rebuilt = launch(['brp', 'encode', '0x0001']);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toMatch(/building the command line from its sources into dist-cli/);
    expect(rebuilt.stdout.trim()).toBe('2C00010000A5A3');

    const again = launch(['--help']);
    expect(again.stderr).not.toMatch(/building/);
    expect(again.stdout).toMatch(/readerdesk ports \[--json\]/);
  });
});
