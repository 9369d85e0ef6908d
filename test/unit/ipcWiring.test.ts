// registerIpc (electron/ipc.ts) run as main.ts runs it, against a fake ipcMain and fake webContents
// that behave like Electron's: one handler per channel, invoke events that name the sending
// webContents and frame, windows that can navigate and be destroyed.
import { describe, expect, it } from 'vitest';
import { API_METHODS, IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT, type AppEvent, type ReaderDeskApi } from '../../shared/api/contract.ts';
import { API_PARAMS } from '../../shared/api/apiParams.ts';
import { registerIpc, type AppWindowContents, type InvokeEventSource, type IpcMainPort } from '../../electron/ipc.ts';
import type { EventsMessage } from '../../shared/api/channels.ts';
import { manualClock } from '../helpers/manualClock.ts';

const INDEX = 'readerdesk://app/index.html';

type InvokeListener = (event: InvokeEventSource, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    // Electron refuses a second handler on one channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke(channel, ...args) from that frame would get back. */
  async invoke(from: InvokeEventSource, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(from, ...args);
  }
}

class FakeWebContents implements AppWindowContents {
  readonly mainFrame: { url: string };
  readonly sent: unknown[][] = [];
  private destroyed = false;
  private readonly onDestroyed: (() => void)[] = [];
  constructor(readonly id: number, url: string) {
    this.mainFrame = { url };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, ...args]);
  }
  once(_event: 'destroyed', listener: () => void): this {
    this.onDestroyed.push(listener);
    return this;
  }
  destroy(): void {
    this.destroyed = true;
    for (const l of this.onDestroyed.splice(0)) l();
  }
  /** An invoke sent by this window's top frame. */
  fromTopFrame(): InvokeEventSource {
    return { sender: this, senderFrame: this.mainFrame };
  }
  /** An invoke sent by a frame inside this window (an iframe, even one showing the same URL). */
  fromSubframe(url: string): InvokeEventSource {
    return { sender: this, senderFrame: { url } };
  }
}

/** A host whose every contract method records its call; events are emitted by hand. */
function fakeService() {
  const calls: { method: string; args: unknown[] }[] = [];
  const listeners = new Set<(e: AppEvent) => void>();
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    api[method] = async (...args: unknown[]) => {
      calls.push({ method, args });
      return { answeredBy: method };
    };
  }
  api.onEvent = (l: (e: AppEvent) => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const emit = (e: AppEvent) => {
    for (const l of listeners) l(e);
  };
  return { service: api as unknown as ReaderDeskApi, calls, listeners, emit };
}

function setUp() {
  const ipcMain = new FakeIpcMain();
  const win = new FakeWebContents(3, INDEX);
  const host = fakeService();
  const { clock, advance } = manualClock();
  const dispose = registerIpc(ipcMain, host.service, win, INDEX, undefined, { clock });
  return { ipcMain, win, ...host, dispose, advance };
}

/** The events a window received on the event channel, one entry per message. */
function eventMessages(win: FakeWebContents): EventsMessage[] {
  return win.sent.map(([channel, ...args]) => {
    expect(channel).toBe(IPC_CHANNEL_EVENT);
    expect(args).toHaveLength(1);
    return args[0] as EventsMessage;
  });
}

const frame = (seq: number): AppEvent => ({
  type: 'frame',
  frame: { seq, time: seq, direction: 'in', address: '/dev/ttyUSB0', hex: '0C00040000', summary: 'Sys.GetInfo' },
});

const FORBIDDEN = { ok: false, error: { code: 'forbidden', params: {}, message: 'This window may not use ReaderDesk.' } };

