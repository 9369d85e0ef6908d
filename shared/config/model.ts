// Operations on a BALCFG document. All are pure: they return a new document and never change the
// one passed in. The rules they keep (see docs/balcfg.md):
// - the Config Security Code is made once, from a CSPRNG, and every later version keeps it;
// - AdminData and the CSC in the value list follow the header and are not edited by hand;
// - a finalized version is frozen: edits need a new version first;
// - a rollback is a new, higher version built from an older version's values.

import { bytesEqual, fromHex, randomBytes, toHex } from '../bytes.ts';
import { whyManaged, withAdminValues } from './adminValues.ts';
import { MAX_VALUE_BYTES } from './catalogue.ts';
import { BalcfgError } from './errors.ts';
import { changesBetween, valuesAtVersion } from './history.ts';
import {
  BALCFG_FORMAT,
  BALCFG_FORMAT_VERSION,
  CSC_BYTES,
  MAX_CONFIG_VERSION,
  checkWithSchema,
  customerKeyLinkSchema,
  historyEntrySchema,
  identitySchema,
  type Balcfg,
  type ConfigIdentity,
  type CustomerKeyLink,
  type HistoryEntry,
} from './schema.ts';
import { badValueIdSentence, normalizeValueId, parseValueId } from './valueId.ts';
import { hostText } from '../errors/hostError.ts';

export type RandomSource = (n: number) => Uint8Array;

/** A configuration value as the reader's configuration commands and the TLV writer see it. */
export interface ConfigOp {
  readonly key: number;
  readonly value: number;
  readonly content: Uint8Array;
}

/** What the finalization step knows; version, ConfigId and values are taken from the document. */
export interface FinalizationRecord {
  readonly finalizedAt: string;
  readonly bec2File: string;
  readonly sha256: string;
  readonly readerLabel: string;
}

function checkIdentity(identity: ConfigIdentity): ConfigIdentity {
  const { customer, project, device, name } = checkWithSchema(identitySchema, identity, 'configId');
  return { customer, project, device, name };
}

function newCsc(random: RandomSource): string {
  const csc = random(CSC_BYTES);
  if (!(csc instanceof Uint8Array) || csc.length !== CSC_BYTES) {
    throw new BalcfgError('configSecurityCode', hostText('model.random-short', { bytes: CSC_BYTES }));
  }
  if (bytesEqual(csc, new Uint8Array(CSC_BYTES))) {
    throw new BalcfgError('configSecurityCode', hostText('model.random-zeros', {}));
  }
  return toHex(csc);
}

/** New project settings: version 1, a fresh Config Security Code, AdminData filled in. */
export function createBalcfg(identity: ConfigIdentity, random: RandomSource = randomBytes): Balcfg {
  const configId = checkIdentity(identity);
  const configSecurityCode = newCsc(random);
  return {
    format: BALCFG_FORMAT,
    formatVersion: BALCFG_FORMAT_VERSION,
    configId,
    version: 1,
    configSecurityCode,
    customerKeyLink: null,
    values: withAdminValues([], configId, 1, configSecurityCode),
    history: [],
  };
}

export function isFinalized(cfg: Balcfg): boolean {
  return cfg.history.some((h) => h.version === cfg.version);
}

function checkEditable(cfg: Balcfg, field: string): void {
  if (isFinalized(cfg)) {
    throw new BalcfgError(field, hostText('model.frozen', { version: String(cfg.version), next: String(cfg.version + 1) }));
  }
}

function editableId(cfg: Balcfg, id: string): string {
  const canonical = normalizeValueId(id);
  if (!canonical) throw new BalcfgError('id', badValueIdSentence(id));
  const managed = whyManaged(canonical);
  if (managed) throw new BalcfgError(canonical, managed);
  checkEditable(cfg, canonical);
  return canonical;
}

/** Adds or replaces a value. AdminData and the CSC are refused: they follow the header. */
export function setValue(cfg: Balcfg, id: string, content: Uint8Array): Balcfg {
  const canonical = editableId(cfg, id);
  if (content.length > MAX_VALUE_BYTES) {
    throw new BalcfgError(canonical, hostText('model.content-too-long', { bytes: content.length, max: MAX_VALUE_BYTES }));
  }
  const rest = cfg.values.filter((v) => v.id !== canonical);
  const values = withAdminValues([...rest, { id: canonical, hex: toHex(content) }], cfg.configId, cfg.version, cfg.configSecurityCode);
  return { ...cfg, values };
}

/** Removes a value; removing one that is not there changes nothing. */
export function deleteValue(cfg: Balcfg, id: string): Balcfg {
  const canonical = editableId(cfg, id);
  if (!cfg.values.some((v) => v.id === canonical)) return cfg;
  return { ...cfg, values: cfg.values.filter((v) => v.id !== canonical) };
}

