import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator.ts';
import { runCli, tempDir } from '../helpers/processes.ts';
import * as Sys from '../../shared/brp/commands/sys.ts';
import { MainBf3UploadContinue } from '../../shared/brp/commands/main.ts';
import { loadBalcfg, saveBalcfg } from '../../electron/host/files/balcfgStore.ts';
import { setValue } from '../../shared/config/model.ts';

// The wire is the limit: a deploy or read-back raises a serial line to the fastest rate and leaves
// the reader at its own rate afterwards. Virtual readers on real socat ptys, emulating 115200 baud;
// the CLI in its own process. A pty carries bytes at any speed, so what the reader's UART runs at
// is read from the reader itself, frame by frame.

const sims: RunningSimulator[] = [];
let work: string;
let bec2: string;

interface Seen {
  cmdCode: number;
  /** The reader's line speed when the frame arrived. */
  baud: number;
  payload: Uint8Array;
}

async function reader(opts: { fixedBaud?: boolean; customerKey?: string } = {}): Promise<{ sim: RunningSimulator; seen: Seen[] }> {
  const sim = await startSimulator({ stateDir: tempDir('rd-baud-'), baud: 115200, rebootMs: 200, ...opts });
  sims.push(sim);
  const seen: Seen[] = [];
  sim.reader.watchCommands((f) => seen.push({ cmdCode: f.cmdCode, baud: sim.reader.line.baud, payload: f.payload }));
  return { sim, seen };
}

const commParams = (seen: Seen[]) => seen.filter((s) => s.cmdCode === Sys.SysSetCommParam.code).map((s) => Sys.SysSetCommParam.decodeRequest(s.payload).baud);
const uploadRates = (seen: Seen[]) => [...new Set(seen.filter((s) => s.cmdCode === MainBf3UploadContinue.code).map((s) => s.baud))];

async function deploy(sim: RunningSimulator, ...extra: string[]) {
  const r = await runCli(['deploy', bec2, '--port', sim.address, '--json', ...extra], { timeoutMs: 60_000 });
  return { ...r, results: r.stdout ? (JSON.parse(r.stdout) as { result: string; reason: string }[]) : [] };
}

beforeAll(async () => {
  work = tempDir('rd-baud-work-');
  const finalizer = await startSimulator({ stateDir: tempDir('rd-baud-f-') });
  sims.push(finalizer);
  const cfg = path.join(work, 'site.balcfg');
  expect((await runCli(['config', 'new', cfg, '--name', 'Site', '--customer', '50001', '--project', '611', '--device', '0'])).code).toBe(0);
  let model = await loadBalcfg(cfg);
  for (let i = 0; i < 40; i++) model = setValue(model, `0300/${i.toString(16).padStart(2, '0')}`, new Uint8Array(32).fill(0xab));
  await saveBalcfg(cfg, model);
  bec2 = path.join(work, 'site.bec2');
  const f = await runCli(['finalize', cfg, '--port', finalizer.address, '--out', bec2]);
  expect(f.code, f.stderr).toBe(0);
});

afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
});

describe('baud rate negotiation over a real pty', () => {
  it('uploads at 921600 to a reader attached at 115200, which runs at 115200 again after its restart', async () => {
    const { sim, seen } = await reader();
    const d = await deploy(sim);
    expect(d.results[0], d.stderr).toMatchObject({ result: 'accepted', reason: 'ok' });
    expect(commParams(seen)).toEqual([921600]);
    expect(uploadRates(seen)).toEqual([921600]);
    // The restart brought back the configured rate, and the host followed it there.
    expect(sim.reader.line.baud).toBe(115200);
    const after = seen.length;
    const info = await runCli(['info', '--port', sim.address, '--json']);
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout).configId).toBe('50001-0611-0000-01');
    expect(seen.slice(after).every((s) => s.baud === 115200)).toBe(true);
  });

  it('still deploys, at the old rate, to a reader that refuses Sys.SetCommParam', async () => {
    const { sim, seen } = await reader({ fixedBaud: true });
    const d = await deploy(sim);
    expect(d.results[0], d.stderr).toMatchObject({ result: 'accepted', reason: 'ok' });
    expect(commParams(seen)).toEqual([921600]);
    expect(uploadRates(seen)).toEqual([115200]);
    expect(sim.reader.line.baud).toBe(115200);
  });

  it('puts the old rate back when the reader refuses the file and does not restart', async () => {
    // A reader with its own customer key refuses a file finalized for the default key, and stays on the line.
    const { sim, seen } = await reader({ customerKey: 'C0C1C2C3C4C5C6C7C8C9' });
    const d = await deploy(sim);
    expect(d.results[0], d.stderr).toMatchObject({ result: 'rejected', reason: 'customer-key-mismatch' });
    expect(commParams(seen)).toEqual([921600, 115200]);
    expect(sim.reader.line.baud).toBe(115200);
    expect((await runCli(['info', '--port', sim.address])).code).toBe(0);
  });

  it('keeps the rate with --max-baud 115200, and refuses a --max-baud that is no rate', async () => {
    const { sim, seen } = await reader();
    const d = await deploy(sim, '--max-baud', '115200');
    expect(d.results[0], d.stderr).toMatchObject({ result: 'accepted', reason: 'ok' });
    expect(commParams(seen)).toEqual([]);
    const bad = await runCli(['deploy', bec2, '--port', sim.address, '--max-baud', 'fast']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--max-baud takes the highest baud rate .* \(got "fast"\)/);
  });

  it('reads back at the raised rate and leaves the reader at its own', async () => {
    const { sim, seen } = await reader();
    expect((await deploy(sim)).results[0]).toMatchObject({ result: 'accepted' });
    seen.length = 0;
    const r = await runCli(['readback', '--port', sim.address, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).values.length).toBeGreaterThan(40);
    expect(commParams(seen)).toEqual([921600, 115200]);
    const reads = seen.filter((s) => s.cmdCode === Sys.SysCfgGetValue.code && Sys.SysCfgGetValue.decodeRequest(s.payload).key === 0x0300);
    expect(reads.length).toBe(40);
    expect(new Set(reads.map((s) => s.baud))).toEqual(new Set([921600]));
    expect(sim.reader.line.baud).toBe(115200);
  });
});