describe('registerIpc', () => {
  it('handles the contract’s call channel, and answers a call from the app window with the host’s result', async () => {
    const { ipcMain, win, calls } = setUp();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNEL_CALL]);
    expect(await ipcMain.invoke(win.fromTopFrame(), IPC_CHANNEL_CALL, 'connect', ['/dev/ttyUSB0'])).toEqual({ ok: true, result: { answeredBy: 'connect' } });
    expect(calls).toEqual([{ method: 'connect', args: ['/dev/ttyUSB0'] }]);
  });

  it('routes every method of the contract to its schema and then to the host', async () => {
    const { ipcMain, win, calls } = setUp();
    for (const method of API_METHODS) {
      const answer = await ipcMain.invoke(win.fromTopFrame(), IPC_CHANNEL_CALL, method, { 0: 'not an argument list' });
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'bad-params', message: expect.stringContaining(`The request for ${method} was malformed`) } });
    }
    expect(calls).toEqual([]);
    // Methods whose arguments may all be left out reach the host with the arguments as parsed.
    const argless = API_METHODS.filter((m) => API_PARAMS[m].safeParse([]).success);
    expect(argless.length).toBeGreaterThan(3);
    for (const method of argless) {
      expect(await ipcMain.invoke(win.fromTopFrame(), IPC_CHANNEL_CALL, method, []), method).toEqual({ ok: true, result: { answeredBy: method } });
    }
    expect(calls.map((c) => c.method)).toEqual(argless);
  });

  it('refuses calls from another window, a subframe, a page that is not the app’s, or a frame that is gone; the host never runs them', async () => {
    const { ipcMain, win, calls } = setUp();
    const otherWindow = new FakeWebContents(4, INDEX);
    const navigatedAway = new FakeWebContents(3, 'https://evil.example/index.html');
    const refused: [string, InvokeEventSource][] = [
      ['another window showing the app', otherWindow.fromTopFrame()],
      ['an iframe in the app window', win.fromSubframe(INDEX)],
      ['an iframe from the web', win.fromSubframe('https://evil.example/')],
      ['the app window after navigating away', navigatedAway.fromTopFrame()],
      ['another local file', new FakeWebContents(3, 'file:///tmp/other/index.html').fromTopFrame()],
      ['a frame that navigated or was destroyed', { sender: win, senderFrame: null }],
    ];
    for (const [who, from] of refused) {
      expect(await ipcMain.invoke(from, IPC_CHANNEL_CALL, 'connect', ['/dev/ttyUSB0']), who).toEqual(FORBIDDEN);
    }
    expect(calls).toEqual([]);
  });

  it('answers bad arguments and unknown methods with an error and never runs the host', async () => {
    const { ipcMain, win, calls } = setUp();
    const call = (method: unknown, params: unknown) => ipcMain.invoke(win.fromTopFrame(), IPC_CHANNEL_CALL, method, params);
    for (const params of [[], [42], ['a'.repeat(600)], ['/dev/ttyUSB0', 'extra'], undefined]) {
      expect(await call('connect', params), JSON.stringify(params)).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    }
    for (const method of ['deleteEverything', '__proto__', 'onEvent', undefined]) {
      expect(await call(method, []), String(method)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    // A malformed key is refused without being repeated back.
    const siteKey = 'ab'.repeat(31) + 'zz';
    const answer = await call('doorfileVerify', [{ doorPath: '/tmp/door.json', siteKey: { hex: siteKey } }]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-params', message: expect.stringContaining('the site key must be exactly 64 hex digits') } });
    expect(JSON.stringify(answer)).not.toContain(siteKey);
    expect(calls).toEqual([]);
  });

  it('forwards the host’s events on the event channel to the app window only, and stops when it is destroyed', async () => {
    const { ipcMain, win, emit, listeners } = setUp();
    const otherWindow = new FakeWebContents(4, INDEX);
    const removed: AppEvent = { type: 'reader-removed', id: 'r1' };
    emit(removed);
    expect(win.sent).toEqual([[IPC_CHANNEL_EVENT, { events: [removed] }]]);
    expect(otherWindow.sent).toEqual([]);

    win.destroy();
    emit({ type: 'reader-removed', id: 'r2' });
    expect(win.sent).toHaveLength(1);
    expect(listeners.size).toBe(0);
    expect(ipcMain.handlers.size).toBe(0);
    await expect(ipcMain.invoke(win.fromTopFrame(), IPC_CHANNEL_CALL, 'listReaders', [])).rejects.toThrow(/No handler/);
  });

  it('sends a burst of events as a few messages, in order and complete, as the web shell does', () => {
    const { win, emit, advance } = setUp();
    // A deploy to many readers: 2,000 frame events within 100 ms, and a reader dropping out among them.
    const burst: AppEvent[] = [];
    for (let seq = 1; seq <= 2000; seq++) {
      burst.push(frame(seq));
      if (seq === 1000) burst.push({ type: 'reader-removed', id: 'r1' });
    }
    burst.forEach((event, i) => {
      emit(event);
      if (i % 100 === 99) advance(5);
    });
    advance(50);

    const messages = eventMessages(win);
    // At most one message per 50 ms (plus the first, which leaves at once): not one per event.
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(4);
    expect(messages.flatMap((m) => m.events)).toEqual(burst);
  });

  it('keeps only the newest byte count of a deploy phase, but every phase change, and drops what waits when the window goes', () => {
    const { win, emit, advance } = setUp();
    const progress = (phase: 'uploading' | 'done', bytesDone: number): AppEvent => ({
      type: 'deploy-progress',
      jobId: 'j1',
      progress: { port: '/dev/ttyUSB0', phase, bytesDone, bytesTotal: 1000 },
    });
    emit(frame(1));
    for (let bytes = 100; bytes <= 1000; bytes += 100) emit(progress('uploading', bytes));
    emit(progress('done', 1000));
    advance(50);
    expect(eventMessages(win).flatMap((m) => m.events)).toEqual([frame(1), progress('uploading', 1000), progress('done', 1000)]);

    const before = win.sent.length;
    // A message just left, so these wait for the next one; the window closes first.
    emit(frame(2));
    emit(frame(3));
    win.destroy();
    advance(50);
    expect(win.sent).toHaveLength(before);
  });

  it('sends nothing to a window that is being destroyed, and a new window takes over the channel', async () => {
    const { ipcMain, win, emit, service, calls } = setUp();
    (win as unknown as { isDestroyed: () => boolean }).isDestroyed = () => true;
    expect(() => emit({ type: 'reader-removed', id: 'r1' })).not.toThrow();
    expect(win.sent).toEqual([]);

    const next = new FakeWebContents(7, INDEX);
    registerIpc(ipcMain, service, next, INDEX);
    expect(await ipcMain.invoke(next.fromTopFrame(), IPC_CHANNEL_CALL, 'listReaders', [])).toEqual({ ok: true, result: { answeredBy: 'listReaders' } });
    expect(await ipcMain.invoke(win.fromTopFrame(), IPC_CHANNEL_CALL, 'listReaders', [])).toEqual(FORBIDDEN);
    expect(calls.map((c) => c.method)).toEqual(['listReaders']);
  });
});
