import { emptyReaderSummary } from '../../../shared/api/features/readers.ts';
// The renderer's stores, fed the way the host feeds them: a start-up list and a stream of events.
import { describe, expect, it } from 'vitest';
import type { AppEvent, ReaderDeskApi, ReaderSummary } from '../../../shared/api/contract.ts';
import type { EventLogEntry } from '../../../shared/api/features/events.ts';
import type { DeployResult } from '../../../shared/api/features/deploy.ts';
import { ApiCallError } from '../../../shared/api/client.ts';
import { HostError } from '../../../shared/errors/hostError.ts';
import { toApiError } from '../../../electron/host/app/userMessage.ts';
import { createReadersStore } from '../../../renderer/src/stores/readers.ts';
import { createEventLogStore } from '../../../renderer/src/stores/eventLog.ts';
import { createDeployJobStore } from '../../../renderer/src/stores/deployJob.ts';
import { createConfigDocumentStore, isDirty } from '../../../renderer/src/stores/configDocument.ts';
import { createAppStores } from '../../../renderer/src/stores/appStores.ts';
import { connectStores } from '../../../renderer/src/stores/wiring.ts';
import { createBalcfg, setValue } from '../../../shared/config/model.ts';

function reader(id: string, over: Partial<ReaderSummary> = {}): ReaderSummary {
  return { ...emptyReaderSummary(id, `/dev/tty${id}`, false, 115200), ...over };
}

function entry(id: string, time: number, over: Partial<EventLogEntry> = {}): EventLogEntry {
  return { id, time, readerId: 'r1', address: '/dev/ttyA', kind: 'tamper-on', severity: 'alarm', details: '', reason: null, reasonText: null, acknowledgedAt: null, ...over };
}

