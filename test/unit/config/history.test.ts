import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/bytes.ts';
import { withAdminValues } from '../../../shared/config/adminValues.ts';
import { BalcfgError, parseBalcfg, serializeBalcfg, type Balcfg } from '../../../shared/config/balcfg.ts';
import { thrownBy } from '../../helpers/thrownBy.ts';
import { valueCountsByVersion, valuesAtVersion } from '../../../shared/config/history.ts';
import { deleteValue, linkCustomerKey, newVersionFrom, recordFinalization, setValue } from '../../../shared/config/model.ts';
import { loadBalcfg, saveBalcfg } from '../../../electron/host/files/balcfgStore.ts';
import { balcfgWithLongHistory, legacyBalcfgText } from '../../helpers/longHistoryBalcfg.ts';
import { tempDir } from '../../helpers/processes.ts';
import { sampleBalcfg } from './fixtures.ts';

const SECRET = '00112233445566778899AABBCCDDEEFF';

function finalize(cfg: Balcfg): Balcfg {
  const linked = linkCustomerKey(cfg, { signature: 'A1B2C3D4', kind: 'custom', readerLabel: 'Desk reader', linkedAt: '2025-03-01T10:00:00Z' });
  return recordFinalization(linked, {
    finalizedAt: '2025-03-01T10:00:05Z',
    bec2File: `v${cfg.version}.bec2`,
    sha256: String(cfg.version).repeat(64).slice(0, 64),
    readerLabel: 'Desk reader',
  });
}

/** Three finalized versions: v2 changes one value and adds a secret, v3 removes a value. */
function threeVersions(): Balcfg {
  let cfg = finalize(setValue(setValue(sampleBalcfg(), '0103/03', fromHex('0014')), '0103/04', fromHex('01')));
  cfg = finalize(setValue(setValue(newVersionFrom(cfg), '0103/03', fromHex('0020')), '0202/85', fromHex(SECRET)));
  return finalize(deleteValue(newVersionFrom(cfg), '0103/04'));
}

const errorOf = (text: string) => thrownBy(BalcfgError, () => parseBalcfg(text));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withJson(cfg: Balcfg, mutate: (json: any) => void): string {
  const json = JSON.parse(serializeBalcfg(cfg));
  mutate(json);
  return JSON.stringify(json);
}

describe('finalized versions as change sets', () => {
  it('keeps only what changed and still gives every version back in full', () => {
    const cfg = threeVersions();
    const [v1, v2, v3] = cfg.history;
    expect(v1!.changes.set.map((v) => v.id)).toContain('0103/04');
    expect(v2!.changes).toEqual({
      set: [
        { id: '0103/03', hex: '0020' },
        { id: '0202/85', hex: SECRET },
        { id: '0620/07', hex: '02' },
      ],
      removed: [],
    });
    expect(v3!.changes).toEqual({ set: [{ id: '0620/07', hex: '03' }], removed: ['0103/04'] });

    const at = (version: number) => new Map(valuesAtVersion(cfg.history, version).map((v) => [v.id, v.hex]));
    expect(at(1).get('0103/03')).toBe('0014');
    expect(at(1).has('0202/85')).toBe(false);
    expect(at(2).get('0103/04')).toBe('01');
    expect(at(3).has('0103/04')).toBe(false);
    expect(valuesAtVersion(cfg.history, 3)).toEqual(cfg.values);
    expect([...valueCountsByVersion(cfg.history)]).toEqual([[1, 8], [2, 9], [3, 8]]);
    expect(() => valuesAtVersion(cfg.history, 4)).toThrow(BalcfgError);
  });

  it('rolls back to the full values of an old version', () => {
    const cfg = threeVersions();
    const rolled = newVersionFrom(cfg, cfg.history[0]);
    expect(rolled.values).toEqual(withAdminValues(valuesAtVersion(cfg.history, 1), cfg.configId, 4, cfg.configSecurityCode));
    expect(rolled.values.find((v) => v.id === '0103/04')?.hex).toBe('01');
  });

  it('writes each change set with removed ids, and reads it back unchanged', () => {
    const cfg = threeVersions();
    const text = serializeBalcfg(cfg);
    expect(text).toContain('"formatVersion": 2,');
    expect(text).toContain('"removed": [\n          "0103/04"\n        ]');
    expect(parseBalcfg(text)).toEqual(cfg);
    expect(serializeBalcfg(parseBalcfg(text))).toBe(text);
  });

  it('refuses change sets that do not fit the version before, naming the entry and never the content', () => {
    const cfg = threeVersions();
    const missing = errorOf(withJson(cfg, (j) => j.history[2].changes.removed.push('0103/09')));
    expect(missing.field).toBe('history[2].changes.removed[1]');
    expect(missing.sentence).toContain('not among the values of version 2');

    const first = errorOf(withJson(cfg, (j) => j.history[0].changes.removed.push('0103/03')));
    expect(first.field).toBe('history[0].changes.removed[0]');
    expect(first.sentence).toContain('first finalized version');

    const unchanged = errorOf(withJson(cfg, (j) => j.history[2].changes.set.push({ id: '0202/85', hex: SECRET })));
    expect(unchanged.field).toBe('history[2].changes.set[1]');
    expect(unchanged.message).not.toContain(SECRET);

    const both = errorOf(withJson(cfg, (j) => j.history[2].changes.set.push({ id: '0103/04', hex: '02' })));
    expect(both.sentence).toContain('also listed as removed');

    const twice = errorOf(withJson(cfg, (j) => j.history[2].changes.removed.push('0103/04')));
    expect(twice.field).toBe('history[2].changes.removed[1]');

    const badHex = errorOf(withJson(cfg, (j) => (j.history[1].changes.set[1].hex = 'SECRETKEY1')));
    expect(badHex.field).toBe('history[1].changes.set[1].hex');
    expect(badHex.message).not.toContain('SECRETKEY1');

    expect(errorOf(withJson(cfg, (j) => delete j.history[0].changes)).message).toBe('history[0].changes: is missing; add it.');
  });
});

