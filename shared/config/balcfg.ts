// Reading and writing the BALCFG text. The file is JSON laid out for people and for diffs: fixed
// key order, values sorted by id, one value per line, a trailing newline; the same document always
// gives the same text. docs/balcfg.md describes every field.

import type { z } from 'zod';
import { ADMIN_IDS, adminValues } from './adminValues.ts';
import { describeValue } from './catalogue.ts';
import { BalcfgError } from './errors.ts';
import { changesFromValueLists, checkHistoryChanges } from './history.ts';
import {
  BALCFG_FORMAT,
  BALCFG_FORMAT_VERSION,
  LEGACY_FORMAT_VERSION,
  balcfgSchema,
  checkWithSchema,
  legacyBalcfgSchema,
  type Balcfg,
  type BalcfgValue,
  type HistoryEntry,
  type ValueChanges,
} from './schema.ts';
import { compareValueIds, normalizeValueId } from './valueId.ts';
import { parseJsonText } from '../jsonText.ts';
import { hostText } from '../errors/hostError.ts';

export { BalcfgError } from './errors.ts';
export type { Balcfg, BalcfgValue, ConfigIdentity, CustomerKeyLink, HistoryEntry, ValueChanges } from './schema.ts';
export { BALCFG_FORMAT, BALCFG_FORMAT_VERSION, LEGACY_FORMAT_VERSION } from './schema.ts';

function readJson(text: string): unknown {
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new BalcfgError('format', hostText('model.not-json', { where: parsed.where }));
  return parsed.value;
}

/** The format version of a document that carries the BALCFG marker; throws for anything else. */
function checkFormatMarker(data: unknown): typeof BALCFG_FORMAT_VERSION | typeof LEGACY_FORMAT_VERSION {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BalcfgError('format', hostText('model.no-object', {}));
  }
  const { format, formatVersion } = data as Record<string, unknown>;
  if (format !== BALCFG_FORMAT) {
    throw new BalcfgError('format', hostText('model.no-format', { format: BALCFG_FORMAT }));
  }
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > BALCFG_FORMAT_VERSION) {
    throw new BalcfgError('formatVersion', hostText('model.format-newer', { found: String(formatVersion), reads: String(BALCFG_FORMAT_VERSION) }));
  }
  if (formatVersion === LEGACY_FORMAT_VERSION) return LEGACY_FORMAT_VERSION;
  if (formatVersion !== BALCFG_FORMAT_VERSION) {
    throw new BalcfgError('formatVersion', hostText('model.format-version', { current: String(BALCFG_FORMAT_VERSION), legacy: String(LEGACY_FORMAT_VERSION) }));
  }
  return BALCFG_FORMAT_VERSION;
}

/** Canonical ids ("KKKK/VV", upper-case hex, fixed width) sort as plain strings in key-then-value order. */
function byCanonicalId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical ids and upper-case hex, ids unique; the order stays as in the file, so errors can name positions. */
function canonicalValues(values: readonly BalcfgValue[], field: string): BalcfgValue[] {
  const seen = new Map<string, number>();
  return values.map((v, i): BalcfgValue => {
    const id = normalizeValueId(v.id)!;
    const first = seen.get(id);
    if (first !== undefined) {
      throw new BalcfgError(`${field}[${i}].id`, hostText('model.twice', { id, first: `${field}[${first}]` }));
    }
    seen.set(id, i);
    return { id, hex: v.hex.toUpperCase() };
  });
}

function normalizeValues(values: readonly BalcfgValue[], field: string): BalcfgValue[] {
  return canonicalValues(values, field).sort((a, b) => byCanonicalId(a.id, b.id));
}

function canonicalIds(ids: readonly string[], field: string): string[] {
  const seen = new Map<string, number>();
  return ids.map((text, i) => {
    const id = normalizeValueId(text)!;
    const first = seen.get(id);
    if (first !== undefined) {
      throw new BalcfgError(`${field}[${i}]`, hostText('model.twice', { id, first: `${field}[${first}]` }));
    }
    seen.set(id, i);
    return id;
  });
}

