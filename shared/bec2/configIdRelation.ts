// How a configuration file relates to what a reader runs, by their ConfigId strings: the same
// configuration (customer, project and device; or the name outside the numbering scheme) in an
// older, the same or a newer version, or another configuration altogether.

import { parseConfigId, type ConfigId } from './configId.ts';

export type ConfigRelation = 'reader-older' | 'same-version' | 'reader-newer' | 'other-configuration' | 'unknown';

function parse(id: string | null | undefined): ConfigId | null {
  if (!id) return null;
  try {
    return parseConfigId(id.trim());
  } catch {
    return null;
  }
}

function sameConfiguration(a: ConfigId, b: ConfigId): boolean {
  if (a.customer !== null || b.customer !== null) return a.customer === b.customer && a.project === b.project && a.device === b.device;
  return a.name !== null && a.name === b.name;
}

/** What deploying `fileConfigId` would do to a reader running `readerConfigId` (either may be unknown). */
export function configRelation(fileConfigId: string | null | undefined, readerConfigId: string | null | undefined): ConfigRelation {
  const file = parse(fileConfigId);
  const reader = parse(readerConfigId);
  if (!file || !reader) return 'unknown';
  if (!sameConfiguration(file, reader)) return 'other-configuration';
  if (reader.version < file.version) return 'reader-older';
  return reader.version === file.version ? 'same-version' : 'reader-newer';
}