/** Changes name or numbers of the project settings; the CSC stays. */
export function setIdentity(cfg: Balcfg, patch: Partial<ConfigIdentity>): Balcfg {
  checkEditable(cfg, 'configId');
  const configId = checkIdentity({ ...cfg.configId, ...patch });
  return { ...cfg, configId, values: withAdminValues(cfg.values, configId, cfg.version, cfg.configSecurityCode) };
}

function nextVersion(cfg: Balcfg): number {
  if (cfg.version >= MAX_CONFIG_VERSION) {
    throw new BalcfgError('version', hostText('model.last-version', { version: String(cfg.version), max: String(MAX_CONFIG_VERSION) }));
  }
  return cfg.version + 1;
}

/** The next version with the same values and the same Config Security Code. */
export function bumpVersion(cfg: Balcfg): Balcfg {
  const version = nextVersion(cfg);
  return { ...cfg, version, values: withAdminValues(cfg.values, cfg.configId, version, cfg.configSecurityCode) };
}

/**
 * A new version, from the current values or from those of a finalized older version. Readers
 * refuse files older than what they hold, so going back means deploying the old values under a
 * higher version number, never the old file.
 */
export function newVersionFrom(cfg: Balcfg, from?: HistoryEntry): Balcfg {
  const bumped = bumpVersion(cfg);
  if (!from) return bumped;
  const source = cfg.history.find((h) => h.version === from.version && h.sha256 === from.sha256.toLowerCase());
  if (!source) {
    throw new BalcfgError('history', hostText('model.not-in-history', { version: String(from.version) }));
  }
  const values = valuesAtVersion(cfg.history, source.version);
  return { ...bumped, values: withAdminValues(values, cfg.configId, bumped.version, cfg.configSecurityCode) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "CCCCC-PPPP-DDDD-VV Name"; a customer number of 9999 means "unknown" and gives "Name (version VV)". */
export function configIdString(cfg: Balcfg): string {
  const { customer, project, device, name } = cfg.configId;
  if (customer === 9999) return `${name} (version ${pad(cfg.version, 2)})`;
  return `${pad(customer, 5)}-${pad(project, 4)}-${pad(device, 4)}-${pad(cfg.version, 2)} ${name}`;
}

/** Outcome of comparing a reader's customer-key signature with the link of the document. */
export function customerKeyMatch(cfg: Balcfg, signature: string): 'unlinked' | 'match' | 'mismatch' {
  if (!cfg.customerKeyLink) return 'unlinked';
  return cfg.customerKeyLink.signature === signature.toUpperCase() ? 'match' : 'mismatch';
}

/**
 * Links the document to the customer key of the reader finalizing it. The first link stays: a
 * later finalization on a reader with another customer key is refused, because readers holding
 * the linked key would reject the result.
 */
export function linkCustomerKey(cfg: Balcfg, link: CustomerKeyLink): Balcfg {
  const checked = checkWithSchema(customerKeyLinkSchema, link, 'customerKeyLink');
  const signature = checked.signature.toUpperCase();
  const match = customerKeyMatch(cfg, signature);
  if (match === 'match') return cfg;
  if (match === 'mismatch') {
    const linked = cfg.customerKeyLink!;
    throw new BalcfgError(
      'customerKeyLink',
      hostText('model.key-link-mismatch', {
        linked: hostText(linked.kind === 'default' ? 'finalize.linked-default' : 'finalize.linked-custom', {}),
        linkedReader: linked.readerLabel,
        linkedAt: linked.linkedAt,
        reader: link.readerLabel,
      }),
    );
  }
  return { ...cfg, customerKeyLink: { ...checked, signature } };
}

/** Records that the current version was finalized into a BEC2 file. */
export function recordFinalization(cfg: Balcfg, record: FinalizationRecord): Balcfg {
  if (isFinalized(cfg)) {
    throw new BalcfgError('version', hostText('model.already-finalized', { version: String(cfg.version) }));
  }
  if (!cfg.customerKeyLink) {
    throw new BalcfgError('customerKeyLink', hostText('model.no-key-link', {}));
  }
  const last = cfg.history.at(-1);
  const previous = last ? valuesAtVersion(cfg.history, last.version) : [];
  const entry: HistoryEntry = {
    version: cfg.version,
    finalizedAt: record.finalizedAt,
    bec2File: record.bec2File,
    sha256: record.sha256.toLowerCase(),
    readerLabel: record.readerLabel,
    configId: configIdString(cfg),
    changes: changesBetween(previous, cfg.values),
  };
  checkWithSchema(historyEntrySchema, entry, `history[${cfg.history.length}]`);
  return { ...cfg, history: [...cfg.history, entry] };
}

/** The values as (key, value, content) for the BEC2 writer and the configuration commands. */
export function toConfigOps(cfg: Balcfg): ConfigOp[] {
  return cfg.values.map((v) => {
    const ref = parseValueId(v.id)!;
    return { key: ref.key, value: ref.value, content: fromHex(v.hex) };
  });
}

