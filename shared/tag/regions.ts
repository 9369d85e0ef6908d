// Which part of the wireless-memory layout an address falls in. The tag (simulator/tag) applies its
// rules per region; the host (electron/host/tags) uses the same map to tell which rule a generic
// reader refusal (VHL.ErrRead, ErrWrite, ErrAuth) stands for.

import {
  INFO_ADDR,
  INFO_SIZE,
  MASTER_PIN_STORE_ADDR,
  MASTER_RESERVED_ADDR,
  MEMORY_SIZE,
  MGMT_AREA_ADDR,
  MGMT_AREA_END,
  PIN_AREA_ADDR,
  REG,
  REGISTER_SIZE,
  SEGMENT_AREA_ADDR,
  SEGMENT_SIZE,
  UNIT_SIZE,
  type RegisterName,
} from './layout.ts';

export type Region =
  | { kind: 'info' | 'master-pins' | 'reserved' | 'pin-area'; start: number; end: number }
  | { kind: 'register'; name: RegisterName; start: number; end: number }
  | { kind: 'unit' | 'segment'; segment: number; start: number; end: number };

const REGISTER_BY_ADDR = new Map<number, RegisterName>(Object.entries(REG).map(([name, addr]) => [addr, name as RegisterName]));

/** The region holding `addr` (0 <= addr < MEMORY_SIZE). */
export function regionAt(addr: number): Region {
  if (addr < INFO_ADDR + INFO_SIZE) return { kind: 'info', start: INFO_ADDR, end: INFO_ADDR + INFO_SIZE };
  if (addr < MASTER_RESERVED_ADDR) return { kind: 'master-pins', start: MASTER_PIN_STORE_ADDR, end: MASTER_RESERVED_ADDR };
  if (addr < REG.READ_PIN) return { kind: 'reserved', start: MASTER_RESERVED_ADDR, end: REG.READ_PIN };
  if (addr < MGMT_AREA_ADDR) {
    const start = addr - ((addr - REG.READ_PIN) % REGISTER_SIZE);
    return { kind: 'register', name: REGISTER_BY_ADDR.get(start)!, start, end: start + REGISTER_SIZE };
  }
  if (addr < MGMT_AREA_END) {
    const segment = Math.floor((addr - MGMT_AREA_ADDR) / UNIT_SIZE);
    const start = MGMT_AREA_ADDR + segment * UNIT_SIZE;
    return { kind: 'unit', segment, start, end: start + UNIT_SIZE };
  }
  if (addr < SEGMENT_AREA_ADDR) return { kind: 'reserved', start: MGMT_AREA_END, end: SEGMENT_AREA_ADDR };
  if (addr < PIN_AREA_ADDR) {
    const segment = Math.floor((addr - SEGMENT_AREA_ADDR) / SEGMENT_SIZE);
    const start = SEGMENT_AREA_ADDR + segment * SEGMENT_SIZE;
    return { kind: 'segment', segment, start, end: start + SEGMENT_SIZE };
  }
  return { kind: 'pin-area', start: PIN_AREA_ADDR, end: MEMORY_SIZE };
}
