import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import { BalcfgError, parseBalcfg, serializeBalcfg, type Balcfg } from '../../../shared/config/balcfg.ts';
import { thrownBy } from '../../helpers/thrownBy.ts';
import {
  bumpVersion,
  configIdString,
  createBalcfg,
  customerKeyMatch,
  deleteValue,
  isFinalized,
  linkCustomerKey,
  newVersionFrom,
  recordFinalization,
  setIdentity,
  setValue,
  toConfigOps,
} from '../../../shared/config/model.ts';
import { valuesAtVersion } from '../../../shared/config/history.ts';
import { fixedRandom, sampleBalcfg, TEST_CSC_HEX } from './fixtures.ts';

const LINK = { signature: 'A1B2C3D4', kind: 'custom' as const, readerLabel: 'Desk reader', linkedAt: '2025-03-01T10:00:00Z' };

function finalize(cfg: Balcfg, sha = 'cd'.repeat(32)): Balcfg {
  return recordFinalization(linkCustomerKey(cfg, LINK), {
    finalizedAt: '2025-03-01T10:00:05Z',
    bec2File: `v${cfg.version}.bec2`,
    sha256: sha,
    readerLabel: 'Desk reader',
  });
}

function hexOf(cfg: Balcfg, id: string): string | undefined {
  return cfg.values.find((v) => v.id === id)?.hex;
}

const thrown = (fn: () => unknown) => thrownBy(BalcfgError, fn);

describe('createBalcfg', () => {
  it('starts at version 1 with AdminData and the CSC in the values', () => {
    const cfg = sampleBalcfg();
    expect(cfg.version).toBe(1);
    expect(cfg.configSecurityCode).toBe(TEST_CSC_HEX);
    expect(cfg.values).toEqual([
      { id: '0202/82', hex: TEST_CSC_HEX },
      { id: '0620/01', hex: '000027FA' },
      { id: '0620/02', hex: '1A85' },
      { id: '0620/05', hex: '162E' },
      { id: '0620/06', hex: toHex(new TextEncoder().encode('Testname')) },
      { id: '0620/07', hex: '01' },
    ]);
    expect(cfg.customerKeyLink).toBeNull();
    expect(cfg.history).toEqual([]);
  });

  it('draws a fresh 8-byte CSC from the secure source each time', () => {
    const identity = { name: 'Lobby', customer: 50001, project: 501, device: 0 };
    const a = createBalcfg(identity);
    const b = createBalcfg(identity);
    expect(a.configSecurityCode).toMatch(/^[0-9A-F]{16}$/);
    expect(a.configSecurityCode).not.toBe(b.configSecurityCode);
  });

  it('leaves 0620/02 out when there are no device settings', () => {
    const cfg = createBalcfg({ name: 'Lobby', customer: 50001, project: 501, device: 0 }, fixedRandom(7));
    expect(hexOf(cfg, '0620/02')).toBeUndefined();
    expect(configIdString(cfg)).toBe('50001-0501-0000-01 Lobby');
  });

  it('refuses a random source that returns zeros or the wrong length', () => {
    const identity = { name: 'Lobby', customer: 50001, project: 501, device: 0 };
    expect(thrown(() => createBalcfg(identity, fixedRandom(0))).field).toBe('configSecurityCode');
    expect(thrown(() => createBalcfg(identity, () => new Uint8Array(4))).sentence).toContain('8 bytes');
  });

  it('names the field of a bad identity', () => {
    const err = thrown(() => createBalcfg({ name: ' Lobby', customer: 50001, project: 0, device: 0 }));
    expect(err.field).toBe('configId.project');
    expect(thrown(() => createBalcfg({ name: 'Lobbé', customer: 1, project: 1, device: 0 })).field).toBe('configId.name');
  });
});

