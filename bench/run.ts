// `npm run bench`: prints figures; nothing here passes or fails on speed. `npm run bench <name>` runs
// one section. Each section runs in a process of its own, so that its figures do not depend on what
// ran before it (a heap grown by an earlier section made the host's garbage collection, and so the
// fleet's figures, differ from a run of the fleet section alone).
import { spawnSync } from 'node:child_process';
import { benchBrp } from './brp.bench.ts';
import { ensureCliBundle } from '../tools/build-cli.mjs';

const print = (line: string) => console.log(line);
const only = process.argv[2];
const benches: [string, (p: typeof print) => Promise<void>][] = [['brp', benchBrp]];

const extra = await import('./registry.ts').catch(() => ({ benches: [] as typeof benches }));
benches.push(...extra.benches);

if (only !== undefined && !benches.some(([name]) => name === only)) {
  console.error(`no bench section is called "${only}"; the sections are: ${benches.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

// Benches that run the CLI run it as it ships: from its bundle, built here when out of date.
await ensureCliBundle();
if (only !== undefined) {
  const [name, fn] = benches.find(([n]) => n === only)!;
  console.log(`\n## ${name}`);
  await fn(print);
  // Simulators and browsers a section started may leave handles behind; the section is over.
  process.exit(0);
}
let failed = 0;
for (const [name] of benches) {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, name], { stdio: 'inherit' });
  if (child.status !== 0) {
    failed++;
    console.log(`(the ${name} section ended with ${child.status ?? child.signal}; the sections after it still run)`);
  }
}
process.exit(failed ? 1 : 0);
