#!/usr/bin/env node
// `npm test`: type check, lint, then every test project (unit, integration over real ptys,
// e2e in Debian Chromium, electron where its binary exists). Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['build renderer', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  ['tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test/artifacts/vitest.json']],
];

let failed = false;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (r.status !== 0) {
    console.error(`${name} failed (exit ${r.status})`);
    failed = true;
    if (name !== 'tests') break;
  }
}

try {
  const report = JSON.parse(fs.readFileSync('test/artifacts/vitest.json', 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`\n${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
} catch {
  // No report: an earlier step failed and said why.
}
process.exit(failed ? 1 : 0);
