import { describe, expect, it } from 'vitest';
import { asciiBytes } from '../../../shared/bytes.ts';
import {
  deriveConfigComments,
  deviceSettingsId,
  formatConfigId,
  parseConfigId,
  projectSettingsId,
  type ConfigOp,
} from '../../../shared/bec2/index.ts';
import { toOps, vectorJson } from './vectors.ts';

const set = (key: number, value: number, content: Uint8Array | number[]): ConfigOp => ({
  key,
  value,
  content: content instanceof Uint8Array ? content : Uint8Array.from(content),
});

describe('ConfigId', () => {
  it('reads the project settings of the interop configuration', () => {
    const config = toOps(vectorJson('v02_bec2_custkey_update_v9.bec2.json').inputs.config);
    const id = projectSettingsId(config)!;
    expect(id).toEqual({ customer: 10234, project: 5678, device: 6789, version: 9, name: 'Interop Test' });
    expect(formatConfigId(id)).toBe('10234-5678-6789-09 Interop Test');
    expect(deviceSettingsId(config)).toBeNull();
  });

  it('reads device settings with project 0000', () => {
    const config = toOps(vectorJson('v09_bec2_devsettings_busaddr_update_v3.bec2.json').inputs.config);
    expect(projectSettingsId(config)).toBeNull();
    expect(formatConfigId(deviceSettingsId(config)!)).toBe('10234-0000-6789-03 Dev Settings');
  });

  it('prints unknown numbers as 9999 and a default device as 0000', () => {
    const config = [set(0x620, 7, [1]), set(0x620, 1, [0, 42]), set(0x620, 5, [0x27, 0x0f])];
    expect(formatConfigId(projectSettingsId(config)!)).toBe('00042-9999-0000-01');
  });

  it('uses "name (version VV)" outside the naming scheme and needs a name there', () => {
    expect(formatConfigId(projectSettingsId([set(0x620, 7, [3]), set(0x620, 6, asciiBytes('My Config'))])!)).toBe(
      'My Config (version 03)',
    );
    expect(projectSettingsId([set(0x620, 7, [3])])).toBeNull();
    expect(projectSettingsId([set(0x620, 6, asciiBytes('x'))])).toBeNull();
  });

  it('parses both string forms back', () => {
    expect(parseConfigId('10234-5678-6789-09 Testname')).toEqual({ customer: 10234, project: 5678, device: 6789, version: 9, name: 'Testname' });
    expect(parseConfigId('10234-9999-0000-09')).toEqual({ customer: 10234, project: null, device: 0, version: 9, name: null });
    expect(parseConfigId('My Config (version 03)')).toEqual({ customer: null, project: null, device: null, version: 3, name: 'My Config' });
    expect(() => parseConfigId('12-34')).toThrow(/not a ConfigId/);
  });
});

describe('comments derived from a configuration', () => {
  it('keeps existing comments first and appends in reference order', () => {
    const config = toOps(vectorJson('v09_bec2_devsettings_busaddr_update_v3.bec2.json').inputs.config);
    expect(deriveConfigComments([{ name: 'Creator', value: 'me' }], config)).toEqual([
      { name: 'Creator', value: 'me' },
      { name: 'DeviceSettings', value: '10234-0000-6789-03 Dev Settings' },
      { name: 'RequiresBusAddress', value: 'Yes' },
    ]);
  });

  it('updates an existing entry in place and removes stale ones', () => {
    const out = deriveConfigComments(
      [
        { name: 'RequiresBusAddress', value: 'Yes' },
        { name: 'Configuration', value: 'old' },
        { name: 'X', value: '1' },
      ],
      [set(0x620, 7, [2]), set(0x620, 6, asciiBytes('P'))],
    );
    expect(out).toEqual([
      { name: 'Configuration', value: 'P (version 02)' },
      { name: 'X', value: '1' },
    ]);
  });
});