describe('files written by earlier ReaderDesk versions (format 1)', () => {
  const dir = tempDir('rd-balcfg-history-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('open with the same versions and values and are written in the new form on the next save', async () => {
    const cfg = threeVersions();
    const file = path.join(dir, 'old.balcfg');
    fs.writeFileSync(file, legacyBalcfgText(cfg));
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).history[0].values).toHaveLength(8);

    const opened = await loadBalcfg(file);
    expect(opened).toEqual(cfg);
    expect(fs.readFileSync(file, 'utf8')).toContain('"formatVersion": 1');

    await saveBalcfg(file, opened);
    const saved = fs.readFileSync(file, 'utf8');
    expect(saved).toBe(serializeBalcfg(cfg));
    expect(JSON.parse(saved).history[0].values).toBeUndefined();
    expect(await loadBalcfg(file)).toEqual(cfg);
  });

  it('keep the rules of format 1: a duplicate id in an old history entry is named', () => {
    const text = legacyBalcfgText(threeVersions()).replace('"values": [\n        {', '"values": [\n        { "id": "0103/03", "hex": "0014" },\n        {');
    const err = errorOf(text);
    expect(err.field).toMatch(/^history\[0\]\.values\[\d+\]\.id$/);
  });
});

describe('a configuration of 5,005 values finalized 99 times (the last version a reader stores)', () => {
  const dir = tempDir('rd-balcfg-long-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const long = balcfgWithLongHistory(5000, 99);

  it('stays under 2 MB and loads with every version intact', async () => {
    expect(long.cfg.values).toHaveLength(5005);
    expect(long.cfg.history).toHaveLength(99);
    const file = path.join(dir, 'long.balcfg');
    await saveBalcfg(file, long.cfg);
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);

    const loaded = await loadBalcfg(file);
    expect(loaded).toEqual(long.cfg);
    const counts = valueCountsByVersion(loaded.history);
    long.finalized.forEach((values, i) => {
      expect(valuesAtVersion(loaded.history, i + 1)).toEqual(values);
      expect(counts.get(i + 1)).toBe(5005);
    });
  });

  it('rolls back from version 98 to version 1 with all 5,005 values', () => {
    const rolled = newVersionFrom(long.previous, long.previous.history[0]);
    expect(rolled.version).toBe(99);
    expect(rolled.values).toEqual(withAdminValues(long.finalized[0]!, rolled.configId, 99, rolled.configSecurityCode));
  });
});