function sortedChanges(changes: ValueChanges): ValueChanges {
  return {
    set: [...changes.set].sort((a, b) => byCanonicalId(a.id, b.id)),
    removed: [...changes.removed].sort(byCanonicalId),
  };
}

/** The derived AdminData/CSC values must say what the header says; see adminValues.ts. */
function checkAdminValues(cfg: Balcfg, rawValues: readonly BalcfgValue[]): void {
  const expected = new Map(adminValues(cfg.configId, cfg.version, cfg.configSecurityCode).map((v) => [v.id, v.hex]));
  const adminIds = new Set<string>(Object.values(ADMIN_IDS));
  const positions = new Map<string, number>();
  rawValues.forEach((v, i) => {
    const id = normalizeValueId(v.id)!;
    if (adminIds.has(id) && !positions.has(id)) positions.set(id, i);
  });
  const indexOf = (id: string) => positions.get(id) ?? -1;
  for (const id of Object.values(ADMIN_IDS)) {
    const want = expected.get(id);
    const at = indexOf(id);
    const label = `${id} (${describeValue(id).name})`;
    if (want === undefined) {
      if (at >= 0) {
        throw new BalcfgError(`values[${at}].id`, hostText('model.admin-without-device', { label }));
      }
      continue;
    }
    if (at < 0) {
      throw new BalcfgError(
        'values',
        id === ADMIN_IDS.configSecurityCode ? hostText('model.admin-missing-csc', { label }) : hostText('model.admin-missing', { label, want }),
      );
    }
    if (rawValues[at]!.hex.toUpperCase() !== want) {
      const problem = id === ADMIN_IDS.configSecurityCode
        ? hostText('model.admin-csc-differs', { label })
        : hostText('model.admin-differs', { label, want });
      throw new BalcfgError(`values[${at}].hex`, problem);
    }
  }
}

function checkHistory(cfg: Balcfg): void {
  let previous = 0;
  cfg.history.forEach((entry, i) => {
    if (entry.version <= previous) {
      throw new BalcfgError(`history[${i}].version`, hostText('model.history-order', { version: String(entry.version), previous: String(previous) }));
    }
    if (entry.version > cfg.version) {
      throw new BalcfgError(`history[${i}].version`, hostText('model.history-newer', { version: String(entry.version), current: String(cfg.version) }));
    }
    previous = entry.version;
  });
  if (cfg.history.length > 0 && cfg.customerKeyLink === null) {
    throw new BalcfgError('customerKeyLink', hostText('model.history-without-link', {}));
  }
}

/** Format 1 kept a full value list per entry; from now on the entry holds what changed. */
function migrateHistory(history: z.infer<typeof legacyBalcfgSchema>['history']): HistoryEntry[] {
  const lists = history.map((h, i) => normalizeValues(h.values, `history[${i}].values`));
  const changes = changesFromValueLists(lists);
  return history.map(({ values: _full, ...h }, i): HistoryEntry => ({ ...h, sha256: h.sha256.toLowerCase(), changes: changes[i]! }));
}

/** Change sets stay in file order until they are checked, so that errors name the line at fault. */
function normalizeHistory(history: z.infer<typeof balcfgSchema>['history']): HistoryEntry[] {
  return history.map((h, i): HistoryEntry => ({
    ...h,
    sha256: h.sha256.toLowerCase(),
    changes: {
      set: canonicalValues(h.changes.set, `history[${i}].changes.set`),
      removed: canonicalIds(h.changes.removed, `history[${i}].changes.removed`),
    },
  }));
}

/** The schema check of either format, with the history in the current form. */
function checkDocument(data: unknown, formatVersion: number) {
  if (formatVersion === LEGACY_FORMAT_VERSION) {
    const raw = checkWithSchema(legacyBalcfgSchema, data);
    return { raw, history: migrateHistory(raw.history) };
  }
  const raw = checkWithSchema(balcfgSchema, data);
  return { raw, history: normalizeHistory(raw.history) };
}