/** Resolves when the microtasks queued so far have run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('readers store', () => {
  it('adds a reader on reader-changed, replaces it by id on the next one, and drops it on reader-removed', () => {
    const s = createReadersStore();
    s.getState().load([]);
    s.getState().apply({ type: 'reader-changed', reader: reader('a') });
    s.getState().apply({ type: 'reader-changed', reader: reader('b') });
    s.getState().apply({ type: 'reader-changed', reader: reader('a', { state: 'reconnecting' }) });
    expect(s.getState().readers.map((r) => [r.id, r.state])).toEqual([
      ['a', 'reconnecting'],
      ['b', 'connected'],
    ]);
    s.getState().apply({ type: 'reader-removed', id: 'a' });
    expect(s.getState().readers.map((r) => r.id)).toEqual(['b']);
  });

  it('lets events that arrived before the start-up list win over it', () => {
    const s = createReadersStore();
    s.getState().apply({ type: 'reader-changed', reader: reader('a', { state: 'disconnected' }) });
    s.getState().apply({ type: 'reader-removed', id: 'gone' });
    s.getState().load([reader('a'), reader('gone'), reader('c')]);
    expect(s.getState().readers.map((r) => [r.id, r.state])).toEqual([
      ['c', 'connected'],
      ['a', 'disconnected'],
    ]);
    expect(s.getState().loaded).toBe(true);
  });

  it('ignores events that are not about readers', () => {
    const s = createReadersStore();
    const before = s.getState().readers;
    s.getState().apply({ type: 'deploy-progress', progress: { port: 'x', phase: 'done', bytesDone: 1, bytesTotal: 1 } });
    expect(s.getState().readers).toBe(before);
  });
});

describe('event log store', () => {
  it('merges the start-up log with events, in time order, each entry once', () => {
    const s = createEventLogStore();
    s.getState().apply({ type: 'event-logged', entry: entry('e3', 30) });
    s.getState().load([entry('e2', 20), entry('e1', 10), entry('e3', 30)]);
    s.getState().apply({ type: 'event-logged', entry: entry('e4', 40) });
    expect(s.getState().entries.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('keeps an acknowledgement even when an older open copy of the entry arrives later', () => {
    const s = createEventLogStore();
    s.getState().apply({ type: 'event-acknowledged', entry: entry('e1', 10, { acknowledgedAt: 99 }) });
    s.getState().load([entry('e1', 10)]);
    expect(s.getState().entries).toEqual([entry('e1', 10, { acknowledgedAt: 99 })]);
  });
});

describe('deploy job store', () => {
  const result: DeployResult = { port: '/dev/ttyA', result: 'accepted', reason: 'ok', message: 'Accepted.', bytes: 10, durationMs: 5 };

  it('counts only the progress of its own job and keeps the results', async () => {
    const s = createDeployJobStore();
    let finish!: (r: DeployResult[]) => void;
    let jobOfCall: string | undefined;
    const api = {
      deployFile: (_file: string, _ports: string[], jobId?: string) => {
        jobOfCall = jobId;
        return new Promise<DeployResult[]>((r) => (finish = r));
      },
    } as unknown as ReaderDeskApi;
    const started = s.getState().start(api, '/x.bec2', ['/dev/ttyA']);
    expect(s.getState().running).toBe(true);
    expect(await s.getState().start(api, '/x.bec2', ['/dev/ttyA'])).toBe(false);
    const progress = { port: '/dev/ttyA', phase: 'uploading' as const, bytesDone: 4, bytesTotal: 10 };
    s.getState().apply({ type: 'deploy-progress', jobId: 'someone-else', progress: { ...progress, bytesDone: 9 } });
    s.getState().apply({ type: 'deploy-progress', progress: { ...progress, bytesDone: 9 } });
    s.getState().apply({ type: 'deploy-progress', jobId: jobOfCall, progress });
    expect(s.getState().progress).toEqual({ '/dev/ttyA': progress });
    finish([result]);
    expect(await started).toBe(true);
    expect(s.getState()).toMatchObject({ running: false, results: [result], error: null });
  });

  it('keeps the host’s sentence when the deploy cannot start, in the UI’s language', async () => {
    const s = createDeployJobStore();
    const refusal = ApiCallError.from(toApiError(new HostError('deploy.empty-address', {})));
    const api = { deployFile: () => Promise.reject(refusal) } as unknown as ReaderDeskApi;
    expect(await s.getState().start(api, '/x.bec2', [''])).toBe(false);
    expect(s.getState()).toMatchObject({ running: false, error: 'One of the reader addresses is empty; remove it or type a port.' });
  });

  it('keeps the form: picked readers and ports added by hand', () => {
    const s = createDeployJobStore();
    s.getState().setPicked('/dev/ttyA', true);
    s.getState().addExtra('/dev/ttyB', ['/dev/ttyA']);
    s.getState().addExtra('/dev/ttyA', ['/dev/ttyA']);
    expect(s.getState().extra).toEqual(['/dev/ttyB']);
    expect([...s.getState().picked].sort()).toEqual(['/dev/ttyA', '/dev/ttyB']);
    s.getState().removeExtra('/dev/ttyB');
    expect(s.getState().extra).toEqual([]);
    expect([...s.getState().picked]).toEqual(['/dev/ttyA']);
  });
});

describe('config document store', () => {
  const doc = createBalcfg({ name: 'Site', customer: 1, project: 2, device: 0 });

  it('undoes and redoes edits, and knows when the document differs from the file', () => {
    const s = createConfigDocumentStore();
    s.getState().load({ path: '/a.balcfg', balcfg: doc });
    expect(isDirty(s.getState())).toBe(false);
    s.getState().edit((c) => setValue(c, '0103/03', new Uint8Array([40])));
    expect(isDirty(s.getState())).toBe(true);
    const edited = s.getState().present;
    s.getState().undo();
    expect(s.getState().present).toBe(doc);
    expect(isDirty(s.getState())).toBe(false);
    s.getState().redo();
    expect(s.getState().present).toBe(edited);
    s.getState().markSaved({ path: '/a.balcfg', balcfg: edited! });
    expect(isDirty(s.getState())).toBe(false);
    expect(s.getState().past).toHaveLength(1);
    s.getState().close();
    expect(s.getState().present).toBeNull();
  });
});

describe('wiring', () => {
  it('subscribes once, loads the start-up lists and feeds every store from the same events', async () => {
    const listeners: ((e: AppEvent) => void)[] = [];
    const api = {
      onEvent: (l: (e: AppEvent) => void) => {
        listeners.push(l);
        return () => listeners.splice(listeners.indexOf(l), 1);
      },
      listReaders: async () => [reader('a')],
      listPorts: async () => [{ path: '/dev/ttya', kind: 'serial', manufacturer: null, vendorId: null, productId: null, readerId: 'a' }],
      runningJobs: async () => [],
      eventLog: async () => [entry('e1', 10)],
    } as unknown as ReaderDeskApi;
    const stores = createAppStores();
    const off = connectStores(api, stores);
    expect(listeners).toHaveLength(1);
    await settle();
    listeners[0]!({ type: 'reader-changed', reader: reader('b') });
    listeners[0]!({ type: 'event-logged', entry: entry('e2', 20) });
    expect(stores.readers.getState().readers.map((r) => r.id)).toEqual(['a', 'b']);
    expect(stores.eventLog.getState().entries.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(stores.readers.getState().ports.map((p) => p.readerId)).toEqual(['a']);
    // The port list follows hot-plug, and the status bar the running jobs.
    listeners[0]!({ type: 'ports-changed', ports: [] });
    listeners[0]!({ type: 'jobs-changed', jobs: [{ id: 'j', kind: 'deploy', addresses: ['/dev/ttya'], startedAt: 1 }] });
    expect(stores.readers.getState().ports).toEqual([]);
    expect(stores.readers.getState().jobs.map((j) => j.kind)).toEqual(['deploy']);
    off();
    expect(listeners).toHaveLength(0);
  });

  it('says why a start-up list could not be loaded', async () => {
    const api = {
      onEvent: () => () => undefined,
      listReaders: () => Promise.reject(ApiCallError.from(toApiError(new HostError('offline.lost', {})))),
      listPorts: () => Promise.reject(new Error('offline')),
      runningJobs: () => Promise.reject(new Error('offline')),
      eventLog: async () => [],
    } as unknown as ReaderDeskApi;
    const stores = createAppStores();
    connectStores(api, stores);
    await settle();
    expect(stores.readers.getState().error).toBe('The connection to the ReaderDesk service was lost.');
  });
});
