import { bytesToText } from '../../shared/bytes.ts';
import type { ConfigStore } from './configStore.ts';

const ADMIN = 0x0620;

function uint(bytes: Uint8Array | undefined): number | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

/**
 * Sys.CfgGetId answers from the AdminData values (brp.md 5.2, 5.4): the 15-digit naming-scheme id
 * when customer and project numbers exist, an empty id otherwise; undefined when there are no
 * project settings at all (then the reader answers ErrCfgNotFound).
 */
export function projectSettingsId(config: ConfigStore): { configId: string; configName: string } | undefined {
  const version = uint(config.get(ADMIN, 0x07));
  if (version === undefined) return undefined;
  const name = config.get(ADMIN, 0x06);
  const customer = uint(config.get(ADMIN, 0x01));
  const project = uint(config.get(ADMIN, 0x05));
  const device = uint(config.get(ADMIN, 0x02)) ?? 0;
  const configName = name ? bytesToText(name) : '';
  if (customer === undefined || project === undefined) return { configId: '', configName };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return { configId: `${pad(customer, 5)}-${pad(project, 4)}-${pad(device, 4)}-${pad(version, 2)}`, configName };
}

export function deviceSettingsId(config: ConfigStore): { configId: string; configName: string } | undefined {
  const version = uint(config.get(ADMIN, 0x04));
  if (version === undefined) return undefined;
  const name = config.get(ADMIN, 0x03);
  const customer = uint(config.get(ADMIN, 0x01));
  const device = uint(config.get(ADMIN, 0x02)) ?? 0;
  const configName = name ? bytesToText(name) : '';
  if (customer === undefined) return { configId: '', configName };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return { configId: `${pad(customer, 5)}-0000-${pad(device, 4)}-${pad(version, 2)}`, configName };
}
