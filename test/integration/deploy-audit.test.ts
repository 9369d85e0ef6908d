// The deploy from the app is an audit record, and the event log says what was done to readers:
// finalize and deploy through the app's API on a virtual reader over a real pty.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/host/app/appService.ts';
import { SettingsStore } from '../../electron/host/app/settings.ts';
import type { AppEvent } from '../../shared/api/contract.ts';
import { tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

// The reader stops after each test, once the app service (closed by the later hook) let go of it.
const readers = virtualReaders('each');
let service: AppService | undefined;
afterEach(async () => {
  await service?.close();
});

describe('deploy audit record and event log', () => {
  it('records who got which file when, with serial number, firmware and configuration before and after', async () => {
    const sim = await readers.start();
    service = new AppService({ shell: 'web', settings: new SettingsStore(path.join(tempDir('rd-set-'), 'settings.json')) });
    const events: AppEvent[] = [];
    service.onEvent((e) => events.push(e));
    const dir = tempDir('rd-audit-');
    const balcfg = path.join(dir, 'site.balcfg');
    const reader = await service.connect(sim.address);
    await service.configNew(balcfg, { customer: 12345, project: 7, device: 0, name: 'Site A' });
    const fin = await service.configFinalize(balcfg, reader.id, path.join(dir, 'site-v01.bec2'));

    // A missing file fails at once, before any reader is touched.
    await expect(service.deployFile(path.join(dir, 'gone.bec2'), [sim.address], 'j0')).rejects.toThrow(/Cannot read .*gone\.bec2: the file or its folder does not exist/);
    expect(events.some((e) => e.type === 'deploy-progress' && e.jobId === 'j0')).toBe(false);

    const jobs: number[] = [];
    service.onEvent((e) => e.type === 'jobs-changed' && jobs.push(e.jobs.length));
    const [result] = await service.deployFile(fin.bec2Path, [sim.address], 'j1');
    expect(jobs).toEqual([1, 0]);
    const sha = fin.sha256;
    expect(result).toMatchObject({
      port: sim.address,
      result: 'accepted',
      reason: 'ok',
      serialNumber: reader.serialNumber,
      firmware: reader.firmware,
      configIdBefore: null,
      configIdAfter: fin.configId,
      file: fin.bec2Path,
      sha256: sha,
    });
    expect(result!.bytesSent).toBe(result!.bytes);
    expect(Date.parse(result!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(result!.startedAt!));
    const done = events.filter((e) => e.type === 'deploy-progress' && e.progress.phase === 'done');
    expect(done.map((e) => e.type === 'deploy-progress' && e.progress)).toEqual([{ port: sim.address, phase: 'done', bytesDone: result!.bytes, bytesTotal: result!.bytes, outcome: 'accepted' }]);

    // Deployed again: the configuration before is the one the first deploy left.
    const [again] = await service.deployFile(fin.bec2Path, [sim.address], 'j2');
    expect(again).toMatchObject({ result: 'accepted', configIdBefore: fin.configId, configIdAfter: fin.configId });

    const csvPath = await service.saveDeployReport(path.join(dir, 'report.csv'), 'csv', [result!]);
    const [header, row] = fs.readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
    expect(header).toBe('startedAt,finishedAt,file,sha256,port,serialNumber,firmware,configIdBefore,configIdAfter,result,reason,message,bytesSent,bytes,durationMs,lineSpeed');
    expect(row).toContain(sha);
    expect(row).toContain(reader.serialNumber!);
    const json = JSON.parse(fs.readFileSync(await service.saveDeployReport(path.join(dir, 'report.json'), 'json', [result!, again!]), 'utf8'));
    expect(json).toMatchObject({ kind: 'readerdesk-deploy-report', file: fin.bec2Path, sha256: sha, startedAt: result!.startedAt, finishedAt: again!.finishedAt });
    expect(json.readers[1]).toMatchObject({ serialNumber: reader.serialNumber, configIdBefore: fin.configId, configIdAfter: fin.configId });

    const log = await service.eventLog();
    expect(log.filter((e) => ['finalize', 'deploy'].includes(e.kind)).map((e) => [e.kind, e.reason])).toEqual([
      ['finalize', null],
      ['deploy', result!.reason],
      ['deploy', again!.reason],
    ]);

    // The Deploy page finds the finalized file of the open BALCFG, and what a BEC2 carries.
    expect(await service.finalizedFiles(balcfg)).toEqual([{ version: 1, configId: fin.configId, sha256: sha, finalizedAt: expect.any(String), path: fin.bec2Path }]);
    expect(await service.inspectBec2(fin.bec2Path)).toMatchObject({ configId: fin.configId, sha256: sha });
  });
});
