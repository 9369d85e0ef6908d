import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import {
  Bec2FormatError,
  Bec2InputError,
  decodeBf3Binary,
  encodeBf3Binary,
  readBf3File,
  writeBf3File,
  type Bf3Component,
} from '../../../shared/bec2/index.ts';
import { vectorJson, vectorText } from './vectors.ts';

interface JsonComponent {
  description: { tag: string; value_hex: string }[];
  blob_hex: string;
}

function componentsOf(json: { inputs: { components: JsonComponent[] } }): Bf3Component[] {
  return json.inputs.components.map((c) => ({
    description: c.description.map((d) => ({ tag: parseInt(d.tag, 16), value: fromHex(d.value_hex) })),
    data: fromHex(c.blob_hex),
  }));
}

function reasonOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof Bec2FormatError) return e.reason;
    throw e;
  }
  return undefined;
}

describe.each(['v00_appnote_bf3.bf3', 'v01_bf3_plain_component.bf3'])('BF3 vector %s', (name) => {
  const json = vectorJson(`${name}.json`);
  const comments = Object.entries(json.inputs.comments as Record<string, string>).map(([n, value]) => ({ name: n, value }));

  it('is reproduced byte for byte', () => {
    expect(writeBf3File({ comments, components: componentsOf(json) })).toBe(vectorText(name));
  });

  it('parses back into the same comments and components', () => {
    const file = readBf3File(vectorText(name));
    expect(file.comments).toEqual(comments);
    expect(file.components.map((c) => toHex(c.data))).toEqual(json.inputs.components.map((c: JsonComponent) => c.blob_hex));
    expect(file.components.map((c) => c.description.map((d) => d.tag))).toEqual(
      json.inputs.components.map((c: JsonComponent) => c.description.map((d) => parseInt(d.tag, 16))),
    );
  });
});

describe('BF3 reader', () => {
  const binary = fromHex(vectorJson('v01_bf3_plain_component.bf3.json').expected.binary_hex);

  it('detects a changed payload byte as a MAC failure', () => {
    const bad = new Uint8Array(binary);
    bad[bad.length - 1]! ^= 1;
    expect(reasonOf(() => decodeBf3Binary(bad))).toBe('mac');
  });

  it('detects a changed directory entry as a MAC failure', () => {
    const bad = new Uint8Array(binary);
    bad[45]! ^= 1; // inside the description TLVs of entry 1
    expect(reasonOf(() => decodeBf3Binary(bad))).toBe('mac');
  });

  it('fails with the wrong key', () => {
    expect(reasonOf(() => decodeBf3Binary(binary, new Uint8Array(16).fill(1)))).toBe('mac');
  });

  it('rejects truncated data, trailing bytes and a wrong signature as format errors', () => {
    expect(reasonOf(() => decodeBf3Binary(binary.subarray(0, binary.length - 1)))).toBe('format');
    expect(reasonOf(() => decodeBf3Binary(Uint8Array.of(...binary, 0)))).toBe('format');
    expect(reasonOf(() => decodeBf3Binary(Uint8Array.of(0x42, 0x45, 0x43, 0x32, 0, ...binary.subarray(5))))).toBe('format');
  });

  it('decrypts session-key components itself and keeps trailing zero bytes', () => {
    const key = fromHex('000102030405060708090A0B0C0D0E0F');
    const data = fromHex('11223344000000');
    const components = [{ description: [{ tag: 0xc2, value: Uint8Array.of(2) }], data }];
    const bin = encodeBf3Binary(components, key);
    expect(toHex(bin)).not.toContain('11223344');
    const [c] = decodeBf3Binary(bin, key);
    expect(toHex(c!.data)).toBe('11223344000000');
  });

  it('refuses to write empty components and duplicated description tags', () => {
    expect(() => encodeBf3Binary([{ description: [], data: new Uint8Array(0) }])).toThrow(Bec2InputError);
    const dup = [{ tag: 0xc1, value: Uint8Array.of(1) }, { tag: 0xc1, value: Uint8Array.of(2) }];
    expect(() => encodeBf3Binary([{ description: dup, data: Uint8Array.of(1) }])).toThrow(/twice/);
  });
});
