// The BALCFG document as TypeScript types, and the zod schema that checks a parsed file against
// them. Every rule carries its own sentence, a catalogue text (model.*) that travels through zod's
// message as `says(…)`; anything zod reports without one goes through `sentenceFor`, which never
// repeats the offending input (it may be a secret).

import { z } from 'zod';
import { isHex } from '../bytes.ts';
import { MAX_VALUE_BYTES } from './catalogue.ts';
import { BalcfgError } from './errors.ts';
import { badValueIdSentence, parseValueId } from './valueId.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostParam, HostText } from '../errors/hostText.ts';

// zod carries a rule's message as a string: the catalogue text goes inside it, marked, and
// checkWithSchema takes it out again. Nothing else reads these messages.
const TEXT_MARK = '\u0000model-text:';

function says(text: HostText): string {
  return TEXT_MARK + JSON.stringify(text);
}

function textOf(message: string): HostParam {
  return message.startsWith(TEXT_MARK) ? (JSON.parse(message.slice(TEXT_MARK.length)) as HostText) : message;
}

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

const ISO_TIME_SENTENCE = says(hostText('model.iso-time', {}));
const MUST_BE_TEXT = says(hostText('model.text', {}));
const VALUE_LIST = says(hostText('model.value-list', {}));
const HISTORY_LIST = says(hostText('model.history-list', {}));

const valueIdText = z
  .string({ error: says(hostText('model.id-text', {})) })
  .refine((s) => parseValueId(s) !== null, { error: (iss) => says(badValueIdSentence(String(iss.input))) });

const contentHex = z
  .string({ error: says(hostText('model.hex-text', {})) })
  .refine((s) => isHex(s), { error: says(hostText('model.odd-hex', {})) })
  .refine((s) => s.length <= MAX_VALUE_BYTES * 2, {
    error: (iss) => says(hostText('model.holds-too-much', { bytes: String(iss.input).length / 2, max: MAX_VALUE_BYTES })),
  });

/** Extra fields such as "name" are for people reading the file and are dropped on load. */
const valueEntry = z.object({ id: valueIdText, hex: contentHex });

const printableName = z
  .string({ error: MUST_BE_TEXT })
  .min(1, { error: says(hostText('model.name-empty', {})) })
  .max(MAX_VALUE_BYTES, { error: says(hostText('model.name-too-long', { max: String(MAX_VALUE_BYTES) })) })
  .refine((s) => /^[\x20-\x7e]*$/.test(s), { error: says(hostText('model.name-ascii', {})) })
  .refine((s) => s.trim() === s, { error: says(hostText('model.name-spaces', {})) });

type RangeWhat = 'model.what.customer' | 'model.what.project' | 'model.what.device' | 'model.what.version';

function wholeNumber(min: number, max: number, whatCode: RangeWhat) {
  const range = { min: String(min), max: String(max) };
  const what = hostText(whatCode, {});
  return z
    .number({ error: says(hostText('model.number', range)) })
    .int({ error: says(hostText('model.whole-number', range)) })
    .min(min, { error: (iss) => says(hostText('model.below', { value: String(iss.input), what, ...range })) })
    .max(max, { error: (iss) => says(hostText('model.above', { value: String(iss.input), what, ...range })) });
}

export const identitySchema = z.strictObject({
  customer: wholeNumber(0, 99999, 'model.what.customer'),
  project: wholeNumber(1, 9999, 'model.what.project'),
  device: wholeNumber(0, 9999, 'model.what.device'),
  name: printableName,
});

export const versionSchema = wholeNumber(1, MAX_CONFIG_VERSION, 'model.what.version');

const cscHex = z
  .string({ error: says(hostText('model.csc-text', {})) })
  .refine((s) => /^[0-9A-Fa-f]{16}$/.test(s), { error: says(hostText('model.csc-digits', { digits: String(CSC_BYTES * 2), bytes: String(CSC_BYTES) })) })
  .refine((s) => !/^0+$/.test(s), { error: says(hostText('model.csc-zeros', {})) });

const isoTime = z.iso.datetime({ offset: true, error: ISO_TIME_SENTENCE });

export const customerKeyLinkSchema = z.strictObject({
  signature: z
    .string({ error: says(hostText('model.hex-text', {})) })
    .refine((s) => s.length > 0 && s.length <= 128 && isHex(s), { error: says(hostText('model.signature', {})) }),
  kind: z.enum(['default', 'custom'], { error: says(hostText('model.key-kind', {})) }),
  readerLabel: z.string({ error: MUST_BE_TEXT }),
  linkedAt: isoTime,
});

const changesSchema = z.strictObject({
  set: z.array(valueEntry, { error: VALUE_LIST }),
  removed: z.array(valueIdText, { error: says(hostText('model.id-list', {})) }),
});

const historyEntryFields = {
  version: versionSchema,
  finalizedAt: isoTime,
  bec2File: z
    .string({ error: MUST_BE_TEXT })
    .refine((s) => s.length > 0 && !/[/\\]/.test(s), { error: says(hostText('model.file-name', {})) }),
  sha256: z
    .string({ error: MUST_BE_TEXT })
    .refine((s) => /^[0-9A-Fa-f]{64}$/.test(s), { error: says(hostText('model.sha256', {})) }),
  readerLabel: z.string({ error: MUST_BE_TEXT }),
  configId: z.string({ error: MUST_BE_TEXT }).min(1, { error: says(hostText('model.config-id-empty', {})) }),
};

export const historyEntrySchema = z.strictObject({ ...historyEntryFields, changes: changesSchema });

/** Format 1 kept every finalized version's full value list. */
const legacyHistoryEntrySchema = z.strictObject({
  ...historyEntryFields,
  values: z.array(valueEntry, { error: VALUE_LIST }),
});

const documentFields = {
  configId: identitySchema,
  version: versionSchema,
  configSecurityCode: cscHex,
  customerKeyLink: customerKeyLinkSchema.nullable(),
  values: z.array(valueEntry, { error: VALUE_LIST }),
};

export const balcfgSchema = z.strictObject({
  format: z.literal(BALCFG_FORMAT),
  formatVersion: z.literal(BALCFG_FORMAT_VERSION),
  ...documentFields,
  history: z.array(historyEntrySchema, { error: HISTORY_LIST }),
});

export const legacyBalcfgSchema = z.strictObject({
  format: z.literal(BALCFG_FORMAT),
  formatVersion: z.literal(LEGACY_FORMAT_VERSION),
  ...documentFields,
  history: z.array(legacyHistoryEntrySchema, { error: HISTORY_LIST }),
});

export function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

function sentenceFor(issue: z.core.$ZodIssue): { extraPath: string[]; sentence: HostParam } {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { extraPath: [issue.keys[0] ?? ''], sentence: hostText('model.unknown-field', {}) };
    case 'invalid_type':
      if (issue.input === undefined) return { extraPath: [], sentence: hostText('model.missing', {}) };
      if (!issue.message.startsWith('Invalid input')) return { extraPath: [], sentence: textOf(issue.message) };
      return {
        extraPath: [],
        sentence: issue.expected === 'object' ? hostText('model.must-be-object', {}) : hostText('model.must-be-type', { type: issue.expected }),
      };
    default: {
      const said = textOf(issue.message);
      return { extraPath: [], sentence: typeof said !== 'string' || said.endsWith('.') ? said : `${said}.` };
    }
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
