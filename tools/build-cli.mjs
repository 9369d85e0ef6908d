// The CLI (and the virtual reader it hosts) as plain JavaScript: dist-cli/readerdesk.mjs plus one
// file per command, loaded only when that command runs. `node tools/build-cli.mjs` builds it;
// bin/readerdesk.mjs, the test set-up and the bench call ensureCliBundle(), which rebuilds only when
// a source file changed since the last build.
import fs from 'node:fs';
import path from 'node:path';
import { DOORFILE_WORKER_ENTRY, doorfileWorkerOptions } from './doorfileWorkerBundle.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
export const CLI_DIR = path.join(ROOT, 'dist-cli');
export const CLI_BUNDLE = path.join(CLI_DIR, 'readerdesk.mjs');
/** Written last by a build: when it started and which files went in. */
const STAMP = path.join(CLI_DIR, 'build.json');

/**
 * Resolved from node_modules at run time: packages that find their native code relative to their own
 * folder (serialport's binding; serialport's JavaScript is bundled, which loads it 2-3× faster), and
 * optional ones.
 */
export const CLI_EXTERNALS = ['@serialport/bindings-cpp', 'node-hid', 'bufferutil', 'utf-8-validate'];

/** True when the bundle exists and no file it was built from (nor package.json) changed since. */
export function cliBundleIsFresh() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(stamp.inputs) || typeof stamp.startedAt !== 'number') return false;
  try {
    for (const rel of stamp.inputs) if (fs.statSync(path.join(ROOT, rel)).mtimeMs > stamp.startedAt) return false;
    for (const rel of stamp.outputs) fs.statSync(path.join(CLI_DIR, rel));
  } catch {
    return false;
  }
  return true;
}

/** Bundles the CLI. Concurrent builds are safe: each file is written whole, by rename, the stamp last. */
export async function buildCliBundle() {
  const startedAt = Date.now();
  const { build } = await import('esbuild');
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: ROOT,
    // Door-file work runs in a worker thread started from doorfileWorker.mjs (electron/host/doorfile/runDoorfileJob.ts).
    entryPoints: { readerdesk: 'electron/cli/entry.ts', doorfileWorker: DOORFILE_WORKER_ENTRY },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: CLI_DIR,
    // Every file sits in dist-cli/ itself, so each is one folder below the app root (see appRoot.ts).
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    external: CLI_EXTERNALS,
    // The bundled CommonJS packages (ws) call require() for Node's own modules.
    banner: { js: "import { createRequire as __readerdeskCreateRequire } from 'node:module'; const require = __readerdeskCreateRequire(import.meta.url);" },
    define: { __READERDESK_VERSION__: JSON.stringify(version), __READERDESK_ROOT_FROM_MODULE__: JSON.stringify('..'), ...doorfileWorkerOptions('doorfileWorker.mjs', 'esm').define },
    metafile: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.mkdirSync(CLI_DIR, { recursive: true });
  const outputs = [];
  const entry = result.outputFiles.find((f) => f.path === CLI_BUNDLE);
  // Chunks first and the entry after them, so that an entry never points at a chunk not yet written.
  for (const file of [...result.outputFiles.filter((f) => f !== entry), entry]) {
    writeWhole(file.path, file.contents);
    outputs.push(path.relative(CLI_DIR, file.path));
  }
  for (const name of fs.readdirSync(CLI_DIR)) {
    if (name.endsWith('.mjs') && !outputs.includes(name)) fs.rmSync(path.join(CLI_DIR, name), { force: true });
  }
  // Bundled packages change only with the lock file, so checking that one file stands for all of theirs.
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const inputs = [...sources, 'package.json', 'package-lock.json', 'tools/build-cli.mjs', 'tools/doorfileWorkerBundle.mjs'];
  writeWhole(STAMP, JSON.stringify({ startedAt, version, inputs, outputs }, null, 1));
  return CLI_BUNDLE;
}

function writeWhole(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** The bundle's path, built first when it is missing or older than its sources. */
export async function ensureCliBundle({ onBuild = () => {} } = {}) {
  if (cliBundleIsFresh()) return CLI_BUNDLE;
  onBuild();
  return buildCliBundle();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildCliBundle();
  console.log('built dist-cli/readerdesk.mjs');
}
