// Electron's binary: whether it is installed, and fetching it when `npm start` wants it.
// `npm install` runs no dependency's install script (.npmrc: ignore-scripts), so Electron's own
// download never runs there and never fails an install; this file runs the same download on demand.
// `node tools/electronBinary.mjs --fetch` fetches it now (for `npm run test:electron` or `npm run dist`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
/** Remembers a failed fetch, so that a machine that cannot reach the download does not wait each start. */
const FAILED = path.join(ROOT, 'node_modules/.cache/readerdesk/electron-fetch-failed.json');
const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
/** The download is about 100 MB; a link that has not delivered it by then is treated as none. */
const FETCH_TIMEOUT_MS = 10 * 60 * 1000;

/** The path of the installed Electron executable, or null. */
export function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Why a fetch is not even tried now (a sentence), or null when it may be tried. */
export function fetchRefusal({ now = Date.now(), env = process.env } = {}) {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so Electron is not downloaded';
  let failed;
  try {
    failed = JSON.parse(fs.readFileSync(FAILED, 'utf8'));
  } catch {
    return null;
  }
  if (!(now - failed.at < RETRY_AFTER_MS)) return null;
  return `fetching Electron failed ${new Date(failed.at).toLocaleString()} (${failed.reason}); it is tried again a day later, or now with "node tools/electronBinary.mjs --fetch"`;
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js: download, checksum, unpack).
 * Resolves to { binary } on success and { reason } (one line, no stack) otherwise.
 */
export function fetchElectronBinary() {
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return Promise.resolve({ reason: 'the electron package is not installed (run npm install)' });
  }
  return new Promise((resolve) => {
    // Asked for explicitly here, so a skip variable meant for installs does not apply.
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const child = spawn(process.execPath, [installer], { cwd: path.dirname(installer), env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), FETCH_TIMEOUT_MS);
    child.on('error', (e) => (err += e.message));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const binary = code === 0 ? electronBinary() : null;
      if (binary) {
        fs.rmSync(FAILED, { force: true });
        return resolve({ binary });
      }
      const reason = signal
        ? `the download did not finish within ${FETCH_TIMEOUT_MS / 60_000} minutes`
        : (err.split('\n').find((l) => /\w+Error\b|ENOTFOUND|ECONN|ETIMEDOUT|HTTP/.test(l)) ?? err.split('\n')[0] ?? `exit ${code}`).trim() || `exit ${code}`;
      fs.mkdirSync(path.dirname(FAILED), { recursive: true });
      fs.writeFileSync(FAILED, JSON.stringify({ at: Date.now(), reason }));
      resolve({ reason });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (!process.argv.includes('--fetch')) {
    console.log(electronBinary() ?? 'Electron is not installed; "node tools/electronBinary.mjs --fetch" fetches it');
  } else if (electronBinary()) {
    console.log(`Electron is installed: ${electronBinary()}`);
  } else {
    console.log("fetching Electron's binary (about 100 MB) …");
    const { binary, reason } = await fetchElectronBinary();
    console.log(binary ? `Electron is installed: ${binary}` : `could not fetch Electron: ${reason}`);
    process.exitCode = binary ? 0 : 1;
  }
}
