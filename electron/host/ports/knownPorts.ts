import fs from 'node:fs';
import type { PortEntry } from '../../../shared/api/contract.ts';
import { isTcpAddress } from '../../../shared/brp/tcpAddress.ts';
import { isHidAddress } from '../transport/baltechHid.ts';
import type { AppContext } from '../app/appContext.ts';

/**
 * Serial paths of readers ReaderDesk knows (connected now or remembered from the last run) that are
 * present now but missing from the OS's list: a pseudo-terminal or a symlink such as
 * /dev/serial/by-id/… is not enumerated, yet comes and goes with its reader all the same.
 */
export function knownPortEntries(ctx: Pick<AppContext, 'readers' | 'settings'>, listed: readonly PortEntry[]): Omit<PortEntry, 'readerId'>[] {
  const have = new Set(listed.map((p) => p.path));
  const candidates = [...ctx.readers.list().map((r) => r.address), ...ctx.settings.get().readers.filter((r) => !r.virtual).map((r) => r.address)];
  const out: Omit<PortEntry, 'readerId'>[] = [];
  for (const address of candidates) {
    if (have.has(address) || isTcpAddress(address) || isHidAddress(address)) continue;
    have.add(address);
    if (!exists(address)) continue;
    out.push({ path: address, kind: 'serial', manufacturer: null, vendorId: null, productId: null });
  }
  return out;
}

function exists(p: string): boolean {
  try {
    return fs.statSync(p).isCharacterDevice();
  } catch {
    return false;
  }
}
