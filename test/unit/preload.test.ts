// The sandboxed preload, run against a fake 'electron' module: what it exposes to the page and which
// IPC channels it uses. The real Electron run is in test/electron (where the binary is installed).
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT, type AppEvent } from '../../shared/api/contract.ts';
import { ROOT } from '../helpers/processes.ts';

type Handler = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  /** Every channel the preload touched, with what it did there. */
  uses: [] as { op: 'invoke' | 'on' | 'removeListener'; channel: string; args: unknown[] }[],
  listeners: new Map<string, Set<Handler>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      electron.uses.push({ op: 'invoke', channel, args });
      return { ok: true, result: null };
    },
    on: (channel: string, handler: Handler) => {
      electron.uses.push({ op: 'on', channel, args: [] });
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(handler);
    },
    removeListener: (channel: string, handler: Handler) => {
      electron.uses.push({ op: 'removeListener', channel, args: [] });
      electron.listeners.get(channel)?.delete(handler);
    },
  },
}));

await import('../../electron/preload.ts');

interface Bridge {
  call(method: unknown, params: unknown): Promise<unknown>;
  subscribe(listener: unknown): () => void;
}
const bridge = electron.exposed.get('readerdeskBridge') as Bridge;

describe('preload bridge', () => {
  it('exposes one frozen bridge with only call and subscribe, never ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['readerdeskBridge']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
  });

  it('uses exactly the contract’s IPC channels: calls on the call channel, events from the event channel', async () => {
    electron.uses.length = 0;
    await bridge.call('connect', ['/dev/ttyUSB0']);
    const seen: AppEvent[] = [];
    const unsubscribe = bridge.subscribe((e: AppEvent) => seen.push(e));
    const event: AppEvent = { type: 'reader-removed', id: 'r1' };
    for (const handler of electron.listeners.get(IPC_CHANNEL_EVENT) ?? []) handler({ sender: 'main' }, { events: [event] });
    unsubscribe();
    for (const handler of electron.listeners.get(IPC_CHANNEL_EVENT) ?? []) handler({ sender: 'main' }, { events: [{ type: 'reader-removed', id: 'late' }] });

    expect(electron.uses).toEqual([
      { op: 'invoke', channel: IPC_CHANNEL_CALL, args: ['connect', ['/dev/ttyUSB0']] },
      { op: 'on', channel: IPC_CHANNEL_EVENT, args: [] },
      { op: 'removeListener', channel: IPC_CHANNEL_EVENT, args: [] },
    ]);
    expect(new Set(electron.uses.map((u) => u.channel))).toEqual(new Set([IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT]));
    expect(seen).toEqual([event]);
  });

  it('hands each event of a batch from the host to the page, one by one and in order', () => {
    const seen: AppEvent[] = [];
    const unsubscribe = bridge.subscribe((e: AppEvent) => seen.push(e));
    const batches: AppEvent[][] = [
      [
        { type: 'reader-removed', id: 'r1' },
        { type: 'reader-removed', id: 'r2' },
        { type: 'reader-removed', id: 'r3' },
      ],
      [],
      [{ type: 'reader-removed', id: 'r4' }],
    ];
    for (const events of batches) for (const handler of electron.listeners.get(IPC_CHANNEL_EVENT) ?? []) handler({ sender: 'main' }, { events });
    // Something that is not a batch is passed over, not thrown into the page.
    for (const handler of electron.listeners.get(IPC_CHANNEL_EVENT) ?? []) expect(() => handler({ sender: 'main' }, { type: 'reader-removed', id: 'x' })).not.toThrow();
    unsubscribe();
    expect(seen.map((e) => (e.type === 'reader-removed' ? e.id : e.type))).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('answers a malformed call itself, without reaching the main process', async () => {
    electron.uses.length = 0;
    for (const [method, params] of [[42, []], ['connect', 'x'], ['connect', undefined]] as const) {
      expect(await bridge.call(method, params)).toEqual({ ok: false, error: { code: 'bad-params', message: 'The request to ReaderDesk was malformed.' } });
    }
    expect(() => bridge.subscribe('not a function')).toThrow(TypeError);
    expect(electron.uses).toEqual([]);
  });

  it('bundles only itself and the zod-free channel module (no zod, no schemas)', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'electron/preload.ts')],
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    expect(Object.keys(result.metafile.inputs).sort()).toEqual(['electron/preload.ts', 'shared/api/channels.ts']);
  });
});
