// Looks up what ReaderDesk knows about a configuration value and turns contents into typed text
// and back. Lookups are O(1): one map by id and one map of list ranges by key.

import { fromHex, isHex, toHex } from '../bytes.ts';
import {
  FIXED_VALUES,
  MASTER_KEY_GROUPS,
  RANGE_VALUES,
  type RangeSpec,
  type ValueGroup,
  type ValueSpec,
} from './catalogueEntries.ts';
import { BalcfgError } from './errors.ts';
import { badValueIdSentence, formatValueId, isSecretValue, parseValueId } from './valueId.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostParam } from '../errors/hostText.ts';

export type { ValueGroup, ValueType } from './catalogueEntries.ts';

/** Largest content a configuration value may hold. */
export const MAX_VALUE_BYTES = 128;

export interface ValueDescription extends Omit<ValueSpec, 'name'> {
  /** Canonical "KKKK/VV"; for list entries of the catalogue, the range ("0601/80-FE"). */
  readonly id: string;
  readonly name: string;
  readonly group: ValueGroup;
  /** Value id >= 0x80: the reader never returns it and ReaderDesk never shows its content. */
  readonly secret: boolean;
  /** False for ids the catalogue does not list; those are handled as raw hex. */
  readonly known: boolean;
}

function groupOf(key: number): ValueGroup {
  return MASTER_KEY_GROUPS[key >>> 8] ?? 'Unknown';
}

function describeSpec(id: string, key: number, value: number, spec: ValueSpec, name = spec.name): ValueDescription {
  return { ...spec, id, name, group: groupOf(key), secret: isSecretValue(value), known: true };
}

const BY_ID = new Map<string, ValueDescription>();
for (const spec of FIXED_VALUES) {
  const id = formatValueId(spec.key, spec.value);
  const { key: _key, value: _value, ...rest } = spec;
  BY_ID.set(id, describeSpec(id, spec.key, spec.value, rest));
}

const RANGES_BY_KEY = new Map<number, RangeSpec[]>();
for (const range of RANGE_VALUES) {
  for (let key = range.keys[0]; key <= range.keys[1]; key++) {
    const list = RANGES_BY_KEY.get(key) ?? [];
    list.push(range);
    RANGES_BY_KEY.set(key, list);
  }
}

function rangeLabel(range: RangeSpec): string {
  const keys = range.keys[0] === range.keys[1]
    ? formatValueId(range.keys[0], 0).slice(0, 4)
    : `${formatValueId(range.keys[0], 0).slice(0, 4)}-${formatValueId(range.keys[1], 0).slice(2, 4)}`;
  const hex = (v: number) => v.toString(16).padStart(2, '0').toUpperCase();
  return `${keys}/${hex(range.values[0])}-${hex(range.values[1])}`;
}

/** Every catalogue entry once (list ranges as one entry each), for the UI to group and search. */
export const CATALOGUE: readonly ValueDescription[] = [
  ...BY_ID.values(),
  ...RANGE_VALUES.map((range): ValueDescription => {
    const { keys: _k, values: _v, memberName: _m, ...rest } = range;
    return describeSpec(rangeLabel(range), range.keys[0], range.values[0], rest);
  }),
];

/** What ReaderDesk knows about a value; unknown ids get a raw-hex description. */
export function describeValue(id: string): ValueDescription {
  const ref = parseValueId(id);
  if (!ref) throw new BalcfgError('id', badValueIdSentence(id));
  const canonical = formatValueId(ref.key, ref.value);
  const exact = BY_ID.get(canonical);
  if (exact) return exact;
  for (const range of RANGES_BY_KEY.get(ref.key) ?? []) {
    if (ref.value >= range.values[0] && ref.value <= range.values[1]) {
      const { keys: _k, values: _v, memberName, ...rest } = range;
      const name = memberName(ref.key, ref.value);
      const path = `${range.path.slice(0, range.path.lastIndexOf('/') + 1)}${name}`;
      return describeSpec(canonical, ref.key, ref.value, { ...rest, path }, name);
    }
  }
  const group = groupOf(ref.key);
  return {
    id: canonical,
    name: canonical,
    path: `${group}/${canonical}`,
    group,
    type: 'bytes',
    secret: isSecretValue(ref.value),
    known: false,
    description: 'ReaderDesk does not know this value; it is shown and edited as raw hex.',
  };
}

function sizesOf(d: ValueDescription): readonly number[] | undefined {
  if (d.sizes) return d.sizes;
  switch (d.type) {
    case 'u8':
    case 'bool':
    case 'enum':
      return [1];
    case 'u16':
      return [2];
    case 'u32':
      return [4];
    default:
      return undefined;
  }
}

/**
 * The few words a value's display text holds besides numbers, hex and names. English here (the CLI,
 * the host's comparisons); the UI passes its own language's (renderer/src/lib/valueWords.ts).
 */
export interface ValueWords {
  /** "8 bytes", "1 byte": the length of a secret that is not shown. */
  readonly bytes: (count: number) => string;
  /** "expected 2 or 1 bytes": the lengths a value may have, after content of another length. */
  readonly expected: (sizes: readonly number[]) => string;
  /** "(empty)": content without bytes. */
  readonly empty: string;
  /** "not 00 or 01": a True/False value holding something else. */
  readonly notBool: string;
  /** "unknown": a choice the value's list does not name. */
  readonly unknown: string;
  /** A special number's meaning from the catalogue ("never expires"), in the caller's language. */
  readonly meaning?: (english: string) => string;
}

