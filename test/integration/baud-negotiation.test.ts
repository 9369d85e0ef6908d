import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';
import { newBalcfg, runCli, runCliOk, tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { commParams, uploadRates, watchLineRates, type SeenCommand } from '../helpers/lineRates.ts';
import * as Sys from '../../shared/brp/commands/sys.ts';
import { MainBf3UploadContinue, MainBf3UploadStart } from '../../shared/brp/commands/main.ts';
import { loadBalcfg, saveBalcfg } from '../../electron/host/files/balcfgStore.ts';
import { setValue } from '../../shared/config/model.ts';
import type { DeployResult } from '../../shared/api/features/deploy.ts';
import { decodeBec2Text, deployToReader, expectedConfigIdOf } from '../../electron/host/lifecycle/deployJob.ts';
import { decodeCommandFrame } from '../../shared/brp/frame.ts';

// The wire is the limit: a deploy or read-back raises a serial line to the fastest rate and leaves
// the reader at its own rate afterwards. Virtual readers on real socat ptys, emulating 115200 baud;
// the CLI in its own process. A pty carries bytes at any speed, so what the reader's UART runs at
// is read from the reader itself, frame by frame.

const readers = virtualReaders();
let work: string;
let bec2: string;

async function reader(
  opts: { fixedBaud?: boolean; customerKey?: string; lineMaxBaud?: number; answersMaxBaud?: number } = {},
): Promise<{ sim: RunningSimulator; seen: SeenCommand[] }> {
  const sim = await readers.start({ baud: 115200, rebootMs: 200, ...opts });
  return { sim, seen: watchLineRates(sim) };
}

async function deploy(sim: RunningSimulator, ...extra: string[]) {
  const r = await runCli(['deploy', bec2, '--port', sim.address, '--json', ...extra], { timeoutMs: 60_000 });
  return { ...r, results: r.stdout ? (JSON.parse(r.stdout) as DeployResult[]) : [] };
}

/** What the reader runs, asked by the CLI at the port's own rate (115200). */
async function info(sim: RunningSimulator) {
  const r = await runCli(['info', '--port', sim.address, '--json']);
  return { code: r.code, stderr: r.stderr, configId: r.code === 0 ? (JSON.parse(r.stdout) as { configId: string | null }).configId : undefined };
}

beforeAll(async () => {
  work = tempDir('rd-baud-work-');
  const finalizer = await readers.start();
  const cfg = await newBalcfg(path.join(work, 'site.balcfg'), { name: 'Site', project: 611 });
  let model = await loadBalcfg(cfg);
  // Large enough for several upload blocks, so a line can fail in the middle of the file.
  for (let i = 0; i < 40; i++) model = setValue(model, `0300/${i.toString(16).padStart(2, '0')}`, new Uint8Array(32).fill(0xab));
  for (let i = 0; i < 60; i++) model = setValue(model, `0301/${i.toString(16).padStart(2, '0')}`, new Uint8Array(64).fill(i));
  await saveBalcfg(cfg, model);
  bec2 = path.join(work, 'site.bec2');
  await runCliOk(['finalize', cfg, '--port', finalizer.address, '--out', bec2]);
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

describe('a line that does not carry every rate (emulated over a real pty)', () => {
  it('sends the file again at the raised rate when the line broke at the last block and the reader is proven not to have it', async () => {
    const { sim, seen } = await reader({ lineMaxBaud: 921600 });
    const binary = decodeBec2Text(fs.readFileSync(bec2, 'latin1'));
    let broken = false;
    // The line fails exactly while the host sends the last block (the frame log sees each frame just
    // before it is written), so the reader never gets it; it carries again a moment later.
    const frameLog = (f: { direction: 'in' | 'out'; bytes: Uint8Array }) => {
      if (broken || f.direction !== 'out') return;
      const frame = decodeCommandFrame(f.bytes);
      if (frame.cmdCode !== MainBf3UploadContinue.code) return;
      const block = MainBf3UploadContinue.decodeRequest(frame.payload);
      if (block.dataAdr + block.data.length !== binary.length) return;
      broken = true;
      sim.line!.maxBaud = 500000;
      setTimeout(() => (sim.line!.maxBaud = 921600), 300);
    };
    const r = await deployToReader(binary, sim.address, { frameLog, expectedConfigId: expectedConfigIdOf(fs.readFileSync(bec2, 'latin1')) });
    expect(broken).toBe(true);
    expect(r).toMatchObject({ result: 'accepted', configIdAfter: expect.stringMatching(/^50001-0611-0000-01/) });
    expect(r.recoveries).toBeGreaterThanOrEqual(1);
    // Both the first attempt and the second went at the raised rate.
    expect(uploadRates(seen)).toEqual([921600]);
    expect(commParams(seen).filter((b) => b === 921600).length).toBe(2);
  }, 60_000);

  it('steps down to the fastest rate the line carries and says so', async () => {
    // A weak driver on the reader's side: its answers arrive damaged above 500000 baud.
    const { sim, seen } = await reader({ answersMaxBaud: 500000 });
    const text = await runCli(['deploy', bec2, '--port', sim.address], { timeoutMs: 60_000 });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${sim.address}: line speed raised to 500000 baud (921600 and 576000 did not work on this line)`);
    // Each failed rate went back to 115200 before the next one was asked for.
    expect(commParams(seen)).toEqual([921600, 115200, 576000, 115200, 500000]);
    expect(uploadRates(seen)).toEqual([500000]);
    expect(sim.reader.line.baud).toBe(115200);

    seen.length = 0;
    const again = await deploy(sim);
    expect(again.results[0]).toMatchObject({
      result: 'accepted',
      lineSpeed: { from: 115200, rate: 500000, maxBaud: 921600, outcome: 'raised', failed: [{ baud: 921600, where: 'line' }, { baud: 576000, where: 'line' }] },
    });
  });

  it('keeps the old rate when no faster rate works, and the deploy still succeeds', async () => {
    const { sim, seen } = await reader({ answersMaxBaud: 115200 });
    const d = await deploy(sim);
    expect(d.results[0], d.stderr).toMatchObject({ result: 'accepted', lineSpeed: { outcome: 'kept', keptBecause: 'none-worked', rate: 115200 } });
    expect(d.results[0]!.lineSpeed!.failed.map((f) => f.baud)).toEqual([921600, 576000, 500000]);
    expect(uploadRates(seen)).toEqual([115200]);
  });

  it('says what to do when the line carries nothing at the raised rate, and sends no file data', async () => {
    // A cable that carries 115200 and nothing faster, either way: once switched, the reader cannot be reached.
    const { sim, seen } = await reader({ lineMaxBaud: 115200 });
    const d = await deploy(sim);
    expect(d.results[0]).toMatchObject({ result: 'failed', reason: 'io', lineSpeed: { outcome: 'lost', rate: 921600, from: 115200 } });
    expect(d.results[0]!.message).toMatch(/^Not deployed: the reader stopped answering at 921600 baud.*switch it off and on.*again\. No file data was sent to the reader\.$/);
    expect(seen.some((f) => f.cmdCode === MainBf3UploadStart.code)).toBe(false);
    // Sys.SetCommParam's change lasts until a restart: switched off and on, the reader is back at 115200 and unchanged.
    expect(sim.reader.line.baud).toBe(921600);
    await sim.powerCycle();
    const after = await info(sim);
    expect(after.code, after.stderr).toBe(0);
    expect(after.configId).toBeNull();
    expect(sim.reader.line.baud).toBe(115200);
  });

  it('a raised line that breaks mid-upload ends "not deployed", and the reader is reachable at its configured rate after a restart', async () => {
    const { sim, seen } = await reader({ lineMaxBaud: 921600 });
    let blocks = 0;
    sim.reader.watchCommands((f) => {
      // The cable gets worse in the middle of the file: from the second block's answer on, only 115200 passes.
      if (f.cmdCode === MainBf3UploadContinue.code && ++blocks === 2) sim.line!.maxBaud = 115200;
    });
    const d = await deploy(sim);
    const r = d.results[0]!;
    expect(r, d.stderr).toMatchObject({ result: 'failed', reason: 'io', lineSpeed: { outcome: 'lost', rate: 921600 } });
    expect(r.lineSpeed!.failed).toContainEqual({ baud: 921600, where: 'transfer' });
    expect(r.message).toMatch(/^Not deployed: the reader stopped answering at 921600 baud.*switch it off and on.*it never got the last block/);
    expect(uploadRates(seen)).toEqual([921600]);
    // Until it restarts, the reader stays at 921600, which the line no longer carries: a host at 115200 does not reach it.
    expect(sim.reader.line.baud).toBe(921600);
    expect((await info(sim)).code).not.toBe(0);
    await sim.powerCycle();
    seen.length = 0;
    const after = await info(sim);
    expect(after.code, after.stderr).toBe(0);
    expect(after.configId).toBeNull(); // it never applied any part of the file
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((f) => f.baud === 115200)).toBe(true);
  });

  it('steps down in the middle of the upload when the raised rate starts failing, and ends accepted', async () => {
    const { sim, seen } = await reader({ answersMaxBaud: 921600 });
    let blocks = 0;
    sim.reader.watchCommands((f) => {
      if (f.cmdCode === MainBf3UploadContinue.code && ++blocks === 2) sim.line!.answersMaxBaud = 500000;
    });
    const d = await deploy(sim);
    expect(d.results[0], d.stderr).toMatchObject({
      result: 'accepted',
      configIdAfter: expect.stringMatching(/^50001-0611-0000-01/),
      lineSpeed: { outcome: 'raised', rate: 500000, failed: [{ baud: 921600, where: 'transfer' }, { baud: 576000, where: 'line' }] },
    });
    expect(uploadRates(seen)).toEqual([921600, 500000]);
    expect(sim.reader.line.baud).toBe(115200);
    expect((await info(sim)).configId).toMatch(/^50001-0611-0000-01/);
  });

  it('readerdesk simulate emulates the same line in its own process, and refuses a limit it cannot emulate', async () => {
    const proc = await readers.startProcess(['--answers-max-baud', '576000']);
    const d = await runCli(['deploy', bec2, '--port', proc.address], { timeoutMs: 60_000 });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain(`${proc.address}: line speed raised to 576000 baud (921600 did not work on this line)`);

    const tcp = await runCli(['simulate', '--state', tempDir('rd-baud-bad-'), '--tcp', '127.0.0.1:0', '--line-max-baud', '115200']);
    expect(tcp.code).not.toBe(0);
    expect(tcp.stderr).toMatch(/--line-max-baud emulates a serial line, and TCP has no line speed; leave out --tcp/);
    const bad = await runCli(['simulate', '--state', tempDir('rd-baud-bad-'), '--answers-max-baud', 'slow']);
    expect(bad.stderr).toMatch(/--answers-max-baud takes the fastest rate the line carries, between 300 and 4000000, such as 115200 \(got "slow"\)/);
  });
});