/**
 * Validates a BALCFG text; throws BalcfgError naming the first field that is wrong. A format 1
 * file comes back in the current form and is written that way on its next save.
 */
export function parseBalcfg(text: string): Balcfg {
  const data = readJson(text);
  const formatVersion = checkFormatMarker(data);
  const { raw, history } = checkDocument(data, formatVersion);
  const cfg: Balcfg = {
    format: BALCFG_FORMAT,
    formatVersion: BALCFG_FORMAT_VERSION,
    configId: raw.configId,
    version: raw.version,
    configSecurityCode: raw.configSecurityCode.toUpperCase(),
    customerKeyLink: raw.customerKeyLink && { ...raw.customerKeyLink, signature: raw.customerKeyLink.signature.toUpperCase() },
    values: normalizeValues(raw.values, 'values'),
    history,
  };
  checkAdminValues(cfg, raw.values);
  checkHistory(cfg);
  checkHistoryChanges(cfg.history);
  return { ...cfg, history: cfg.history.map((h) => ({ ...h, changes: sortedChanges(h.changes) })) };
}

const q = JSON.stringify;

function valueLine(v: BalcfgValue): string {
  let path: string | null = null;
  try {
    const d = describeValue(v.id);
    if (d.known) path = d.path;
  } catch {
    path = null;
  }
  return `{ "id": ${q(v.id)}, ${path ? `"name": ${q(path)}, ` : ''}"hex": ${q(v.hex)} }`;
}

function block(open: string, close: string, lines: readonly string[], indent: string): string {
  if (lines.length === 0) return `${open}${close}`;
  return `${open}\n${lines.map((l) => `${indent}  ${l}`).join(',\n')}\n${indent}${close}`;
}

function valueList(values: readonly BalcfgValue[], indent: string): string {
  const sorted = [...values].sort((a, b) => compareValueIds(a.id, b.id));
  return block('[', ']', sorted.map(valueLine), indent);
}

function changesBlock(changes: ValueChanges, indent: string): string {
  const removed = [...changes.removed].sort(compareValueIds).map((id) => q(id));
  return block('{', '}', [
    `"set": ${valueList(changes.set, `${indent}  `)}`,
    `"removed": ${block('[', ']', removed, `${indent}  `)}`,
  ], indent);
}

function historyBlock(h: HistoryEntry, indent: string): string {
  return block('{', '}', [
    `"version": ${h.version}`,
    `"finalizedAt": ${q(h.finalizedAt)}`,
    `"bec2File": ${q(h.bec2File)}`,
    `"sha256": ${q(h.sha256)}`,
    `"readerLabel": ${q(h.readerLabel)}`,
    `"configId": ${q(h.configId)}`,
    `"changes": ${changesBlock(h.changes, `${indent}  `)}`,
  ], indent);
}

/** The file text of a BALCFG; deterministic, ends with a newline. */
export function serializeBalcfg(cfg: Balcfg): string {
  const id = cfg.configId;
  const link = cfg.customerKeyLink;
  const lines = [
    `"format": ${q(BALCFG_FORMAT)}`,
    `"formatVersion": ${BALCFG_FORMAT_VERSION}`,
    `"configId": ${block('{', '}', [
      `"customer": ${id.customer}`,
      `"project": ${id.project}`,
      `"device": ${id.device}`,
      `"name": ${q(id.name)}`,
    ], '  ')}`,
    `"version": ${cfg.version}`,
    `"configSecurityCode": ${q(cfg.configSecurityCode)}`,
    `"customerKeyLink": ${link === null ? 'null' : block('{', '}', [
      `"signature": ${q(link.signature)}`,
      `"kind": ${q(link.kind)}`,
      `"readerLabel": ${q(link.readerLabel)}`,
      `"linkedAt": ${q(link.linkedAt)}`,
    ], '  ')}`,
    `"values": ${valueList(cfg.values, '  ')}`,
    `"history": ${block('[', ']', cfg.history.map((h) => historyBlock(h, '    ')), '  ')}`,
  ];
  return `${block('{', '}', lines, '')}\n`;
}
