// A newcomer's `npm install` must succeed on a machine that cannot download Electron's binary.
// Electron's install script downloads it (and fails the whole install where it cannot); this
// project's .npmrc keeps npm from running any dependency's install script. npm 10 and 11 run them by
// default, so the project setting is what a fresh clone relies on.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chooseShell } from '../../tools/chooseShell.mjs';
import { ROOT } from '../helpers/processes.ts';

describe('npm install in a fresh clone', () => {
  it('runs no install script of any dependency, with no environment variable set', { timeout: 30_000 }, () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_config_|ELECTRON_)/i.test(k)));
    const r = spawnSync('npm', ['config', 'get', 'ignore-scripts'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('true');
  });
});

describe('npm start picks the shell and says why', () => {
  const display = { DISPLAY: ':0' };
  const noFetch = async () => {
    throw new Error('no download expected');
  };

  it('opens Electron where its binary is installed', async () => {
    expect(await chooseShell({ installed: '/x/electron', env: {}, fetch: noFetch })).toEqual({ electron: '/x/electron' });
  });

  it('opens the web shell when asked, or when no window could open, without downloading', async () => {
    expect(await chooseShell({ wantWeb: true, installed: '/x/electron', fetch: noFetch })).toEqual({ web: expect.stringMatching(/--web/) });
    expect(await chooseShell({ installed: null, platform: 'linux', env: {}, refusal: null, fetch: noFetch })).toEqual({
      web: expect.stringMatching(/no graphical display/),
    });
  });

  it('honours ELECTRON_SKIP_BINARY_DOWNLOAD when someone still sets it', async () => {
    const env = { ...display, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    expect(await chooseShell({ installed: null, platform: 'linux', env, fetch: noFetch })).toEqual({ web: expect.stringMatching(/ELECTRON_SKIP_BINARY_DOWNLOAD is set/) });
  });

  it('fetches the binary when it is missing: Electron if that works, else the web shell with the reason', async () => {
    const told: string[] = [];
    const onFetch = () => told.push('fetching');
    const ok = await chooseShell({ installed: null, platform: 'linux', env: display, refusal: null, onFetch, fetch: async () => ({ binary: '/x/electron' }) });
    expect(ok).toEqual({ electron: '/x/electron' });
    const offline = await chooseShell({
      installed: null,
      platform: 'linux',
      env: display,
      refusal: null,
      onFetch,
      fetch: async () => ({ reason: 'RequestError: getaddrinfo ENOTFOUND github.com' }),
    });
    expect(offline).toEqual({ web: "Electron's binary could not be fetched: RequestError: getaddrinfo ENOTFOUND github.com" });
    expect(told).toEqual(['fetching', 'fetching']);
  });
});
