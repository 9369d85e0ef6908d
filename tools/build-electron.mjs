// Bundles the Electron main process and preload into CommonJS files next to package.json's "main".
import { build } from 'esbuild';
import { DOORFILE_WORKER_ENTRY, doorfileWorkerDefine } from './doorfileWorkerBundle.mjs';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'serialport', 'node-hid', 'ws'], logLevel: 'warning' };
// import.meta.url (appService.ts reads package.json three folders up) does not exist in CommonJS:
// point it at where that source file would sit, so the relative path still finds package.json.
const importMetaUrl = {
  define: { 'import.meta.url': '__readerdeskImportMetaUrl' },
  banner: { js: "const __readerdeskImportMetaUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'electron/host/app/appService.cjs')).href;" },
};
await build({
  ...common,
  ...importMetaUrl,
  define: { ...importMetaUrl.define, ...doorfileWorkerDefine('doorfileWorker.cjs') },
  entryPoints: ['electron/main.ts'],
  outfile: 'dist-electron/main.cjs',
});
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
// Door-file work runs in a worker thread beside main.cjs (electron/host/doorfile/runDoorfileJob.ts).
await build({ ...common, entryPoints: [DOORFILE_WORKER_ENTRY], outfile: 'dist-electron/doorfileWorker.cjs' });
console.log('built dist-electron/main.cjs, dist-electron/preload.cjs and dist-electron/doorfileWorker.cjs');
