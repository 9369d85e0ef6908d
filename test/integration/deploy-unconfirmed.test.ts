import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBalcfg } from '../../shared/config/model.ts';
import { withSession } from '../../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../../electron/host/lifecycle/finalize.ts';
import { decodeBec2Text, deployToReader, expectedConfigIdOf } from '../../electron/host/lifecycle/deployJob.ts';
import { tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';

describe('an upload whose confirmation is lost in the reader restart', () => {
  const readers = virtualReaders();

  it('is reported accepted after the restarted reader says it runs the file, and unknown when the file names no configuration to compare', async () => {
    const finalizer = await readers.start();
    const target = await readers.start({ rebootLosesAnswer: true, rebootMs: 300 });
    const other = await readers.start({ rebootLosesAnswer: true, rebootMs: 300 });
    const out = path.join(tempDir('rd-u-'), 'site.bec2');
    await withSession(finalizer.address, (s) => finalizeOnReader(s, createBalcfg({ name: 'Site', customer: 50001, project: 501, device: 0 }), { outPath: out }));
    const text = fs.readFileSync(out, 'latin1');
    const binary = decodeBec2Text(text);

    const checked = await deployToReader(binary, target.address, { expectedConfigId: expectedConfigIdOf(text), reconnectTimeoutMs: 5000 });
    expect(checked).toMatchObject({ result: 'accepted', configIdAfter: '50001-0501-0000-01 Site' });
    expect(checked.message).toMatch(/confirmation was lost on the line, but after its restart it runs 50001-0501-0000-01 Site/);

    const unchecked = await deployToReader(binary, other.address, { reconnectTimeoutMs: 5000 });
    expect(unchecked).toMatchObject({ result: 'unknown', reason: 'unconfirmed', configIdBefore: null });
    expect(unchecked.message).toMatch(/^Unknown — check this reader/);
  });
});