describe('editing values', () => {
  it('sets, replaces and deletes values without changing the original', () => {
    const cfg = sampleBalcfg();
    const a = setValue(cfg, '0103/03', fromHex('0014'));
    const b = setValue(a, '0103/03', fromHex('0030'));
    expect(hexOf(a, '0103/03')).toBe('0014');
    expect(hexOf(b, '0103/03')).toBe('0030');
    expect(hexOf(cfg, '0103/03')).toBeUndefined();
    expect(hexOf(deleteValue(b, '0103/03'), '0103/03')).toBeUndefined();
    expect(b.values.map((v) => v.id)[0]).toBe('0103/03');
  });

  it('refuses to edit AdminData and the CSC by hand, with the way to do it', () => {
    const cfg = sampleBalcfg();
    expect(thrown(() => setValue(cfg, '0620/07', Uint8Array.of(5))).sentence).toContain('new version');
    expect(thrown(() => deleteValue(cfg, '0202/82')).sentence).toContain('kept across versions');
    expect(thrown(() => setValue(cfg, '0620/06', Uint8Array.of(0x41))).field).toBe('0620/06');
  });

  it('refuses bad ids and oversized contents', () => {
    const cfg = sampleBalcfg();
    expect(thrown(() => setValue(cfg, '0103/FF', Uint8Array.of(1))).sentence).toContain('FF');
    expect(thrown(() => setValue(cfg, '0501/07', new Uint8Array(129))).sentence).toContain('at most 128');
  });

  it('keeps AdminData in sync when the identity changes', () => {
    const cfg = setIdentity(sampleBalcfg(), { name: 'Hall', device: 0 });
    expect(hexOf(cfg, '0620/06')).toBe('48616C6C');
    expect(hexOf(cfg, '0620/02')).toBeUndefined();
    expect(cfg.configSecurityCode).toBe(TEST_CSC_HEX);
    expect(() => parseBalcfg(serializeBalcfg(cfg))).not.toThrow();
  });
});

describe('versions', () => {
  it('bumps the version, keeps the CSC and updates 0620/07', () => {
    const v2 = bumpVersion(setValue(sampleBalcfg(), '0103/03', fromHex('0014')));
    expect(v2.version).toBe(2);
    expect(v2.configSecurityCode).toBe(TEST_CSC_HEX);
    expect(hexOf(v2, '0202/82')).toBe(TEST_CSC_HEX);
    expect(hexOf(v2, '0620/07')).toBe('02');
    expect(hexOf(v2, '0103/03')).toBe('0014');
    expect(configIdString(v2)).toBe('10234-5678-6789-02 Testname');
  });

  it('refuses to go past version 99', () => {
    let cfg = sampleBalcfg();
    for (let i = 1; i < 99; i++) cfg = bumpVersion(cfg);
    expect(cfg.version).toBe(99);
    expect(hexOf(cfg, '0620/07')).toBe('63');
    const err = thrown(() => bumpVersion(cfg));
    expect(err.field).toBe('version');
    expect(err.sentence).toContain('new project settings');
  });

  it('freezes a finalized version until a new one is made', () => {
    const v1 = finalize(setValue(sampleBalcfg(), '0103/03', fromHex('0014')));
    expect(isFinalized(v1)).toBe(true);
    expect(thrown(() => setValue(v1, '0103/03', fromHex('0020'))).sentence).toContain('create a new version (2)');
    expect(thrown(() => finalize(v1)).field).toBe('version');
    const v2 = setValue(newVersionFrom(v1), '0103/03', fromHex('0020'));
    expect(v2.version).toBe(2);
    expect(isFinalized(v2)).toBe(false);
  });

  it('rolls back by making a higher version from an older version\'s values', () => {
    let cfg = finalize(setValue(sampleBalcfg(), '0103/03', fromHex('0014')), '11'.repeat(32));
    cfg = finalize(setValue(bumpVersion(cfg), '0103/03', fromHex('00FF')), '22'.repeat(32));
    cfg = finalize(deleteValue(bumpVersion(cfg), '0103/03'), '33'.repeat(32));
    const v1 = cfg.history[0]!;

    const rolled = newVersionFrom(cfg, v1);
    expect(rolled.version).toBe(4);
    expect(hexOf(rolled, '0103/03')).toBe('0014');
    expect(hexOf(rolled, '0620/07')).toBe('04');
    expect(rolled.configSecurityCode).toBe(TEST_CSC_HEX);
    expect(rolled.history).toHaveLength(3);
    expect(() => parseBalcfg(serializeBalcfg(rolled))).not.toThrow();

    expect(thrown(() => newVersionFrom(cfg, { ...v1, sha256: '44'.repeat(32) })).field).toBe('history');
  });
});

