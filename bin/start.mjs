#!/usr/bin/env node
// `npm start`: the Electron app where its binary is installed or can be fetched now, the web shell in
// the system browser otherwise, and it says which and why. Either way a virtual reader is attached.
// `npm start -- --web` asks for the web shell; other arguments go to `readerdesk ui`.
import { spawn, spawnSync } from 'node:child_process';
import { chooseShell } from '../tools/chooseShell.mjs';

const args = process.argv.slice(2);
const uiArgs = args.filter((a) => a !== '--web');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0 || process.exit(1);

run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
const shell = await chooseShell({
  wantWeb: args.includes('--web'),
  onFetch: () => console.log("Electron's binary is not installed yet; fetching it once (about 100 MB) …"),
});
if (shell.electron) {
  console.log('Starting the Electron app.');
  run('node', ['tools/build-electron.mjs']);
  spawn(shell.electron, ['.'], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
} else {
  console.log(`Starting the web shell instead of the Electron app (the same UI, in your browser): ${shell.web}.`);
  spawn(process.execPath, ['bin/readerdesk.mjs', 'ui', '--open', ...uiArgs], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
}
