// The CLI's start-up, measured in one run against Node's own: `node -e 0`, `readerdesk --help`, and
// `readerdesk info` end to end against a virtual reader on a real pty. Runs alternate between the
// commands so a busy machine slows them alike; each figure is the median of its runs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startSimulator } from '../simulator/startSimulator.ts';
import { CLI, ROOT, tempDir } from '../test/helpers/processes.ts';

const LAUNCHER = path.join(ROOT, 'bin/readerdesk.mjs');
const RUNS = 15;

/** Wall time of one process from spawn to exit, in ms; throws when it fails. */
function timeProcess(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`node ${args.join(' ')} exited with ${code}: ${err}`))));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

export async function benchStartup(print: (line: string) => void): Promise<void> {
  const sim = await startSimulator({ stateDir: tempDir('rd-bench-start-') });
  try {
    const runs = { node: [] as number[], help: [] as number[], helpBundle: [] as number[], info: [] as number[] };
    // One warm-up round fills the file cache, as on any machine where the CLI was run before.
    for (let i = -1; i < RUNS; i++) {
      const round = {
        node: await timeProcess(['-e', '0']),
        help: await timeProcess([LAUNCHER, '--help']),
        helpBundle: await timeProcess([CLI, '--help']),
        info: await timeProcess([LAUNCHER, 'info', '--port', sim.address]),
      };
      if (i >= 0) for (const k of Object.keys(round) as (keyof typeof round)[]) runs[k].push(round[k]);
    }
    const node = median(runs.node);
    const help = median(runs.help);
    const helpBundle = median(runs.helpBundle);
    const info = median(runs.info);
    print(`node -e 0: ${node.toFixed(0)} ms (median of ${RUNS} runs; the yardstick)`);
    print(
      `readerdesk --help (bin/readerdesk.mjs, as npx runs it, without npx's own start-up): ${help.toFixed(0)} ms = ` +
        `${(help / node).toFixed(2)}× node -e 0 (goal ≤ 4×: ${verdict(help <= 4 * node)})`,
    );
    print(`readerdesk --help (dist-cli/readerdesk.mjs, as the packaged app runs it): ${helpBundle.toFixed(0)} ms = ${(helpBundle / node).toFixed(2)}× node -e 0 (goal ≤ 4×: ${verdict(helpBundle <= 4 * node)})`);
    print(`readerdesk info --port <virtual reader on a pty>: ${info.toFixed(0)} ms end to end (goal ≤ 300 ms: ${verdict(info <= 300)})`);
  } finally {
    await sim.stop();
  }
}
