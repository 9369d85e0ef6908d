// The BALCFG document as TypeScript types, and the zod schema that checks a parsed file against
// them. Every rule carries its own sentence; anything zod reports without one goes through
// `sentenceFor`, which never repeats the offending input (it may be a secret).

import { z } from 'zod';
import { isHex } from '../bytes.ts';
import { MAX_VALUE_BYTES } from './catalogue.ts';
import { BalcfgError } from './errors.ts';
import { explainBadValueId, parseValueId } from './valueId.ts';

export const BALCFG_FORMAT = 'readerdesk-balcfg';
/** 2: history entries hold change sets; 1 (full values per entry) is still read and migrated. */
export const BALCFG_FORMAT_VERSION = 2;
export const LEGACY_FORMAT_VERSION = 1;
export const MAX_CONFIG_VERSION = 99;
export const CSC_BYTES = 8;

/** One configuration value; `hex` is the content, upper case, at most 128 bytes. */
export interface BalcfgValue {
  readonly id: string;
  readonly hex: string;
}

/** The blocks of the ConfigId "CCCCC-PPPP-DDDD-VV Name" apart from the version. */
export interface ConfigIdentity {
  readonly customer: number;
  readonly project: number;
  readonly device: number;
  readonly name: string;
}

export interface CustomerKeyLink {
  /** Recognises the customer key without revealing it (e.g. a key signature or a sealed probe), hex. */
  readonly signature: string;
  readonly kind: 'default' | 'custom';
  readonly readerLabel: string;
  readonly linkedAt: string;
}

/**
 * What changed in the values from one finalized version to the next: values added or given new
 * content (`set`, sorted by id) and ids dropped (`removed`, sorted). The first history entry is
 * measured against no values at all, so its `set` holds all of them.
 */
export interface ValueChanges {
  readonly set: readonly BalcfgValue[];
  readonly removed: readonly string[];
}

export interface HistoryEntry {
  readonly version: number;
  readonly finalizedAt: string;
  /** File name of the BEC2, without folder. */
  readonly bec2File: string;
  /** SHA-256 of the BEC2 file, lower-case hex. */
  readonly sha256: string;
  readonly readerLabel: string;
  readonly configId: string;
  /**
   * The values as finalized, as changes against the previous entry; history.ts replays them so that
   * a later version can start from any finalized one (rollback) and the compare panel can show it.
   */
  readonly changes: ValueChanges;
}

export interface Balcfg {
  readonly format: typeof BALCFG_FORMAT;
  readonly formatVersion: typeof BALCFG_FORMAT_VERSION;
  readonly configId: ConfigIdentity;
  readonly version: number;
  /** 8 bytes, upper-case hex; generated once with the project settings and kept across versions. */
  readonly configSecurityCode: string;
  readonly customerKeyLink: CustomerKeyLink | null;
  /** Sorted by key, then value id; ids unique. */
  readonly values: readonly BalcfgValue[];
  /** Finalized versions, oldest first. */
  readonly history: readonly HistoryEntry[];
}

const ISO_TIME_SENTENCE = 'must be an ISO time such as 2025-01-31T12:00:00Z.';

const valueIdText = z
  .string({ error: 'must be a text such as "0620/01".' })
  .refine((s) => parseValueId(s) !== null, { error: (iss) => `${explainBadValueId(String(iss.input))}.` });

const contentHex = z
  .string({ error: 'must be a text of hex digits.' })
  .refine((s) => isHex(s), { error: 'is not an even number of hex digits; write the content as hex such as 0A1B.' })
  .refine((s) => s.length <= MAX_VALUE_BYTES * 2, {
    error: (iss) => `holds ${String(iss.input).length / 2} bytes; a value holds at most ${MAX_VALUE_BYTES}.`,
  });

/** Extra fields such as "name" are for people reading the file and are dropped on load. */
const valueEntry = z.object({ id: valueIdText, hex: contentHex });

const printableName = z
  .string({ error: 'must be a text.' })
  .min(1, { error: 'is empty; give the configuration a name.' })
  .max(MAX_VALUE_BYTES, { error: `is longer than ${MAX_VALUE_BYTES} characters; shorten it.` })
  .refine((s) => /^[\x20-\x7e]*$/.test(s), { error: 'may only contain printable ASCII characters (it is stored in 0620/06).' })
  .refine((s) => s.trim() === s, { error: 'starts or ends with a space; remove it.' });

function wholeNumber(min: number, max: number, what: string) {
  return z
    .number({ error: `must be a number from ${min} to ${max}.` })
    .int({ error: `must be a whole number from ${min} to ${max}.` })
    .min(min, { error: (iss) => `${String(iss.input)} is below ${min}; ${what} runs from ${min} to ${max}.` })
    .max(max, { error: (iss) => `${String(iss.input)} is above ${max}; ${what} runs from ${min} to ${max}.` });
}

