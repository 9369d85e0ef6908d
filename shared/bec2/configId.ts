// ConfigId: the "CCCCC-PPPP-DDDD-VV name" label of a configuration (spec §5), built from the
// values under key 0620, and the file comments derived from it (spec §4.5).

import type { ConfigOp } from './configBlocks.ts';
import type { FileComment } from './text.ts';
import { Bec2InputError } from './errors.ts';

export interface ConfigId {
  /** null = unknown (absent, or 9999 in the configuration). */
  customer: number | null;
  project: number | null;
  device: number | null;
  version: number;
  name: string | null;
}

const KEY_IDS = 0x0620;
const UNKNOWN = 9999;

export const ConfigIdValue = {
  CUSTOMER: 0x01,
  DEVICE: 0x02,
  DEVICE_SETTINGS_NAME: 0x03,
  DEVICE_SETTINGS_VERSION: 0x04,
  PROJECT: 0x05,
  PROJECT_SETTINGS_NAME: 0x06,
  PROJECT_SETTINGS_VERSION: 0x07,
  REQUIRES_BUS_ADDRESS: 0x20,
} as const;

/** The content a configuration sets for key/value, if it sets it. */
export function configValue(config: readonly ConfigOp[], key: number, value: number): Uint8Array | undefined {
  const op = config.find((o) => o.key === key && o.value === value && o.content !== null);
  return op?.content ?? undefined;
}

function unsigned(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

function known(n: number | null): number | null {
  return n === UNKNOWN ? null : n;
}

function idValue(config: readonly ConfigOp[], value: number): Uint8Array | undefined {
  return configValue(config, KEY_IDS, value);
}

function text(bytes: Uint8Array | undefined): string | null {
  if (bytes === undefined) return null;
  const s = new TextDecoder().decode(bytes);
  return s === '' ? null : s;
}

function finish(id: ConfigId): ConfigId | null {
  // Outside the naming scheme only the name identifies the configuration.
  return id.customer === null && id.name === null ? null : id;
}

/** The project-settings id (0620/07 = version), or null when the configuration has none. */
export function projectSettingsId(config: readonly ConfigOp[]): ConfigId | null {
  const version = idValue(config, ConfigIdValue.PROJECT_SETTINGS_VERSION);
  if (version === undefined) return null;
  const name = text(idValue(config, ConfigIdValue.PROJECT_SETTINGS_NAME));
  const customer = idValue(config, ConfigIdValue.CUSTOMER);
  const project = idValue(config, ConfigIdValue.PROJECT);
  if (customer === undefined || project === undefined) {
    return finish({ customer: null, project: null, device: null, version: unsigned(version), name });
  }
  const device = idValue(config, ConfigIdValue.DEVICE);
  return finish({
    customer: known(unsigned(customer)),
    project: known(unsigned(project)),
    device: known(device === undefined ? 0 : unsigned(device)),
    version: unsigned(version),
    name,
  });
}

/** The device-settings id (0620/04 = version), or null when the configuration has none. */
export function deviceSettingsId(config: readonly ConfigOp[]): ConfigId | null {
  const version = idValue(config, ConfigIdValue.DEVICE_SETTINGS_VERSION);
  if (version === undefined) return null;
  const name = text(idValue(config, ConfigIdValue.DEVICE_SETTINGS_NAME));
  const customer = idValue(config, ConfigIdValue.CUSTOMER);
  if (customer === undefined) return finish({ customer: null, project: null, device: null, version: unsigned(version), name });
  const device = idValue(config, ConfigIdValue.DEVICE);
  return finish({
    customer: known(unsigned(customer)),
    project: 0,
    device: known(device === undefined ? 0 : unsigned(device)),
    version: unsigned(version),
    name,
  });
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatConfigId(id: ConfigId): string {
  if (id.customer === null) return `${id.name ?? ''} (version ${pad(id.version, 2)})`;
  const head = `${pad(id.customer, 5)}-${pad(id.project ?? UNKNOWN, 4)}-${pad(id.device ?? UNKNOWN, 4)}-${pad(id.version, 2)}`;
  return id.name ? `${head} ${id.name}` : head;
}

export function parseConfigId(s: string): ConfigId {
  // Wider numbers than the reference's fixed widths are accepted, since formatConfigId prints them.
  const scheme = /^(\d{5,})-(\d{4,})-(\d{4,})-(\d{2,})(?: (.*))?$/.exec(s);
  if (scheme) {
    return {
      customer: known(Number(scheme[1])),
      project: known(Number(scheme[2])),
      device: known(Number(scheme[3])),
      version: Number(scheme[4]),
      name: scheme[5] || null,
    };
  }
  const named = /^(.*) \(version (\d{2,})\)$/.exec(s);
  if (named) return { customer: null, project: null, device: null, version: Number(named[2]), name: named[1] || null };
  throw new Bec2InputError(`"${s}" is not a ConfigId; expected "CCCCC-PPPP-DDDD-VV name" or "name (version VV)"`);
}

/** The version the Update auth block carries: project settings first, device settings as fallback. */
export function configVersionId(config: readonly ConfigOp[]): ConfigId | null {
  return projectSettingsId(config) ?? deviceSettingsId(config);
}

/**
 * Comments the reference derives from a configuration: Configuration, DeviceSettings and
 * RequiresBusAddress are updated in place if present, appended in that order if not, and removed
 * when the configuration does not support them.
 */
export function deriveConfigComments(existing: readonly FileComment[], config: readonly ConfigOp[]): FileComment[] {
  const out = existing.map((c) => ({ ...c }));
  const put = (name: string, value: string | null) => {
    const at = out.findIndex((c) => c.name === name);
    if (value === null) {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) {
      out[at]!.value = value;
    } else {
      out.push({ name, value });
    }
  };
  const project = projectSettingsId(config);
  const device = deviceSettingsId(config);
  put('Configuration', project && formatConfigId(project));
  put('DeviceSettings', device && formatConfigId(device));
  // Like the reference: any non-empty content counts as "Yes", even a single 00.
  const bus = idValue(config, ConfigIdValue.REQUIRES_BUS_ADDRESS);
  put('RequiresBusAddress', bus !== undefined && bus.length > 0 ? 'Yes' : null);
  return out;
}
