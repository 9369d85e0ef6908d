// How a bundle that starts the door-file worker (electron/host/doorfile/runDoorfileJob.ts) finds
// it: the worker is its own esbuild entry point, written beside that bundle, and the bundle is told
// the worker's file name through `define`. Used by tools/build-electron.mjs (CommonJS) and
// tools/build-cli.mjs (ES modules).

/** The worker's source, relative to the repository root. */
export const DOORFILE_WORKER_ENTRY = 'electron/host/doorfile/doorfileWorker.ts';

/**
 * esbuild options for the bundle that starts the worker; `fileName` is the worker bundle's name in
 * the same folder. CommonJS has no import.meta, so there import.meta.url is made to name the bundle
 * file itself, which is what it names in an ES module bundle.
 */
export function doorfileWorkerOptions(fileName, format) {
  const define = { __READERDESK_DOORFILE_WORKER__: JSON.stringify(fileName) };
  if (format !== 'cjs') return { define };
  return {
    define: { ...define, 'import.meta.url': '__readerdeskModuleUrl' },
    banner: { js: "const __readerdeskModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
}
