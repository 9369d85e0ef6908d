import { describe, expect, it } from 'vitest';
import type { SimulatorOptions } from '../../simulator/startSimulator.ts';
import { openSession } from '../../electron/host/readers/openSession.ts';
import { ReaderManager } from '../../electron/host/app/readerManager.ts';
import * as Sys from '../../shared/brp/commands/sys.ts';
import { PortLostError, ReaderStatusError } from '../../shared/brp/errors.ts';
import { runCli, tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import type { AppEvent } from '../../shared/api/contract.ts';

const readers = virtualReaders('each');
const sim = (opts: Partial<SimulatorOptions> = {}) => readers.start({ rebootMs: 300, ...opts });

describe('BRP session over a real pty', () => {
  it('keeps configuration values in the state directory across a simulator restart', async () => {
    const stateDir = tempDir('rd-sim-');
    const first = await sim({ stateDir });
    const s1 = await openSession(first.address);
    await s1.execute(Sys.SysCfgSetValue, { key: 0x0103, value: 0x03, content: Uint8Array.of(0x00, 0x14) });
    await s1.close();
    await readers.unplug(first);

    const second = await sim({ stateDir });
    const s2 = await openSession(second.address);
    const { content } = await s2.execute(Sys.SysCfgGetValue, { key: 0x0103, value: 0x03 });
    expect([...content]).toEqual([0x00, 0x14]);
    await s2.close();
  });

  it('refuses to reveal a secret value but lists that it exists', async () => {
    const s = await sim();
    const session = await openSession(s.address);
    // A crypto key slot filled by CopyConfigKey is secret (value id >= 0x80).
    s.reader.config.set(0x0601, 0x81, new Uint8Array(10).fill(7));
    const err = await session.execute(Sys.SysCfgGetValue, { key: 0x0601, value: 0x81 }).catch((e) => e);
    expect(err).toBeInstanceOf(ReaderStatusError);
    expect((err as ReaderStatusError).status).toBe(0x05);
    expect(err.message).toMatch(/CfgAccessDenied/);
    const { values } = await session.execute(Sys.SysCfgGetValueList, { key: 0x0601 });
    expect(values).toContain(0x81);
    await session.close();
  });

  it('reports a lost port when the reader disappears mid-session', async () => {
    const s = await sim();
    const session = await openSession(s.address);
    await session.execute(Sys.SysGetInfo, undefined);
    const lost = new Promise<string>((r) => session.onPortLost(r));
    await s.stop();
    await lost;
    const err = await session.execute(Sys.SysGetInfo, undefined).catch((e) => e);
    expect(err).toBeInstanceOf(PortLostError);
    await session.close();
  });

  it('reconnects on its own after Sys.Reset reboots the reader', async () => {
    const s = await sim();
    const manager = new ReaderManager({ pollMs: 200 });
    const states: string[] = [];
    manager.onEvent((e: AppEvent) => {
      if (e.type === 'reader-changed') states.push(e.reader.state);
    });
    const summary = await manager.connect(s.address);
    await manager.session(summary.id).execute(Sys.SysReset, undefined);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(states.includes('reconnecting') && states.at(-1) === 'connected')) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('connected');
    const info = await manager.session(summary.id).execute(Sys.SysGetInfo, undefined);
    expect(info.info).toMatch(/^1100 /);
    await manager.closeAll();
  });

  it('delivers a tamper alarm raised with "readerdesk sim tamper"', async () => {
    const stateDir = tempDir('rd-sim-');
    const s = await sim({ stateDir });
    const manager = new ReaderManager({ pollMs: 200 });
    const alarms: AppEvent[] = [];
    manager.onEvent((e) => {
      if (e.type === 'tamper') alarms.push(e);
    });
    await manager.connect(s.address);
    const r = await runCli(['sim', 'tamper', '--state', stateDir]);
    expect(r.code).toBe(0);
    const deadline = Date.now() + 5000;
    while (alarms.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    expect(alarms[0]).toMatchObject({ type: 'tamper', state: 'on', address: s.address });
    await manager.closeAll();
  });
});

describe('BRP over TCP', () => {
  it('readerdesk info reads a virtual reader listening on TCP', async () => {
    const s = await sim({ tcp: { host: '127.0.0.1', port: 0 } });
    expect(s.address).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    const r = await runCli(['info', '--port', s.address, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ securityCode: 'unset', configId: null });
  });

  it('says when nothing listens at a TCP address', async () => {
    const r = await runCli(['info', '--port', 'tcp://127.0.0.1:1']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/nothing is listening/);
  });
});
