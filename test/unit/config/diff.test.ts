import { describe, expect, it } from 'vitest';
import { diffValues } from '../../../shared/config/diff.ts';

describe('diffValues', () => {
  it('lists added, removed and changed values with catalogue names and typed text', () => {
    const a = [
      { id: '0103/03', hex: '0014' },
      { id: '0202/19', hex: '02' },
      { id: '0477/10', hex: 'AA' },
    ];
    const b = [
      { id: '0202/19', hex: '04' },
      { id: '0477/10', hex: 'aa' },
      { id: '0620/07', hex: '02' },
    ];
    const diff = diffValues(a, b);
    expect(diff.added).toEqual([
      { id: '0620/07', name: 'Custom/AdminData/ProjectSettingsVersion', secret: false, after: '2', summary: 'added: 2' },
    ]);
    expect(diff.removed).toEqual([
      { id: '0103/03', name: 'Protocols/BrpSerial/InterbyteTimeout', secret: false, before: '20 ms', summary: 'removed (was 20 ms)' },
    ]);
    expect(diff.changed).toEqual([
      {
        id: '0202/19',
        name: 'Device/Run/AuthReqUploadViaBrp',
        secret: false,
        before: 'CustomerKey (2)',
        after: 'Version (4)',
        summary: 'changed: CustomerKey (2) → Version (4)',
      },
    ]);
  });

  it('notices a changed secret but never shows its content', () => {
    const oldKey = '00112233445566778899';
    const newKey = '99887766554433221100';
    const diff = diffValues(
      [{ id: '0202/85', hex: oldKey }, { id: '0601/81', hex: 'AABB' }],
      [{ id: '0202/85', hex: newKey }, { id: '0601/82', hex: 'CCDD' }],
    );
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({ id: '0202/85', name: 'Device/Run/CustomerKey', secret: true, summary: 'changed (secret)' });
    expect(diff.added[0]?.summary).toBe('added: •••• (2 bytes)');
    expect(diff.removed[0]?.summary).toBe('removed (was •••• (2 bytes))');
    const text = JSON.stringify(diff);
    for (const secret of [oldKey, newKey, 'AABB', 'CCDD', '00 11', 'AA BB']) expect(text).not.toContain(secret);
  });

  it('finds nothing between equal lists in any order', () => {
    const a = [{ id: '0620/07', hex: '01' }, { id: '0103/03', hex: '0014' }];
    expect(diffValues(a, [...a].reverse())).toEqual({ added: [], removed: [], changed: [] });
  });
});
