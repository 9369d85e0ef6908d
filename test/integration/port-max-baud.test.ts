// The app's per-port maximum rate, over real ptys: kept in the settings per port (and after a
// restart), validated by the host, and used by the app's deploy and read-back. What rate the
// reader's UART ran at is read from the virtual reader, frame by frame.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/startSimulator.ts';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import { dispatchCall } from '../../electron/host/app/dispatch.ts';
import { withSession } from '../../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../../electron/host/lifecycle/finalize.ts';
import { createBalcfg } from '../../shared/config/model.ts';
import { tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { waitUntil } from '../helpers/waitUntil.ts';
import { commParams, uploadRates, watchLineRates } from '../helpers/lineRates.ts';

// The readers stop after each test, once the app services (closed by the later hook) let go of them.
const readers = virtualReaders('each');
const services: AppService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

let bec2: string;
beforeAll(async () => {
  const finalizer = await startSimulator({ stateDir: tempDir('rd-pmb-f-') });
  bec2 = path.join(tempDir('rd-pmb-'), 'site.bec2');
  await withSession(finalizer.address, (s) => finalizeOnReader(s, createBalcfg({ name: 'Port', customer: 50001, project: 612, device: 0 }), { outPath: bec2 }));
  await finalizer.stop();
});

async function reader(opts: { tcp?: boolean } = {}) {
  const sim = await readers.start({ baud: 115200, rebootMs: 200, ...(opts.tcp ? { tcp: { host: '127.0.0.1', port: 0 } } : {}) });
  return { sim, seen: watchLineRates(sim) };
}

function app(settingsFile: string) {
  const service = new AppService({ shell: 'web', settings: new SettingsStore(settingsFile), portPollMs: 60_000 });
  services.push(service);
  return service;
}


describe('the maximum rate of a serial port in the app', () => {
  it('is 921600 unless set, runs the app\'s deploy and read-back at the rate set, and is kept after a restart', async () => {
    const settingsFile = path.join(tempDir('rd-pmb-set-'), 'settings.json');
    const { sim, seen } = await reader();
    const first = app(settingsFile);
    const r = await first.connect(sim.address);
    expect(r.maxBaud).toBe(921600);

    // Raised by default: the read-back reports it, and the reader is back at 115200 for the polling afterwards.
    seen.length = 0;
    const fast = await first.readBack(r.id);
    expect(fast.lineSpeed).toMatchObject({ outcome: 'raised', rate: 921600, from: 115200 });
    expect(commParams(seen)).toEqual([921600, 115200]);
    expect(sim.reader.line.baud).toBe(115200);

    const set = await first.setPortMaxBaud(r.id, 115200);
    expect(set.maxBaud).toBe(115200);
    seen.length = 0;
    const [deployed] = await first.deployFile(bec2, [sim.address]);
    expect(deployed).toMatchObject({ result: 'accepted', lineSpeed: { outcome: 'kept', keptBecause: 'at-maximum', rate: 115200, maxBaud: 115200 } });
    expect(commParams(seen)).toEqual([]);
    expect(uploadRates(seen)).toEqual([115200]);
    await first.close();

    const second = app(settingsFile);
    second.start();
    const back = await waitUntil('the reader of the last run to be connected again', async () => (await second.listReaders()).find((x) => x.address === sim.address && x.state === 'connected'));
    expect(back.maxBaud).toBe(115200);
    seen.length = 0;
    expect((await second.readBack(back.id)).lineSpeed).toMatchObject({ outcome: 'kept', keptBecause: 'at-maximum' });
    expect(commParams(seen)).toEqual([]);
  });

  it('refuses a rate a reader cannot switch to, and a port without a line speed, with a sentence', async () => {
    const service = app(path.join(tempDir('rd-pmb-set-'), 'settings.json'));
    const serial = await service.connect((await reader()).sim.address);
    const bad = await dispatchCall(service, 'setPortMaxBaud', [serial.id, 460800]);
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error.message).toMatch(/the maximum rate is one of the rates a reader can switch to: 9600, .*, 115200, 500000, 576000, 921600/);

    const tcp = await service.connect((await reader({ tcp: true })).sim.address);
    expect(tcp.maxBaud).toBeNull();
    const none = await dispatchCall(service, 'setPortMaxBaud', [tcp.id, 115200]);
    expect(!none.ok && none.error.message).toMatch(/has no line speed to raise \(TCP and USB HID carry data as fast as they can\)/);
  });
});
