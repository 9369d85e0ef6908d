import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent, ReaderSummary } from '../../shared/api/contract.ts';
import { emptyReaderSummary } from '../../shared/api/features/readers.ts';
import { tempDir } from '../helpers/processes.ts';
import { toHex } from '../../shared/bytes.ts';
import { encodeCommandFrame, encodeResponseFrame } from '../../shared/brp/frame.ts';
import { SysCfgSetValue, SysGetInfo } from '../../shared/brp/commands/sys.ts';
import { CryptoBalKeyEncryptBuffer } from '../../shared/brp/commands/crypto.ts';
import { FrameJournal } from '../../electron/host/app/frameJournal.ts';
import type { AppContext } from '../../electron/host/app/appContext.ts';
import type { ReaderManager } from '../../electron/host/app/readerManager.ts';
import { createEventsService } from '../../electron/host/app/features/eventsService.ts';
import type { ReaderActivity } from '../../electron/host/app/activity.ts';
import { activityDetails } from '../../electron/host/app/activity.ts';
import { hostText } from '../../shared/errors/hostError.ts';
import { reasonText } from '../../renderer/src/lib/errorText.ts';
import { addLanguagePack } from '../../renderer/src/i18n/languages.ts';
import { GERMAN } from '../../renderer/src/i18n/german.ts';
import { Listeners } from '../../shared/listeners.ts';
import { FileAccess } from '../../electron/host/files/fileAccess.ts';

const CSC = Uint8Array.from([0xc5, 0xc5, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]);
const KEY_BUFFER = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const ENCRYPTED = Uint8Array.from({ length: 16 }, (_, i) => 0x50 + i);
const ADDRESS = '/dev/ttyUSB7';

function fakeContext() {
  const frames = new FrameJournal(100);
  const listeners: ((e: AppEvent) => void)[] = [];
  const emitted: AppEvent[] = [];
  const readers = {
    list: (): ReaderSummary[] => [],
    onEvent: (l: (e: AppEvent) => void) => {
      listeners.push(l);
      return () => undefined;
    },
  } as unknown as ReaderManager;
  const ctx = {
    readers,
    frames,
    settings: undefined as never,
    jobs: undefined as never,
    activity: new Listeners<[ReaderActivity]>(),
    files: new FileAccess('client'),
    emit: (e: AppEvent) => emitted.push(e),
    shell: 'web',
    version: '9.8.7',
    simulatorAddress: null,
  } satisfies AppContext;
  const fire = (e: AppEvent) => listeners.forEach((l) => l(e));
  return { ctx, frames, emitted, fire };
}

const outFile = (name: string) => path.join(tempDir('rd-diag-'), name);
const summary = (state: ReaderSummary['state'], lastError: string | null = null): ReaderSummary => ({
  ...emptyReaderSummary('r1', ADDRESS, false, 115200),
  state,
  lastError,
  lastErrorText: lastError,
});

