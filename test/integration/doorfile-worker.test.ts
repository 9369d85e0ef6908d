// The door-file worker thread must start however the host code runs: from the TypeScript sources
// (tsx, Vitest), from a CommonJS bundle like Electron's main.cjs, and from an ES module bundle split
// into chunks like the CLI bundle. Bundles are copied away from the checkout before they run, so
// they cannot fall back on the sources.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runDoorfileJob } from '../../electron/host/doorfile/runDoorfileJob.ts';
import { DOORFILE_WORKER_ENTRY, doorfileWorkerOptions } from '../../tools/doorfileWorkerBundle.mjs';
import { ROOT, tempDir } from '../helpers/processes.ts';

const CSV = 'user_id,format,facility,card\n2,h10301,30,11456\n1,h10301,1,1\n3,h10301,1,1\n';

function writeCsv(): string {
  const file = path.join(tempDir('rd-dfw-'), 'users.csv');
  fs.writeFileSync(file, CSV);
  return file;
}

/** A small program that previews a CSV through runDoorfileJob and prints what came back. */
function writeProgram(): string {
  const file = path.join(tempDir('rd-dfw-src-'), 'previewProgram.ts');
  const job = path.join(ROOT, 'electron/host/doorfile/runDoorfileJob.ts');
  fs.writeFileSync(
    file,
    `import { runDoorfileJob } from ${JSON.stringify(job)};\n` +
      `const p = await runDoorfileJob({ kind: 'preview', csvPath: process.argv[2]!, maxUsers: 10 });\n` +
      `console.log(JSON.stringify({ userCount: p.userCount, first: p.users[0]!.userId, warnings: p.warnings }));\n`,
  );
  return file;
}

const run = promisify(execFile);

async function runBundle(dir: string, main: string): Promise<unknown> {
  // Away from the checkout: no sources, no node_modules to fall back on.
  const away = tempDir('rd-dfw-run-');
  for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(away, name));
  const { stdout } = await run(process.execPath, [path.join(away, main), writeCsv()], { cwd: away, timeout: 60_000 });
  return JSON.parse(stdout);
}

const expected = { userCount: 3, first: 1, warnings: 1 };
const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: ROOT };

describe('the door-file worker', () => {
  it('runs from the TypeScript sources', async () => {
    const p = await runDoorfileJob({ kind: 'preview', csvPath: writeCsv(), maxUsers: 10 });
    expect({ userCount: p.userCount, first: p.users[0]!.userId, warnings: p.warnings }).toEqual(expected);
  });

  it('runs from a CommonJS bundle with the worker bundle beside it (as Electron main.cjs)', async () => {
    const out = tempDir('rd-dfw-cjs-');
    // Top-level await does not exist in CommonJS: the program is wrapped in an async function.
    const program = writeProgram();
    const wrapped = program.replace(/\.ts$/, 'Cjs.ts');
    fs.writeFileSync(wrapped, fs.readFileSync(program, 'utf8').replace(/^(const p[\s\S]*)$/m, 'void (async () => {\n$1\n})();'));
    await build({ ...common, ...doorfileWorkerOptions('doorfileWorker.cjs', 'cjs'), format: 'cjs', entryPoints: [wrapped], outfile: path.join(out, 'main.cjs') });
    await build({ ...common, format: 'cjs', entryPoints: [DOORFILE_WORKER_ENTRY], outfile: path.join(out, 'doorfileWorker.cjs') });
    expect(await runBundle(out, 'main.cjs')).toEqual(expected);
  });

  it('runs from an ES module bundle split into chunks (as the CLI bundle)', async () => {
    const out = tempDir('rd-dfw-esm-');
    await build({
      ...common,
      format: 'esm',
      splitting: true,
      entryPoints: { main: writeProgram(), doorfileWorker: DOORFILE_WORKER_ENTRY },
      outdir: out,
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      banner: { js: "import { createRequire as __rdRequire } from 'node:module'; const require = __rdRequire(import.meta.url);" },
      define: doorfileWorkerOptions('doorfileWorker.mjs', 'esm').define,
    });
    expect(await runBundle(out, 'main.mjs')).toEqual(expected);
  });
});
