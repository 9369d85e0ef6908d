import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, type RunningSimulator } from '../simulator/startSimulator.ts';
import { createBalcfg, setValue } from '../shared/config/model.ts';
import { withSession } from '../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../electron/host/lifecycle/finalize.ts';
import { decodeBec2Text, deployToReaders } from '../electron/host/lifecycle/deployJob.ts';

/** A configuration of realistic size: project settings plus 120 values of 32 bytes (keys, VHL files, autoread rules). */
function realisticConfig() {
  let cfg = createBalcfg({ name: 'Bench Site', customer: 50001, project: 700, device: 0 });
  for (let i = 0; i < 120; i++) {
    const key = 0x0300 + Math.floor(i / 16);
    cfg = setValue(cfg, `${key.toString(16).padStart(4, '0')}/${(i % 16).toString(16).padStart(2, '0')}`, new Uint8Array(32).fill(i));
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
    await withSession(finalizer.address, (s) => finalizeOnReader(s, realisticConfig(), { outPath: out }));
    const binary = decodeBec2Text(fs.readFileSync(out, 'latin1'));
    const wireMs = (binary.length * 10 * 1000) / 115200;

    const slow = await sim(115200);
    const [one] = await deployToReaders(binary, [slow.address], { baudRate: 115200 });
    print(
      `BEC2 of ${binary.length} bytes at emulated 115200 baud: deployed in ${one!.durationMs} ms (upload to confirmation); ` +
        `the file's bytes alone need ${wireMs.toFixed(0)} ms on the wire (${one!.result})`,
    );

    // The reader picks the block size from its buffer (Sys.GetBufferSize): fewer, larger frames with a larger buffer.
    for (const bufferSize of [128, 1024, 4096]) {
      const reader = await sim(115200, bufferSize);
      const [r] = await deployToReaders(binary, [reader.address], { baudRate: 115200 });
      print(`BEC2 of ${binary.length} bytes at emulated 115200 baud to a reader with a ${bufferSize}-byte frame buffer: ${r!.durationMs} ms (${r!.result})`);
    }

    for (const n of [1, 16]) {
      const targets = await Promise.all(Array.from({ length: n }, () => sim()));
      const t0 = performance.now();
      const results = await deployToReaders(binary, targets.map((t) => t.address));
      const total = performance.now() - t0;
      const accepted = results.filter((r) => r.result === 'accepted').length;
      const slowest = Math.max(...results.map((r) => r.durationMs));
      print(
        `deploy to ${n} virtual reader${n > 1 ? 's' : ''} at once: ${total.toFixed(0)} ms in all, including reboot and read-back ` +
          `(slowest upload ${slowest} ms; ${accepted}/${n} accepted)`,
      );
    }
  } finally {
    await Promise.all(sims.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
