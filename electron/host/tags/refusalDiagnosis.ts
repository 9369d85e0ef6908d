// A real reader reports every refusal of a wireless-memory tag with a generic VHL status
// (ErrAuth, ErrRead, ErrWrite). The host knows what it asked for and can read the parts of the tag
// that anyone may read (public information, PA_REG, management units), so it works out which rule
// of the tag applied. Reading never changes the tag. Undefined when nothing fits.

import { VHL_STATUS, type WirelessMemoryRefusal } from '../../../shared/brp/commands/vhl.ts';
import { parsePublicInfo, planReadPublicInfo, type PublicInfo } from '../../../shared/tag/hostProtocol.ts';
import {
  BLOCK_SIZE,
  MEMORY_SIZE,
  PA,
  PIN_AREA_ADDR,
  RBPCTR_ADDR,
  RBPCTR_SIZE,
  REG,
  USAGE_FLAG_REGISTERS,
  isTransferablePosition,
  unitAddress,
  UNIT_SIZE,
} from '../../../shared/tag/layout.ts';
import { decodeUnit, type ManagementUnit } from '../../../shared/tag/managementUnit.ts';
import { regionAt, type Region } from '../../../shared/tag/regions.ts';

export interface RefusedAccess {
  access: 'read' | 'write';
  addr: number;
  length: number;
}

/** Reads `length` bytes of the tag at `addr`; used only for parts every host may read. */
export type TagReader = (addr: number, length: number) => Promise<Uint8Array>;

const PIN_PROOF_REGISTERS = new Set(['READ_PIN', 'WRITE_PIN', 'EDIT_PIN', 'NAME']);
const WRITE_ONLY_REGISTERS = new Set(['READ_PIN', 'WRITE_PIN', 'EDIT_PIN', 'COMMIT']);

export async function diagnoseRefusal(refused: RefusedAccess, status: number, read: TagReader): Promise<WirelessMemoryRefusal | undefined> {
  const { addr, length } = refused;
  if (!Number.isInteger(addr) || !Number.isInteger(length) || addr < 0 || length < 1 || addr + length > MEMORY_SIZE) return 'bad-address';
  const probe = new Probe(read);
  try {
    if (status === VHL_STATUS.ErrAuth) return await authRefusal(regionAt(addr), probe);
    if (status === VHL_STATUS.ErrWrite) return await writeRefusal(refused, probe);
    if (status === VHL_STATUS.ErrRead) return await readRefusal(refused, probe);
  } catch {
    // The tag could not even be read for the diagnosis (it left the field): say nothing specific.
  }
  return undefined;
}

/** A failed or missing PIN proof: which one depends on where the host wrote or read. */
async function authRefusal(region: Region, probe: Probe): Promise<WirelessMemoryRefusal | undefined> {
  if (region.kind === 'register' && PIN_PROOF_REGISTERS.has(region.name)) return 'wrong-pin';
  if (region.kind === 'register' && region.name === 'COMMIT') {
    // A transfer names its master PIN in PA_REG; a master PIN the tag does not hold is a wrong PIN.
    const pa = await probe.read(REG.PA, BLOCK_SIZE);
    const info = await probe.info();
    return pa[PA.masterIndex]! >= info.masterPinCount ? 'wrong-pin' : 'dos-mismatch';
  }
  if (region.kind === 'unit' || region.kind === 'segment') return 'pin-required';
  return undefined;
}

async function writeRefusal({ addr, length }: RefusedAccess, probe: Probe): Promise<WirelessMemoryRefusal | undefined> {
  const region = regionAt(addr);
  switch (region.kind) {
    case 'info':
      return addr === RBPCTR_ADDR && length === RBPCTR_SIZE ? 'counter-not-next' : 'bad-address';
    case 'register':
      if (addr !== region.start || length !== BLOCK_SIZE) return 'bad-address';
      // A transfer to a position that holds the zero PIN or a master PIN is refused by address.
      if (region.name === 'COMMIT' && !isTransferablePosition((await probe.read(REG.PA, BLOCK_SIZE))[PA.transferPosition]!)) return 'bad-address';
      if ((USAGE_FLAG_REGISTERS as readonly string[]).includes(region.name) && (await probe.info()).usageFlagSet) return 'usage-flag-set';
      return undefined;
    case 'unit':
      if (addr + length > region.end) return 'crosses-unit';
      return (await probe.unit(region.segment)).noEdit ? 'edit-locked' : undefined;
    case 'segment': {
      if (addr + length > PIN_AREA_ADDR) return 'bad-address';
      for (const segment of segmentsTouched(addr, length)) if (!(await probe.unit(segment)).write) return 'segment-not-writable';
      return undefined;
    }
    default:
      return 'bad-address';
  }
}

async function readRefusal({ addr, length }: RefusedAccess, probe: Probe): Promise<WirelessMemoryRefusal | undefined> {
  for (let a = addr; a < addr + length; ) {
    const region = regionAt(a);
    if (region.kind === 'master-pins' || region.kind === 'pin-area') return 'not-readable';
    if (region.kind === 'reserved') return 'bad-address';
    if (region.kind === 'register' && WRITE_ONLY_REGISTERS.has(region.name)) return 'not-readable';
    if (region.kind === 'segment' && !(await probe.unit(region.segment)).read) return 'segment-not-readable';
    a = region.end;
  }
  return undefined;
}

function segmentsTouched(addr: number, length: number): number[] {
  const out: number[] = [];
  for (let a = addr; a < addr + length; ) {
    const region = regionAt(a);
    if (region.kind !== 'segment') break;
    out.push(region.segment);
    a = region.end;
  }
  return out;
}

/** The tag's public parts, each read at most once per diagnosis. */
class Probe {
  #info: PublicInfo | undefined;
  constructor(readonly read: TagReader) {}

  async info(): Promise<PublicInfo> {
    if (!this.#info) {
      const r = planReadPublicInfo();
      this.#info = parsePublicInfo(await this.read(r.addr, r.length));
    }
    return this.#info;
  }

  async unit(segment: number): Promise<ManagementUnit> {
    return decodeUnit(await this.read(unitAddress(segment), UNIT_SIZE));
  }
}
