// Size and load time of a BALCFG with a long history (issue 13, "files that stay small"): 5,005
// values finalized 99 times, the last version a reader can store (0620/07 runs from 1 to 99).

import fs from 'node:fs';
import path from 'node:path';
import { loadBalcfg, saveBalcfg } from '../electron/host/files/balcfgStore.ts';
import { serializeBalcfg } from '../shared/config/balcfg.ts';
import { balcfgWithLongHistory, legacyBalcfgText } from '../test/helpers/longHistoryBalcfg.ts';
import { tempDir } from '../test/helpers/processes.ts';

async function loadMs(file: string): Promise<number> {
  const t0 = performance.now();
  await loadBalcfg(file);
  return performance.now() - t0;
}

export async function benchConfig(print: (line: string) => void): Promise<void> {
  const versions = 99;
  const { cfg } = balcfgWithLongHistory(5000, versions);
  const dir = tempDir('rd-bench-balcfg-');
  try {
    const file = path.join(dir, 'long.balcfg');
    await saveBalcfg(file, cfg);
    const size = fs.statSync(file).size;
    const legacyFile = path.join(dir, 'long-format1.balcfg');
    fs.writeFileSync(legacyFile, legacyBalcfgText(cfg));
    const legacySize = fs.statSync(legacyFile).size;
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    print(`BALCFG, ${cfg.values.length} values finalized ${versions} times: ${kb(size)} on disk (goal < 2048 KB; format 1 with full copies: ${kb(legacySize)})`);
    const oneVersion = Buffer.byteLength(serializeBalcfg({ ...cfg, history: cfg.history.slice(0, 1) }));
    const legacyOneVersion = Buffer.byteLength(legacyBalcfgText({ ...cfg, history: cfg.history.slice(0, 1) }));
    const perVersion = (size - oneVersion) / (versions - 1);
    const legacyPerVersion = (legacySize - legacyOneVersion) / (versions - 1);
    print(`  growth per finalized version: ${perVersion.toFixed(0)} bytes (format 1: ${kb(legacyPerVersion)})`);
    const first = cfg.history[0]!.changes.set.length;
    const later = cfg.history.slice(1).reduce((n, h) => n + h.changes.set.length + h.changes.removed.length, 0) / (versions - 1);
    print(`  history: version 1 keeps ${first} values, each later version ${later.toFixed(1)} changed ids on average`);

    const firstLoad = await loadMs(file);
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) runs.push(await loadMs(file));
    runs.sort((a, b) => a - b);
    print(`  load (read, parse, validate): first ${firstLoad.toFixed(1)} ms, median of 20 ${runs[10]!.toFixed(1)} ms (goal ≤ 100 ms)`);
    print(`  opening the format 1 file (migrated on load, once): ${(await loadMs(legacyFile)).toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
