// Readers that come and go, over real ptys: the port list follows a reader plugged in and out, a
// reader that drops out is retried in the background and revived by "Read again", and the readers
// of the last run (with their names and link settings) come back after a restart.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import type { AppEvent, PortEntry, ReaderSummary } from '../../shared/api/contract.ts';
import { runCli, tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { waitUntil } from '../helpers/waitUntil.ts';

// The readers stop after each test, once the app services (closed by the later hook) let go of them.
const readers = virtualReaders('each');
const services: AppService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

const sim = (stateDir?: string) => readers.start(stateDir ? { stateDir } : {});
const unplug = (s: RunningSimulator) => readers.unplug(s);

function app(settingsFile: string, simulatorAddress: string | null = null) {
  const service = new AppService({
    shell: 'web',
    settings: new SettingsStore(settingsFile),
    simulatorAddress,
    portPollMs: 200,
    readerRetry: { reconnectForMs: 600, retryEveryMs: 200 },
  });
  services.push(service);
  const events: AppEvent[] = [];
  service.onEvent((e) => events.push(e));
  return { service, events };
}

const readerAt = async (service: AppService, address: string): Promise<ReaderSummary | undefined> =>
  (await service.listReaders()).find((r) => r.address === address);

describe('readers that come and go', () => {
  it('follows a reader plugged out and in: the port list, the card state and a background reconnect', async () => {
    const stateDir = tempDir('rd-sim-');
    const first = await sim(stateDir);
    const { service, events } = app(path.join(tempDir('rd-set-'), 'settings.json'));
    service.start();
    const reader = await service.connect(first.address);
    expect(reader.serialNumber).toMatch(/^\d{8}$/);
    expect(reader.firmware).toContain(reader.serialNumber!);
    expect(reader.baudRate).toBe(115200);
    const listed = (ports: PortEntry[]) => ports.find((p) => p.path === first.address);
    // Connected ports are marked as such in the list (a pty is listed because ReaderDesk knows it).
    await waitUntil('the port to be marked connected', async () => listed(await service.listPorts())?.readerId === reader.id);

    await unplug(first);
    await waitUntil('the port to leave the list', () =>
      events.some((e) => e.type === 'ports-changed' && !listed(e.ports)),
    );
    await waitUntil('the card to say disconnected', async () => (await readerAt(service, first.address))?.state === 'disconnected');

    const second = await sim(stateDir);
    expect(second.address).toBe(first.address);
    await waitUntil('the port to come back', () => events.some((e) => e.type === 'ports-changed' && listed(e.ports)));
    const back = await waitUntil('the reader to answer again without a click', async () => {
      const r = await readerAt(service, first.address);
      return r?.state === 'connected' ? r : undefined;
    });
    expect(back.id).toBe(reader.id);
    expect(back.serialNumber).toBe(reader.serialNumber);
  });

  it('says why "Read again" cannot reach a reader that is away, and revives it once it is back', async () => {
    const stateDir = tempDir('rd-sim-');
    const first = await sim(stateDir);
    const { service } = app(path.join(tempDir('rd-set-'), 'settings.json'));
    // No background retries here: only "Read again" may bring it back.
    (service.readers as unknown as { opts: { retryEveryMs: number } }).opts.retryEveryMs = 3_600_000;
    const reader = await service.connect(first.address);
    await unplug(first);
    await waitUntil('the card to say disconnected', async () => (await readerAt(service, first.address))?.state === 'disconnected');
    await expect(service.refreshReader(reader.id)).rejects.toThrow(/does not answer.*keeps trying in the background/);
    await sim(stateDir);
    const revived = await service.refreshReader(reader.id);
    expect(revived.state).toBe('connected');
    expect(revived.firmware).toMatch(/VirtRead/);
  });

  it('brings back last run\'s readers with their names and baud rate, listed at once and connected in the background', async () => {
    const settingsFile = path.join(tempDir('rd-set-'), 'settings.json');
    const reader1 = await sim();
    const before = app(settingsFile);
    const r = await before.service.connect(reader1.address, { baudRate: 57600 });
    expect(r.baudRate).toBe(57600);
    const named = await before.service.setReaderName(r.id, '  Door 3 ');
    expect(named.name).toBe('Door 3');
    await before.service.close();

    const after = app(settingsFile);
    after.service.start();
    // Listed straight away, before it has answered: a reader that is not there never delays the start.
    const listedAtOnce = await readerAt(after.service, reader1.address);
    expect(listedAtOnce).toMatchObject({ state: 'disconnected', baudRate: 57600 });
    const back = await waitUntil('the remembered reader to connect', async () => {
      const x = await readerAt(after.service, reader1.address);
      return x?.state === 'connected' ? x : undefined;
    });
    expect(back).toMatchObject({ name: 'Door 3', serialNumber: r.serialNumber, baudRate: 57600 });

    // Disconnected by the user: it stays away after the next restart.
    await after.service.disconnect(back.id);
    await after.service.close();
    const third = app(settingsFile);
    third.service.start();
    expect(await third.service.listReaders()).toEqual([]);
  });

  it('connects the embedded virtual reader on the very first start, and brings it back on the next', async () => {
    const settingsFile = path.join(tempDir('rd-set-'), 'settings.json');
    const embedded = await sim();
    const first = app(settingsFile, embedded.address);
    first.service.start();
    const shown = await waitUntil('the virtual reader to be connected without a click', async () => {
      const x = await readerAt(first.service, embedded.address);
      return x?.state === 'connected' ? x : undefined;
    });
    expect(shown).toMatchObject({ virtual: true, firmware: expect.stringMatching(/VirtRead/) });
    await first.service.close();

    const second = app(settingsFile, embedded.address);
    second.service.start();
    await waitUntil('the virtual reader to come back', async () => (await readerAt(second.service, embedded.address))?.state === 'connected');
  });

  it('takes --baud on every command that opens a port, and refuses a rate it cannot use with a sentence', async () => {
    const s = await sim();
    const ok = await runCli(['info', '--port', s.address, '--baud', '57600', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    for (const args of [['info'], ['readback'], ['events'], ['factory-reset', '--yes'], ['tag', 'info']]) {
      const bad = await runCli([...args, '--port', s.address, '--baud', 'fast']);
      expect(bad.code, args.join(' ')).not.toBe(0);
      expect(bad.stderr, args.join(' ')).toMatch(/--baud takes a rate between 300 and 4000000, such as 115200 \(got "fast"\)/);
    }
  });
});
