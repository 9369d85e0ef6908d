import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../../simulator/firmware/configStore.ts';

function store() {
  const s = new ConfigStore({});
  s.set(0x0202, 0x19, Uint8Array.of(4));
  s.set(0x0202, 0x82, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
  s.set(0x0282, 0x10, Uint8Array.of(1));
  s.set(0x0620, 0x07, Uint8Array.of(3));
  return s;
}

describe('Sys.CfgDelValues wildcards on the virtual reader', () => {
  it('Value 0xFF deletes every value of the key, including secret value ids', () => {
    const s = store();
    expect(s.deleteMatching(0x0202, 0xff)).toBe(2);
    expect(s.valueIds(0x0202)).toEqual([]);
  });

  it('MasterKey 0xFF deletes the whole configuration but never SubKeys >= 0x80', () => {
    const s = store();
    s.deleteMatching(0xff00, 0);
    expect(s.keys()).toEqual([0x0282]);
  });

  it('SubKey 0xFF deletes all SubKeys of a MasterKey below 0x80', () => {
    const s = store();
    s.deleteMatching(0x02ff, 0);
    expect(s.keys()).toEqual([0x0282, 0x0620]);
  });
});