export const ENGLISH_VALUE_WORDS: ValueWords = {
  bytes: (count) => `${count} byte${count === 1 ? '' : 's'}`,
  expected: (sizes) => `expected ${sizes.join(' or ')} byte${sizes.length === 1 && sizes[0] === 1 ? '' : 's'}`,
  empty: '(empty)',
  notBool: 'not 00 or 01',
  unknown: 'unknown',
};

function spacedHex(bytes: Uint8Array, words: ValueWords): string {
  return bytes.length === 0 ? words.empty : toHex(bytes).replace(/(..)(?!$)/g, '$1 ');
}

function readUnsigned(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Typed display text of a value's content; secret contents are masked, unknown ids shown as hex. */
export function formatValue(id: string, bytes: Uint8Array, words: ValueWords = ENGLISH_VALUE_WORDS): string {
  const d = describeValue(id);
  if (d.secret) return `•••• (${words.bytes(bytes.length)})`;
  const sizes = sizesOf(d);
  if (sizes && !sizes.includes(bytes.length)) {
    return `${spacedHex(bytes, words)} (${words.expected(sizes)})`;
  }
  switch (d.type) {
    case 'u8':
    case 'u16':
    case 'u32': {
      const n = readUnsigned(bytes);
      const unit = d.unit ? ` ${d.unit}` : '';
      const special = d.special?.[n];
      return special ? `${n}${unit} (${words.meaning?.(special) ?? special})` : `${n}${unit}`;
    }
    case 'bool':
      if (bytes[0] === 0) return 'False';
      if (bytes[0] === 1) return 'True';
      return `${spacedHex(bytes, words)} (${words.notBool})`;
    case 'enum': {
      const n = bytes[0]!;
      const label = d.labels?.[n];
      return label ? `${label} (${n})` : `${words.unknown} (${n})`;
    }
    case 'ascii': {
      const text = String.fromCharCode(...bytes);
      return isPrintableAscii(text) ? JSON.stringify(text) : spacedHex(bytes, words);
    }
    case 'bytes':
      return spacedHex(bytes, words);
  }
}

function parseNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  return null;
}

function encodeUnsigned(n: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let rest = n;
  for (let i = size - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return out;
}

function parseHexInput(field: string, text: string, secret: boolean): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (!isHex(clean)) {
    const shown = secret ? hostText('model.the-text', {}) : JSON.stringify(text);
    throw new BalcfgError(field, hostText('model.not-hex-bytes', { shown }));
  }
  return fromHex(clean);
}

/** "2 or 1" as a clause, so that the "or" is translated. */
function eitherOf(sizes: readonly number[]): HostParam {
  let clause: HostParam = String(sizes[0]);
  for (const size of sizes.slice(1)) clause = hostText('model.either', { first: clause, second: String(size) });
  return clause;
}

/** Turns what a user typed into the content bytes of a value, checking type, range and size. */
export function parseTypedValue(id: string, text: string): Uint8Array {
  const d = describeValue(id);
  const field = d.id;
  const sizes = sizesOf(d);
  const shown: HostParam = d.secret ? hostText('model.the-text', {}) : JSON.stringify(text);
  let bytes: Uint8Array;
  switch (d.type) {
    case 'u8':
    case 'u16':
    case 'u32': {
      const n = parseNumber(text);
      const size = sizes![0]!;
      const max = d.range?.max ?? 256 ** size - 1;
      const min = d.range?.min ?? 0;
      if (n === null) throw new BalcfgError(field, hostText('model.not-whole-number', { shown }));
      if (n < min || n > max) throw new BalcfgError(field, hostText('model.outside', { value: String(n), min: String(min), max: String(max) }));
      bytes = encodeUnsigned(n, size);
      break;
    }
    case 'bool': {
      const t = text.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(t)) bytes = Uint8Array.of(1);
      else if (['false', '0', 'no', 'off'].includes(t)) bytes = Uint8Array.of(0);
      else throw new BalcfgError(field, hostText('model.not-yes-no', { shown }));
      break;
    }
    case 'enum': {
      const t = text.trim();
      const labels = d.labels ?? {};
      const byLabel = Object.entries(labels).find(([, label]) => label.toLowerCase() === t.toLowerCase());
      const n = byLabel ? Number(byLabel[0]) : parseNumber(t);
      if (n === null || labels[n] === undefined) {
        throw new BalcfgError(field, hostText('model.not-one-of', { shown, choices: Object.values(labels).join(', ') }));
      }
      bytes = Uint8Array.of(n);
      break;
    }
    case 'ascii':
      if (!isPrintableAscii(text)) {
        throw new BalcfgError(field, hostText('model.not-ascii', {}));
      }
      bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
      break;
    case 'bytes':
      bytes = parseHexInput(field, text, d.secret);
      break;
  }
  if (bytes.length > MAX_VALUE_BYTES) {
    throw new BalcfgError(field, hostText('model.content-too-long', { bytes: bytes.length, max: MAX_VALUE_BYTES }));
  }
  if (d.type === 'bytes' && sizes && !sizes.includes(bytes.length)) {
    throw new BalcfgError(field, hostText('model.wrong-size', { name: d.name, sizes: eitherOf(sizes), bytes: String(bytes.length) }));
  }
  return bytes;
}
