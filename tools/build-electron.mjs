// Bundles the Electron main process and preload into CommonJS files next to package.json's "main".
import fs from 'node:fs';
import { build } from 'esbuild';
import { DOORFILE_WORKER_ENTRY, doorfileWorkerOptions } from './doorfileWorkerBundle.mjs';

const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'serialport', '@serialport/bindings-cpp', 'node-hid', 'ws'], logLevel: 'warning' };
// The version is written in at build time (electron/host/app/version.ts). Door-file work runs in a
// worker thread whose bundle sits beside main.cjs (electron/host/doorfile/runDoorfileJob.ts).
const worker = doorfileWorkerOptions('doorfileWorker.cjs', 'cjs');
const define = { __READERDESK_VERSION__: JSON.stringify(version), ...worker.define };
await build({ ...common, define, banner: worker.banner, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
await build({ ...common, entryPoints: [DOORFILE_WORKER_ENTRY], outfile: 'dist-electron/doorfileWorker.cjs' });
console.log('built dist-electron/main.cjs, dist-electron/preload.cjs and dist-electron/doorfileWorker.cjs');
