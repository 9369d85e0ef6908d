// docs/wireless-memory.md is what people read; shared/tag/layout.ts is what the code uses.
// This keeps the two from drifting apart.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CTRL,
  MEMORY_SIZE,
  MGMT_AREA_ADDR,
  PA,
  PIN_AREA_ADDR,
  REG,
  SEGMENT_AREA_ADDR,
  FACTORY_CTRL,
  FACTORY_EDIT_PIN_INDEX,
} from '../../../shared/tag/layout.ts';

const doc = readFileSync(new URL('../../../docs/wireless-memory.md', import.meta.url), 'utf8');

function rows(firstCell: RegExp): string[][] {
  return doc
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
    .filter((cells) => firstCell.test(cells[0]!));
}

describe('docs/wireless-memory.md matches shared/tag/layout.ts', () => {
  it('register addresses', () => {
    const documented = Object.fromEntries(rows(/_REG$/).map(([name, addr]) => [name!.replace(/_REG$/, ''), Number(addr)]));
    expect(documented).toEqual({ ...REG });
  });

  it('CTRL bits', () => {
    const documented = Object.fromEntries(rows(/^\d$/).filter((r) => r[1]!.startsWith('0x')).map(([, mask, name]) => [name, Number(mask)]));
    expect(documented).toEqual({ RD: CTRL.RD, 'RD PIN': CTRL.RD_PIN, WR: CTRL.WR, 'WR PIN': CTRL.WR_PIN, nE: CTRL.NE });
  });

  it('memory map boundaries', () => {
    const starts = rows(/^0x[0-9A-F]{4}\.\.0x[0-9A-F]{4}$/).map(([range]) => range!.split('..').map(Number));
    const find = (start: number) => starts.find(([s]) => s === start);
    expect(find(MGMT_AREA_ADDR)).toBeDefined();
    expect(find(SEGMENT_AREA_ADDR)).toBeDefined();
    expect(find(PIN_AREA_ADDR)?.[1]).toBe(MEMORY_SIZE - 1);
    expect(doc).toContain(`The memory is 0x${MEMORY_SIZE.toString(16)} bytes`);
  });

  it('PA_REG offsets and factory unit', () => {
    const pa = rows(/^\d+$/).filter((r) => /PIN index to use|target PIN position|master PIN index of|DoS value of/.test(r[2]!));
    expect(pa.map((r) => Number(r[0]))).toEqual([PA.useIndex, PA.transferPosition, PA.masterIndex, PA.dos]);
    expect(pa[3]![1]).toBe(String(PA.dosLength));
    expect(doc).toContain(`CTRL = RD | WR (0x${FACTORY_CTRL.toString(16).padStart(2, '0')})`);
    expect(doc).toContain(`edit PIN index 0x${FACTORY_EDIT_PIN_INDEX.toString(16).toUpperCase()}`);
  });
});
