// The values ReaderDesk derives from the project settings header (identity, version, CSC). They are
// written into the value list so that a BEC2 writer can compute the ConfigId and the Update auth
// block from the values alone, and they are never edited by hand: the header is the one place
// where they change, so the two cannot drift apart.

import { toHex, u16be, u32be } from '../bytes.ts';
import type { BalcfgValue, ConfigIdentity } from './schema.ts';
import { compareValueIds } from './valueId.ts';

export const ADMIN_IDS = {
  customer: '0620/01',
  device: '0620/02',
  project: '0620/05',
  name: '0620/06',
  version: '0620/07',
  configSecurityCode: '0202/82',
} as const;

const WHY_MANAGED: ReadonlyMap<string, string> = new Map(Object.entries({
  [ADMIN_IDS.customer]: '0620/01 (CustomerNo) comes from the project settings header; change the customer number there.',
  [ADMIN_IDS.device]: '0620/02 (DeviceSettingsNo) comes from the project settings header; change the device settings number there.',
  [ADMIN_IDS.project]: '0620/05 (ProjectSettingsNo) comes from the project settings header; change the project number there.',
  [ADMIN_IDS.name]: '0620/06 (ProjectName) comes from the project settings header; rename the configuration there.',
  [ADMIN_IDS.version]: '0620/07 (ProjectSettingsVersion) is the configuration version; use "new version" to raise it.',
  [ADMIN_IDS.configSecurityCode]:
    '0202/82 (ConfigSecurityCode) is generated with the project settings and kept across versions; it cannot be edited. Create new project settings for a new code.',
}));

/** Why the id may not be set or deleted by hand, or null when it may. */
export function whyManaged(id: string): string | null {
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
