// `npm run bench`: prints figures; nothing here passes or fails on speed.
import { benchBrp } from './brp.bench.ts';
import { ensureCliBundle } from '../tools/build-cli.mjs';

const print = (line: string) => console.log(line);
const only = process.argv[2];
const benches: [string, (p: typeof print) => Promise<void>][] = [['brp', benchBrp]];

const extra = await import('./registry.ts').catch(() => ({ benches: [] as typeof benches }));
benches.push(...extra.benches);

// Benches that run the CLI run it as it ships: from its bundle, built here when out of date.
await ensureCliBundle();
for (const [name, fn] of benches) {
  if (only && only !== name) continue;
  console.log(`\n## ${name}`);
  await fn(print);
}
process.exit(0);
