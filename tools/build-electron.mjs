// Bundles the Electron main process and preload into CommonJS files next to package.json's "main".
import fs from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'serialport', 'node-hid', 'ws'], logLevel: 'warning' };
// The version is written in at build time (electron/host/app/version.ts).
const define = { __READERDESK_VERSION__: JSON.stringify(version) };
await build({ ...common, define, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
