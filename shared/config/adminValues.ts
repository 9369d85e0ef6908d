// The values ReaderDesk derives from the project settings header (identity, version, CSC). They are
// written into the value list so that a BEC2 writer can compute the ConfigId and the Update auth
// block from the values alone, and they are never edited by hand: the header is the one place
// where they change, so the two cannot drift apart.

import { toHex, u16be, u32be } from '../bytes.ts';
import type { BalcfgValue, ConfigIdentity } from './schema.ts';
import { compareValueIds } from './valueId.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export const ADMIN_IDS = {
  customer: '0620/01',
  device: '0620/02',
  project: '0620/05',
  name: '0620/06',
  version: '0620/07',
  configSecurityCode: '0202/82',
} as const;

const WHY_MANAGED: ReadonlyMap<string, HostText> = new Map(Object.entries({
  [ADMIN_IDS.customer]: hostText('model.managed.customer', {}),
  [ADMIN_IDS.device]: hostText('model.managed.device', {}),
  [ADMIN_IDS.project]: hostText('model.managed.project', {}),
  [ADMIN_IDS.name]: hostText('model.managed.name', {}),
  [ADMIN_IDS.version]: hostText('model.managed.version', {}),
  [ADMIN_IDS.configSecurityCode]: hostText('model.managed.csc', {}),
}));

/** Why the id may not be set or deleted by hand (a catalogue sentence), or null when it may. */
export function whyManaged(id: string): HostText | null {
  return WHY_MANAGED.get(id) ?? null;
}

function asciiHex(text: string): string {
  return toHex(Uint8Array.from(text, (c) => c.charCodeAt(0)));
}

/**
 * The derived values, sorted. Device settings number 0 ("no device settings") is left out rather
 * than written as 0000, so that deploying project settings does not overwrite the number of device
 * settings loaded separately; the ConfigId reads an absent 0620/02 as 0000 anyway.
 */
export function adminValues(identity: ConfigIdentity, version: number, cscHex: string): BalcfgValue[] {
  const values: BalcfgValue[] = [
    { id: ADMIN_IDS.configSecurityCode, hex: cscHex.toUpperCase() },
    { id: ADMIN_IDS.customer, hex: toHex(u32be(identity.customer)) },
    { id: ADMIN_IDS.project, hex: toHex(u16be(identity.project)) },
    { id: ADMIN_IDS.name, hex: asciiHex(identity.name) },
    { id: ADMIN_IDS.version, hex: toHex(Uint8Array.of(version)) },
  ];
  if (identity.device !== 0) values.push({ id: ADMIN_IDS.device, hex: toHex(u16be(identity.device)) });
  return values.sort((a, b) => compareValueIds(a.id, b.id));
}

/** Replaces the derived values in a list by the ones the header implies; keeps everything else. */
export function withAdminValues(
  values: readonly BalcfgValue[],
  identity: ConfigIdentity,
  version: number,
  cscHex: string,
): BalcfgValue[] {
  const own = values.filter((v) => whyManaged(v.id) === null);
  return [...own, ...adminValues(identity, version, cscHex)].sort((a, b) => compareValueIds(a.id, b.id));
}
