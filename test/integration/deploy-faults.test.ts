import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';
import { bumpVersion, createBalcfg } from '../../shared/config/model.ts';
import { withSession } from '../../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../../electron/host/lifecycle/finalize.ts';
import { decodeBec2Text, deployToReader, expectedConfigIdOf } from '../../electron/host/lifecycle/deployJob.ts';
import { startFaultProxy, type FaultAction, type FaultProxy, type FrameSeen } from '../soak/faultProxy.ts';
import { tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

// Deploys through a line that fails on purpose (a BRP-aware proxy in front of a virtual reader on
// TCP, CRC16 frames so damage is visible): every result states only what the host proved.

const CONTINUE = 0xf011;
const readers = virtualReaders();
const proxies: FaultProxy[] = [];
let work: string;
let v1: { binary: Uint8Array; id: string | null };
let v2: { binary: Uint8Array; id: string | null };
let twin: { binary: Uint8Array; id: string | null }; // another BALCFG with v1's id, its own CSC

function load(file: string) {
  const text = fs.readFileSync(file, 'latin1');
  return { binary: decodeBec2Text(text), id: expectedConfigIdOf(text) };
}

const reader = () => readers.start({ tcp: { host: '127.0.0.1', port: 0 }, rebootMs: 150 });

async function proxied(sim: RunningSimulator, plan: (f: FrameSeen, n: number) => FaultAction): Promise<FaultProxy> {
  let continues = 0;
  const p = await startFaultProxy({ host: '127.0.0.1', port: Number(new URL(sim.address).port) }, (f) => {
    if (f.cmdCode === CONTINUE && f.direction === 'to-reader') continues++;
    return f.cmdCode === CONTINUE ? plan(f, continues) : { kind: 'pass' };
  });
  proxies.push(p);
  return p;
}

const isFinalAnswer = (f: FrameSeen) => f.direction === 'to-host' && f.status === 0 && (f.payload[0]! & 0x01) === 0;
const deploy = (file: { binary: Uint8Array; id: string | null }, address: string) =>
  deployToReader(file.binary, address, { checksum: 'crc16', expectedConfigId: file.id, reconnectTimeoutMs: 3000 });

beforeAll(async () => {
  work = tempDir('rd-faults-');
  const finalizer = await reader();
  await withSession(finalizer.address, async (s) => {
    const cfg = createBalcfg({ name: 'Line', customer: 50001, project: 901, device: 0 });
    const one = await finalizeOnReader(s, cfg, { outPath: path.join(work, 'v1.bec2') });
    await finalizeOnReader(s, bumpVersion(one.balcfg), { outPath: path.join(work, 'v2.bec2') });
    await finalizeOnReader(s, createBalcfg({ name: 'Line', customer: 50001, project: 901, device: 0 }), { outPath: path.join(work, 'twin.bec2') });
  });
  v1 = load(path.join(work, 'v1.bec2'));
  v2 = load(path.join(work, 'v2.bec2'));
  twin = load(path.join(work, 'twin.bec2'));
});

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
});

describe('deploy over a damaged line', () => {
  it('resumes after the reader says a block arrived damaged, and ends accepted', async () => {
    const sim = await reader();
    let done = false;
    const line = await proxied(sim, (f, n) => (!done && n === 3 && f.direction === 'to-reader' ? ((done = true), { kind: 'corrupt' }) : { kind: 'pass' }));
    const r = await deploy(v1, line.address);
    expect(r).toMatchObject({ result: 'accepted', reason: 'ok', configIdAfter: '50001-0901-0000-01 Line' });
    expect(r.recoveries).toBeGreaterThanOrEqual(1);
  });

  it('gets over a stalled line and a lost answer mid-upload, and ends accepted', async () => {
    const sim = await reader();
    let stalled = false;
    let dropped = false;
    const line = await proxied(sim, (f, n) => {
      if (!stalled && n === 2 && f.direction === 'to-reader') return (stalled = true), { kind: 'stall' };
      if (!dropped && n === 6 && f.direction === 'to-host') return (dropped = true), { kind: 'drop' };
      return { kind: 'pass' };
    });
    const r = await deploy(v1, line.address);
    expect(r).toMatchObject({ result: 'accepted', configIdAfter: '50001-0901-0000-01 Line' });
    expect(r.recoveries).toBeGreaterThanOrEqual(2);
  });

  it('a lost final answer is accepted only because the read-back shows the new configuration arrived', async () => {
    const sim = await reader();
    expect((await deploy(v1, sim.address)).result).toBe('accepted');
    let dropped = false;
    const line = await proxied(sim, (f) => (!dropped && isFinalAnswer(f) ? ((dropped = true), { kind: 'drop' }) : { kind: 'pass' }));
    const r = await deploy(v2, line.address);
    expect(r).toMatchObject({ result: 'accepted', configIdBefore: '50001-0901-0000-01 Line', configIdAfter: '50001-0901-0000-02 Line' });
    expect(r.message).toMatch(/confirmation was lost on the line/);
  });

  it('never says accepted for a file whose id the reader already ran when the answer is lost', async () => {
    const sim = await reader();
    expect((await deploy(v1, sim.address)).result).toBe('accepted');
    // The twin has v1's id but another Config Security Code: the reader refuses it, and the refusal is lost.
    let dropped = false;
    const line = await proxied(sim, (f) => (!dropped && f.direction === 'to-host' && f.status !== 0 ? ((dropped = true), { kind: 'drop' }) : { kind: 'pass' }));
    const r = await deploy(twin, line.address);
    expect(r.result).not.toBe('accepted');
    expect(r).toMatchObject({ result: 'unknown', reason: 'unconfirmed' });
    expect(r.message).toMatch(/^Unknown — check this reader/);
  });
});

describe('one reader, two names', () => {
  it('refuses a second deploy racing on the same reader under another name, saying why', async () => {
    const sim = await reader();
    const port = new URL(sim.address).port;
    const [a, b] = await Promise.all([deploy(v1, `tcp://127.0.0.1:${port}`), deploy(v1, `tcp://localhost:${port}`)]);
    const results = [a, b].map((r) => r.reason).sort();
    expect(results).toEqual(['ok', 'reader-busy']);
    const loser = a.reason === 'reader-busy' ? a : b;
    expect(loser).toMatchObject({ result: 'failed', bytes: 0 });
    expect(loser.message).toMatch(/is the same reader as tcp:\/\/.*another deploy is sending a file to right now, so nothing was sent/);
  });
});
