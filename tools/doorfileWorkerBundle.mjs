// How a bundle that starts the door-file worker (electron/host/doorfile/runDoorfileJob.ts) finds
// it: the worker is its own esbuild entry point, written beside that bundle, and the bundle is told
// the worker's file name through `define`. Used by tools/build-electron.mjs; a CLI bundle adds the
// same entry point and define (ES module output: name it doorfileWorker.mjs).

/** The worker's source, relative to the repository root. */
export const DOORFILE_WORKER_ENTRY = 'electron/host/doorfile/doorfileWorker.ts';

/** esbuild `define` for the bundle that starts the worker; `fileName` is the worker bundle's name in the same folder. */
export function doorfileWorkerDefine(fileName) {
  return { __READERDESK_DOORFILE_WORKER__: JSON.stringify(fileName) };
}
