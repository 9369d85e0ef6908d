import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, type RunningSimulator } from '../simulator/startSimulator.ts';
import { createBalcfg, setValue } from '../shared/config/model.ts';
import { withSession } from '../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../electron/host/lifecycle/finalize.ts';
import { decodeBec2Text, deployToReaders } from '../electron/host/lifecycle/deployJob.ts';

/**
 * A configuration of realistic size for a site: project settings plus 765 values of 32 bytes (keys,
 * VHL files, autoread rules); its BEC2 is about 27.6 KB, the size issue 13 measures.
 */
export function benchConfig() {
  let cfg = createBalcfg({ name: 'Bench Site', customer: 50001, project: 700, device: 0 });
  for (let i = 0; i < 765; i++) {
    const key = 0x0300 + Math.floor(i / 16);
    cfg = setValue(cfg, `${key.toString(16).padStart(4, '0')}/${(i % 16).toString(16).padStart(2, '0')}`, new Uint8Array(32).fill(i & 0xff));
  }
  return cfg;
}

export async function benchDeploy(print: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-deploy-'));
  const sims: RunningSimulator[] = [];
  const sim = async (baud?: number, bufferSize?: number) => {
    const s = await startSimulator({ stateDir: fs.mkdtempSync(path.join(dir, 'r-')), baud, bufferSize, rebootMs: 1000 });
    sims.push(s);
    return s;
  };
  try {
    const finalizer = await sim();
    const out = path.join(dir, 'bench.bec2');
    await withSession(finalizer.address, (s) => finalizeOnReader(s, benchConfig(), { outPath: out }));
    const binary = decodeBec2Text(fs.readFileSync(out, 'latin1'));
    const wireMs = (binary.length * 10 * 1000) / 115200;

    // A reader attached at 115200: the host raises the line to 921600 for the upload (Sys.SetCommParam).
    const fixed = await sim(115200);
    const [atFixed] = await deployToReaders(binary, [fixed.address], { maxBaud: 115200 });
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const [r] = await deployToReaders(binary, [(await sim(115200)).address]);
      runs.push(r!);
    }
    const atRaised = [...runs].sort((a, b) => a.durationMs - b.durationMs)[1]!;
    print(
      `BEC2 of ${binary.length} bytes to a reader attached at emulated 115200 baud (the file alone needs ${wireMs.toFixed(0)} ms on that wire): ` +
        `${atRaised.durationMs} ms upload to confirmation with the rate raised to 921600 (median of ${runs.map((r) => r.durationMs).join(', ')}) ` +
        `= ${(atRaised.durationMs / wireMs).toFixed(2)}× (goal ≤ 0.25×; ${runs.map((r) => r.result).join(', ')}); ` +
        `${atFixed!.durationMs} ms = ${(atFixed!.durationMs / wireMs).toFixed(2)}× kept at 115200 (--max-baud 115200; ${atFixed!.result})`,
    );

    // The reader picks the block size from its buffer (Sys.GetBufferSize): fewer, larger frames with a larger buffer.
    for (const bufferSize of [128, 1024, 4096]) {
      const reader = await sim(115200, bufferSize);
      const [r] = await deployToReaders(binary, [reader.address]);
      print(`BEC2 of ${binary.length} bytes at emulated 115200 baud, raised, to a reader with a ${bufferSize}-byte frame buffer: ${r!.durationMs} ms (${r!.result})`);
    }
  } finally {
    await Promise.all(sims.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