describe('diagnostics bundle', () => {
  it('carries version, OS, ports, frames and events but never the payload of key-carrying frames', async () => {
    const { ctx, frames, fire } = fakeContext();
    const api = createEventsService(ctx, { listPorts: async () => [{ path: '/dev/ttyUSB7', manufacturer: 'BALTECH', vendorId: '13ad', productId: '9cab', serialNumber: null }] });
    const add = (bytes: Uint8Array, direction: 'out' | 'in') => frames.add({ time: 1, direction, address: ADDRESS, bytes });
    // A secret configuration value (value id >= 0x80: a key or the Config Security Code).
    add(encodeCommandFrame({ cmdCode: SysCfgSetValue.code, payload: SysCfgSetValue.encodeRequest({ key: 0x0620, value: 0x81, content: CSC }) }), 'out');
    // Crypto.BalKeyEncryptBuffer: the plain buffer going out and the encrypted one coming back.
    const encReq = CryptoBalKeyEncryptBuffer.encodeRequest({ keyVersion: 3, embeddedKeyIndex: 1, embeddedKeyPos: 0, buffer: KEY_BUFFER, initialVector: new Uint8Array(16) });
    add(encodeCommandFrame({ cmdCode: CryptoBalKeyEncryptBuffer.code, payload: encReq }), 'out');
    add(encodeResponseFrame({ cmdCode: CryptoBalKeyEncryptBuffer.code, payload: CryptoBalKeyEncryptBuffer.encodeResponse({ encryptedBuffer: ENCRYPTED, nextInitialVector: new Uint8Array(16) }) }), 'in');
    // The same command in the 1-byte command code / length form.
    add(encodeCommandFrame({ cmdCode: CryptoBalKeyEncryptBuffer.code, payload: encReq, compressedCmdCode: true, compressedLength: true }), 'out');
    // An ordinary frame stays readable.
    const plain = encodeCommandFrame({ cmdCode: SysGetInfo.code });
    add(plain, 'out');
    fire({ type: 'tamper', readerId: 'r1', address: ADDRESS, time: 5, state: 'on' });

    const file = outFile('bundle.json');
    const result = await api.exportDiagnostics(file);
    const raw = fs.readFileSync(file, 'utf8');
    const bundle = JSON.parse(raw);

    expect(result).toEqual({ path: file, frames: 5, events: 1 });
    expect(bundle.app.version).toBe('9.8.7');
    expect(bundle.os.platform).toBe(process.platform);
    expect(bundle.serialPorts[0].vendorId).toBe('13ad');
    expect(bundle.events[0].kind).toBe('tamper-on');
    expect(bundle.frames.map((f: { hex: string }) => f.hex)).toContain(toHex(plain));
    expect(bundle.frames.slice(0, 4).every((f: { hex: string }) => f.hex.includes('redacted'))).toBe(true);
    const flat = raw.toUpperCase().replace(/[^0-9A-F]/g, '');
    for (const secret of [CSC, KEY_BUFFER, ENCRYPTED]) expect(flat).not.toContain(toHex(secret).toUpperCase());
  });

  it('says in a sentence when the folder does not exist, naming the full path a relative one stands for', async () => {
    const { ctx } = fakeContext();
    const api = createEventsService(ctx, { listPorts: async () => [] });
    await expect(api.exportDiagnostics('/no/such/folder/x.json')).rejects.toThrow(/The folder \/no\/such\/folder does not exist/);
    await expect(api.exportDiagnostics('no-such-folder-here/bundle.json')).rejects.toThrow(`The folder ${path.join(os.homedir(), 'no-such-folder-here')} does not exist`);
  });

  it('still writes a bundle when the serial ports cannot be listed', async () => {
    const { ctx } = fakeContext();
    const api = createEventsService(ctx, { listPorts: async () => Promise.reject(new Error('udev is gone')) });
    const file = outFile('b.json');
    await api.exportDiagnostics(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).serialPorts.error).toMatch(/could not be listed: udev is gone/);
  });
});

