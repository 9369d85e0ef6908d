// Config slice of the ReaderDesk API: methods, their parameter schemas and the events they send.
// Every method added to ConfigApi needs an entry in CONFIG_PARAMS (validated by the host before it runs).
//
// A BALCFG travels as the plain JSON document of shared/config/schema.ts. The schemas below only
// bound its shape and size; the host re-checks every document with parseBalcfg, whose sentences
// name the field at fault.

import { z } from 'zod';
import type { Balcfg, ConfigIdentity } from '../../config/balcfg.ts';
import type { ValueDiff } from '../../config/diff.ts';

/** A BALCFG file as the editor sees it: where it lives (absolute path) and what it holds. */
export interface ConfigDocument {
  path: string;
  balcfg: Balcfg;
}

export interface ConfigFinalizeResult {
  document: ConfigDocument;
  bec2Path: string;
  sha256: string;
  configId: string;
  customerKeyKind: 'default' | 'custom';
}

/** File values against what a reader reports (file → reader). Secrets are compared by presence only. */
export interface ReaderDiff {
  readerAddress: string;
  diff: ValueDiff;
}

export interface ConfigApi {
  /** New project settings (version 1, fresh Config Security Code); refuses to replace an existing file. */
  configNew(path: string, identity: ConfigIdentity): Promise<ConfigDocument>;
  configOpen(path: string): Promise<ConfigDocument>;
  /** Writes atomically; returns the document as it now stands on disk. */
  configSave(path: string, balcfg: Balcfg): Promise<ConfigDocument>;
  /** Absolute paths, most recent first. */
  recentFiles(): Promise<string[]>;
  /** Raises the version of the saved file by one, keeping values and CSC. */
  configBump(path: string): Promise<ConfigDocument>;
  /** A new, higher version of the saved file built from the values of a finalized version. */
  configNewVersionFrom(path: string, version: number): Promise<ConfigDocument>;
  /** Finalizes the saved file's current version into a BEC2 on a connected reader and records it. */
  configFinalize(path: string, readerId: string, outPath: string): Promise<ConfigFinalizeResult>;
  /** Compares a saved file (path) or an in-memory document with a connected reader's values. */
  configDiffWithReader(source: string | Balcfg, readerId: string): Promise<ReaderDiff>;
}

const filePath = z.string().min(1).max(4096);
const readerId = z.string().min(1).max(64);

const identity = z.strictObject({
  customer: z.number().int().min(0).max(99999),
  project: z.number().int().min(1).max(9999),
  device: z.number().int().min(0).max(9999),
  name: z.string().min(1).max(128),
});

const valueEntry = z.looseObject({ id: z.string().max(16), hex: z.string().max(256) });

/**
 * Shape and size only; parseBalcfg on the host gives the real verdict. Typed as the Balcfg it lets
 * through because every method that takes one re-checks it before use (configService's checkDocument).
 */
const balcfgShape = z.looseObject({
  format: z.string().max(64),
  formatVersion: z.number(),
  values: z.array(valueEntry).max(65_536),
  history: z
    .array(z.looseObject({ changes: z.looseObject({ set: z.array(valueEntry).max(65_536), removed: z.array(z.string().max(16)).max(65_536) }) }))
    .max(99),
}) as unknown as z.ZodType<Balcfg>;

export const CONFIG_PARAMS = {
  configNew: z.tuple([filePath, identity]),
  configOpen: z.tuple([filePath]),
  configSave: z.tuple([filePath, balcfgShape]),
  recentFiles: z.tuple([]),
  configBump: z.tuple([filePath]),
  configNewVersionFrom: z.tuple([filePath, z.number().int().min(1).max(99)]),
  configFinalize: z.tuple([filePath, readerId, filePath]),
  configDiffWithReader: z.tuple([z.union([filePath, balcfgShape]), readerId]),
} as const;

export type ConfigEvent = never;
