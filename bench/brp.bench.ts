import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryTransport } from '../electron/host/transport/memoryTransport.ts';
import { BrpSession } from '../electron/host/brp/session.ts';
import { attachMemoryReader } from '../simulator/memoryReader.ts';
import * as Sys from '../shared/brp/commands/sys.ts';
import { encodeCommandFrame, FrameReader } from '../shared/brp/frame.ts';

/** Frames per second through codec + session + virtual reader over an in-memory pair. */
export async function benchBrp(print: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-'));
  const [host, reader] = MemoryTransport.pair();
  await attachMemoryReader(reader, dir);
  await host.open();
  const session = new BrpSession(host, { checksum: 'crc16' });
  for (let i = 0; i < 200; i++) await session.execute(Sys.SysGetInfo, undefined); // warm up
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await session.execute(Sys.SysCfgGetValue, { key: 0x0103, value: 0x03 }).catch(() => undefined);
  const ms = performance.now() - t0;
  print(`BRP session over in-memory pair: ${n} commands in ${ms.toFixed(0)} ms = ${Math.round((n * 2) / (ms / 1000))} frames/s (${Math.round(n / (ms / 1000))} round trips/s)`);

  const frame = encodeCommandFrame({ cmdCode: 0x0008, payload: Uint8Array.of(6, 0x20, 1), checksum: 'crc16' });
  const parser = FrameReader.forCommands();
  const m = 500_000;
  const t1 = performance.now();
  for (let i = 0; i < m; i++) parser.push(frame);
  const ms2 = performance.now() - t1;
  print(`BRP codec alone: ${m} command frames parsed in ${ms2.toFixed(0)} ms = ${Math.round(m / (ms2 / 1000))} frames/s`);
  await session.close();
  await benchUptime(print, dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** µs of one Sys.GetBootStatus round trip on a fresh in-memory session: the best of 40 rounds, since other processes only ever add time. */
async function roundTripUs(dir: string): Promise<number> {
  const [host, reader] = MemoryTransport.pair();
  await attachMemoryReader(reader, dir);
  await host.open();
  const session = new BrpSession(host, { checksum: 'none' });
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) await session.execute(Sys.SysGetBootStatus, undefined); // warm up
  for (let round = 0; round < 40; round++) {
    const n = 200;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await session.execute(Sys.SysGetBootStatus, undefined);
    samples.push(((performance.now() - t0) * 1000) / n);
    await new Promise((r) => setTimeout(r, 25)); // spread the rounds over time: other processes come and go
  }
  await session.close();
  return Math.min(...samples);
}

/** Issue 13: a host that has opened and closed many sessions must not get slower per round trip. */
async function benchUptime(print: (line: string) => void, dir: string): Promise<void> {
  await roundTripUs(dir); // JIT warm-up of codec, session and virtual reader
  const first = await roundTripUs(dir);
  const sessions = 2000;
  for (let i = 0; i < sessions; i++) {
    const [host, reader] = MemoryTransport.pair();
    await reader.open();
    reader.onData(() => void reader.write(Uint8Array.of(0x0c, 0x00, 0x05, 0x04, 0x00, 0, 0, 0, 0)));
    await host.open();
    const s = new BrpSession(host, { checksum: 'none' });
    // A caller's sequence, as finalize and the customer-key check run them.
    await s.exclusive(() => s.execute(Sys.SysGetBootStatus, undefined));
    await s.close();
  }
  const after = await roundTripUs(dir);
  print(
    `round trip (in-memory, Sys.GetBootStatus): ${first.toFixed(1)} µs with no earlier sessions, ${after.toFixed(1)} µs after ${sessions} sessions opened and closed ` +
      `= ${(after / first).toFixed(2)}× (goal ≤ 1.2×)`,
  );
}