export const identitySchema = z.strictObject({
  customer: wholeNumber(0, 99999, 'the customer number'),
  project: wholeNumber(1, 9999, 'the project settings number'),
  device: wholeNumber(0, 9999, 'the device settings number (0 = none)'),
  name: printableName,
});

export const versionSchema = wholeNumber(1, MAX_CONFIG_VERSION, 'the version');

const cscHex = z
  .string({ error: 'must be a text of 16 hex digits.' })
  .refine((s) => /^[0-9A-Fa-f]{16}$/.test(s), { error: `must be ${CSC_BYTES * 2} hex digits (${CSC_BYTES} bytes).` })
  .refine((s) => !/^0+$/.test(s), {
    error: 'is all zeros, which readers treat as "no code"; create new project settings to get a random one.',
  });

const isoTime = z.iso.datetime({ offset: true, error: ISO_TIME_SENTENCE });

export const customerKeyLinkSchema = z.strictObject({
  signature: z
    .string({ error: 'must be a text of hex digits.' })
    .refine((s) => s.length > 0 && s.length <= 128 && isHex(s), { error: 'must be 1 to 64 bytes written as hex.' }),
  kind: z.enum(['default', 'custom'], { error: 'must be "default" or "custom".' }),
  readerLabel: z.string({ error: 'must be a text.' }),
  linkedAt: isoTime,
});

const changesSchema = z.strictObject({
  set: z.array(valueEntry, { error: 'must be a list of { "id", "hex" } entries.' }),
  removed: z.array(valueIdText, { error: 'must be a list of value ids such as "0620/01".' }),
});

const historyEntryFields = {
  version: versionSchema,
  finalizedAt: isoTime,
  bec2File: z
    .string({ error: 'must be a text.' })
    .refine((s) => s.length > 0 && !/[/\\]/.test(s), { error: 'must be a file name without folder.' }),
  sha256: z
    .string({ error: 'must be a text.' })
    .refine((s) => /^[0-9A-Fa-f]{64}$/.test(s), { error: 'must be 64 hex digits (a SHA-256).' }),
  readerLabel: z.string({ error: 'must be a text.' }),
  configId: z.string({ error: 'must be a text.' }).min(1, { error: 'is empty; it names the finalized configuration.' }),
};

export const historyEntrySchema = z.strictObject({ ...historyEntryFields, changes: changesSchema });

/** Format 1 kept every finalized version's full value list. */
const legacyHistoryEntrySchema = z.strictObject({
  ...historyEntryFields,
  values: z.array(valueEntry, { error: 'must be a list of { "id", "hex" } entries.' }),
});

const documentFields = {
  configId: identitySchema,
  version: versionSchema,
  configSecurityCode: cscHex,
  customerKeyLink: customerKeyLinkSchema.nullable(),
  values: z.array(valueEntry, { error: 'must be a list of { "id", "hex" } entries.' }),
};

export const balcfgSchema = z.strictObject({
  format: z.literal(BALCFG_FORMAT),
  formatVersion: z.literal(BALCFG_FORMAT_VERSION),
  ...documentFields,
  history: z.array(historyEntrySchema, { error: 'must be a list of finalized versions.' }),
});

export const legacyBalcfgSchema = z.strictObject({
  format: z.literal(BALCFG_FORMAT),
  formatVersion: z.literal(LEGACY_FORMAT_VERSION),
  ...documentFields,
  history: z.array(legacyHistoryEntrySchema, { error: 'must be a list of finalized versions.' }),
});

export function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

function sentenceFor(issue: z.core.$ZodIssue): { extraPath: string[]; sentence: string } {
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        extraPath: [issue.keys[0] ?? ''],
        sentence: 'is not a BALCFG field; remove it or check its spelling.',
      };
    case 'invalid_type':
      if (issue.input === undefined) return { extraPath: [], sentence: 'is missing; add it.' };
      if (!issue.message.startsWith('Invalid input')) return { extraPath: [], sentence: issue.message };
      return { extraPath: [], sentence: `must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}.` };
    default:
      return { extraPath: [], sentence: issue.message.endsWith('.') ? issue.message : `${issue.message}.` };
  }
}

/** Runs a schema and turns its first complaint into a BalcfgError naming the field. */
export function checkWithSchema<T>(schema: z.ZodType<T>, data: unknown, prefix = ''): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const { extraPath, sentence } = sentenceFor(issue);
  throw new BalcfgError(fieldPath(prefix, [...issue.path, ...extraPath]), sentence);
}