describe('event log', () => {
  it('logs tamper alarms and connection changes, keeps alarms open until acknowledged and pushes both', async () => {
    const { ctx, emitted, fire } = fakeContext();
    let clock = 1000;
    const api = createEventsService(ctx, { now: () => clock });
    fire({ type: 'reader-changed', reader: summary('connected') });
    fire({ type: 'tamper', readerId: 'r1', address: ADDRESS, time: 1100, state: 'on' });
    fire({ type: 'reader-changed', reader: summary('reconnecting') });
    fire({ type: 'reader-changed', reader: summary('connected') });
    fire({ type: 'reader-changed', reader: summary('reconnecting') });
    fire({ type: 'reader-changed', reader: summary('disconnected', 'the port vanished') });
    fire({ type: 'reader-removed', id: 'r1' });

    const log = await api.eventLog();
    expect(log.map((e) => e.kind)).toEqual(['tamper-on', 'reader-lost', 'reader-reconnected', 'reader-lost', 'reader-disconnected', 'reader-removed']);
    expect(log.filter((e) => e.acknowledgedAt === null).map((e) => e.kind)).toEqual(['tamper-on']);
    expect(log[4]!.details).toMatch(/does not answer; ReaderDesk keeps trying in the background.*the port vanished/);
    expect(emitted.filter((e) => e.type === 'event-logged')).toHaveLength(6);

    clock = 2000;
    const acked = await api.acknowledgeEvent(log[0]!.id);
    expect(acked.acknowledgedAt).toBe(2000);
    expect(emitted.at(-1)).toEqual({ type: 'event-acknowledged', entry: acked });
    expect((await api.eventLog())[0]!.acknowledgedAt).toBe(2000);
    await expect(api.acknowledgeEvent('nope')).rejects.toThrow(/no longer in the log/);
  });

  it('exports CSV with one row per entry and defuses spreadsheet formulas', async () => {
    const { ctx, fire } = fakeContext();
    const api = createEventsService(ctx);
    fire({ type: 'tamper', readerId: 'r1', address: '=HYPERLINK("x")', time: 0, state: 'on' });
    fire({ type: 'tamper', readerId: 'r1', address: ADDRESS, time: 1, state: 'off' });
    const file = outFile('events.csv');
    expect(await api.exportEvents(file, 'csv')).toEqual({ path: file, count: 2 });
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")",tamper-on,alarm`);
    expect(lines[2]).toMatch(/^1970-01-01T00:00:00\.001Z,\/dev\/ttyUSB7,tamper-off,info,/);
  });
});

describe('event log: what was done to readers, and alarms per reader', () => {
  it('records deploys, finalizations and factory resets next to alarms; one that failed is a warning', async () => {
    addLanguagePack('de', GERMAN);
    const { ctx } = fakeContext();
    const api = createEventsService(ctx, { now: () => 5000 });
    const finalized = hostText('activity.finalized', { file: 'site.balcfg', version: '2', configId: '10234-0001-0000-02 Site', bec2: 'site-v02.bec2', sha: '0123456789abcdef' });
    const rejected = hostText('activity.deployed', { file: 'site-v01.bec2', sha: '0123456789abcdef', result: hostText('deploy.rejected', { why: hostText('deploy.why.rollback', {}) }) });
    ctx.activity.emit({ kind: 'finalize', readerId: 'r1', address: ADDRESS, time: 1, ok: true, ...activityDetails(finalized), reason: null });
    ctx.activity.emit({ kind: 'deploy', readerId: 'r1', address: ADDRESS, time: 2, ok: false, ...activityDetails(rejected), reason: 'rollback' });
    ctx.activity.emit({ kind: 'factory-reset', readerId: 'r1', address: ADDRESS, time: 3, ok: true, ...activityDetails(hostText('activity.reset-done', { config: '' })), reason: null });
    const log = await api.eventLog();
    expect(log.map((e) => [e.kind, e.severity, e.reason])).toEqual([
      ['finalize', 'info', null],
      ['deploy', 'warning', 'rollback'],
      ['factory-reset', 'info', null],
    ]);
    // English for exports; the same as a text, which the UI words in its language.
    expect(log[1]!.details).toBe(
      'Deployed site-v01.bec2 (SHA-256 0123456789abcdef…): Rejected: the file is an older version than the one the reader runs (rollback prevention); make a new version from the old one instead.',
    );
    expect(log[1]!.detailsText).toEqual(rejected);
    expect(reasonText(log[1]!.detailsText!, 'de')).toBe(
      'Aufgespielt: site-v01.bec2 (SHA-256 0123456789abcdef…): Abgelehnt: die Datei ist eine ältere Version als die, mit der der Leser läuft (Rollback-Schutz); erstellen Sie stattdessen aus der alten eine neue Version.',
    );
    // Nothing here waits for an acknowledgement: only alarms do.
    expect(log.every((e) => e.acknowledgedAt !== null)).toBe(true);
  });

  it('acknowledges every open alarm of one reader at once, and leaves other readers\' alarms open', async () => {
    const { ctx, emitted, fire } = fakeContext();
    const api = createEventsService(ctx, { now: () => 9000 });
    for (const time of [1, 2, 3]) fire({ type: 'tamper', readerId: 'r1', address: ADDRESS, time, state: 'on' });
    fire({ type: 'tamper', readerId: 'r2', address: '/dev/ttyUSB8', time: 4, state: 'on' });
    const done = await api.acknowledgeReaderAlarms('r1');
    expect(done).toHaveLength(3);
    expect(done.every((e) => e.acknowledgedAt === 9000)).toBe(true);
    const open = (await api.eventLog()).filter((e) => e.acknowledgedAt === null);
    expect(open.map((e) => e.readerId)).toEqual(['r2']);
    expect(emitted.filter((e) => e.type === 'event-acknowledged')).toHaveLength(3);
    expect(await api.acknowledgeReaderAlarms('r1')).toEqual([]);
  });
});
