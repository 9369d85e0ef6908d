#!/usr/bin/env node
// `npm start`: Electron where its binary exists, the web shell in the system browser otherwise.
// Either way a virtual reader is attached, so there is something to connect to.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from '../tools/electronBinary.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0 || process.exit(1);
run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
const electron = electronBinary();
if (electron) {
  run('node', ['tools/build-electron.mjs']);
  spawn(electron, ['.'], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
} else {
  console.log('Electron is not installed here; starting the web shell instead (same UI, in your browser).');
  spawn('node', ['bin/readerdesk.mjs', 'ui', '--open', ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
}
