// Config slice of the ReaderDesk API: methods and the events they send.
// Every method added to ConfigApi needs its name in CONFIG_METHODS and a schema in
// shared/api/params/config.ts (the host validates every call before it runs); the type check says which is missing.
//
// A BALCFG travels as the plain JSON document of shared/config/schema.ts.

import type { Balcfg, ConfigIdentity } from '../../config/balcfg.ts';
import type { ValueDiff } from '../../config/diff.ts';
import type { MethodNames } from '../methodNames.ts';

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

/** The methods of ConfigApi by name; their parameter schemas are in shared/api/params/config.ts. */
export const CONFIG_METHODS = {
  configNew: true,
  configOpen: true,
  configSave: true,
  recentFiles: true,
  configBump: true,
  configNewVersionFrom: true,
  configFinalize: true,
  configDiffWithReader: true,
} as const satisfies MethodNames<ConfigApi>;

export type ConfigEvent = never;