describe('finalization and the customer key', () => {
  it('records version, ConfigId, values and file of each finalization', () => {
    const cfg = finalize(sampleBalcfg());
    expect(cfg.history).toEqual([
      {
        version: 1,
        finalizedAt: '2025-03-01T10:00:05Z',
        bec2File: 'v1.bec2',
        sha256: 'cd'.repeat(32),
        readerLabel: 'Desk reader',
        configId: '10234-5678-6789-01 Testname',
        changes: { set: sampleBalcfg().values, removed: [] },
      },
    ]);
    expect(valuesAtVersion(cfg.history, 1)).toEqual(sampleBalcfg().values);
  });

  it('needs the customer key linked before a finalization is recorded', () => {
    const record = { finalizedAt: '2025-03-01T10:00:05Z', bec2File: 'a.bec2', sha256: 'cd'.repeat(32), readerLabel: 'R' };
    expect(thrown(() => recordFinalization(sampleBalcfg(), record)).field).toBe('customerKeyLink');
  });

  it('keeps the first link and refuses a reader with another customer key', () => {
    const linked = linkCustomerKey(sampleBalcfg(), LINK);
    expect(linkCustomerKey(linked, { ...LINK, signature: 'a1b2c3d4', readerLabel: 'Other', linkedAt: '2026-01-01T00:00:00Z' })).toBe(linked);
    expect(customerKeyMatch(linked, 'A1B2C3D4')).toBe('match');
    expect(customerKeyMatch(linked, '00000000')).toBe('mismatch');
    const err = thrown(() => linkCustomerKey(linked, { ...LINK, signature: '00000000', readerLabel: 'Spare reader' }));
    expect(err.field).toBe('customerKeyLink');
    expect(err.sentence).toContain('"Desk reader"');
    expect(err.sentence).toContain('"Spare reader"');
  });
});

describe('configIdString and toConfigOps', () => {
  it('formats the ConfigId like the BALTECH example', () => {
    const cfg = bumpVersion(bumpVersion(bumpVersion(bumpVersion(bumpVersion(bumpVersion(bumpVersion(bumpVersion(sampleBalcfg()))))))));
    expect(configIdString(cfg)).toBe('10234-5678-6789-09 Testname');
  });

  it('falls back to "name (version VV)" when the customer number is the unknown marker 9999', () => {
    const cfg = createBalcfg({ name: 'My Config', customer: 9999, project: 1, device: 0 }, fixedRandom(3));
    expect(configIdString(cfg)).toBe('My Config (version 01)');
  });

  it('hands the values to the BEC2 writer as key, value and bytes', () => {
    const ops = toConfigOps(setValue(sampleBalcfg(), '0103/03', fromHex('0014')));
    expect(ops[0]).toEqual({ key: 0x0103, value: 0x03, content: Uint8Array.of(0x00, 0x14) });
    expect(ops.find((o) => o.key === 0x0620 && o.value === 0x07)?.content).toEqual(Uint8Array.of(1));
    expect(ops.find((o) => o.key === 0x0202 && o.value === 0x82)?.content).toEqual(fromHex(TEST_CSC_HEX));
  });
});
