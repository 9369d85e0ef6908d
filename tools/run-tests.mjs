#!/usr/bin/env node
// `npm test`: type check, lint, then every test project (unit, integration over real ptys,
// e2e in Debian Chromium, electron where its binary exists). Ends with one plain summary line.
// `npm run test:fast` (--fast): the lint and the unit tests only, for the edit-test loop.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { buildCliBundle } from './build-cli.mjs';

const fast = process.argv.includes('--fast');
const report = fast ? 'test/artifacts/vitest-fast.json' : 'test/artifacts/vitest.json';
const vitest = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];

const steps = fast
  ? [
      // Lint and unit tests side by side; the lint remembers files it passed (node_modules/.cache/eslint).
      ['lint and unit tests', lintWhileUnitTests],
    ]
  : [
      ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
      ['lint', 'npx', ['eslint', '.']],
      ['build renderer', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
      // The tests run the CLI as it ships: from its bundle, built fresh once here.
      ['build CLI', buildCliBundle],
      ['tests', 'npx', vitest],
    ];

const started = Date.now();
let failed = false;
fs.rmSync(report, { force: true });
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  let ok;
  if (typeof cmd === 'function') {
    ok = await cmd().then(
      () => true,
      (err) => (console.error(err?.message ?? err), false),
    );
  } else {
    ok = spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
  }
  if (!ok) {
    console.error(`${name} failed`);
    failed = true;
    if (!name.endsWith('tests')) break;
  }
}

/** Runs vitest's unit project in the foreground and the lint beside it, printing the lint's output after. */
async function lintWhileUnitTests() {
  const lint = spawn('npx', ['eslint', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let lintOutput = '';
  lint.stdout.on('data', (d) => (lintOutput += d));
  lint.stderr.on('data', (d) => (lintOutput += d));
  const lintCode = new Promise((resolve) => lint.on('close', resolve));
  const unit = spawn('npx', [...vitest, '--project', 'unit'], { stdio: 'inherit' });
  const unitCode = await new Promise((resolve) => unit.on('close', resolve));
  const code = await lintCode;
  console.log(`\n=== lint ===\n${lintOutput.trim() || 'no problems'}`);
  if (unitCode !== 0) throw new Error('unit tests failed');
  if (code !== 0) throw new Error('lint failed');
}

try {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
  if (fast) console.log(`\nlint and unit tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`\n${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`);
} catch {
  // No report: an earlier step failed and said why.
}
process.exit(failed ? 1 : 0);
