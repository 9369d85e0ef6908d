import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import {
  Bec2FormatError,
  decodeConfigBlocks,
  decodeConfigPayload,
  encodeConfigBlocks,
  encodeConfigPayload,
  MAX_VALUE_CONTENT_LENGTH,
} from '../../../shared/bec2/index.ts';
import { opsAsJson, toOps, vectorJson, vectorText } from './vectors.ts';

const v04 = vectorJson('v04_tlv_blocks.json');

describe('configuration TLV blocks (vector v04)', () => {
  const blocks = encodeConfigBlocks(toOps(v04.inputs.config));

  it('packs 25 entries into the same 5 blocks as the reference', () => {
    expect(blocks.map((b) => toHex(b))).toEqual(v04.expected.blocks_hex);
    expect(blocks.map((b) => toHex(b)).join('\n') + '\n').toBe(vectorText('v04_tlv_blocks.hex').replace(/\r\n/g, '\n'));
  });

  it('builds the same component payload', () => {
    expect(toHex(encodeConfigPayload(blocks))).toBe(v04.expected.set_config_blob_hex);
  });

  it('parses the payload back into the operations in canonical order', () => {
    const ops = decodeConfigBlocks(decodeConfigPayload(fromHex(v04.expected.set_config_blob_hex)));
    expect(opsAsJson(ops)).toEqual(opsAsJson(toOps(v04.expected.operations_in_order)));
  });

  it.each(Object.entries(v04.small_cases as Record<string, { config: never[]; blocks_hex: string[] }>))(
    'small case %s',
    (_name, c) => {
      const out = encodeConfigBlocks(toOps(c.config));
      expect(out.map((b) => toHex(b))).toEqual(c.blocks_hex);
      expect(new Set(opsAsJson(decodeConfigBlocks(out)).map((o) => JSON.stringify(o)))).toEqual(
        new Set(opsAsJson(toOps(c.config)).map((o) => JSON.stringify(o))),
      );
    },
  );
});

describe('configuration limits', () => {
  it('fits a 111-byte value exactly into a 117-byte block', () => {
    const blocks = encodeConfigBlocks([{ key: 0x0101, value: 1, content: new Uint8Array(MAX_VALUE_CONTENT_LENGTH) }]);
    expect(blocks.map((b) => b.length)).toEqual([116]);
    const two = encodeConfigBlocks([
      { key: 0x0101, value: 1, content: new Uint8Array(111) },
      { key: 0x0101, value: 2, content: new Uint8Array(111) },
    ]);
    expect(two.map((b) => b.length)).toEqual([117, 116]);
  });

  it('refuses a 112-byte value instead of writing an empty first block', () => {
    expect(() => encodeConfigBlocks([{ key: 0x0101, value: 1, content: new Uint8Array(112) }])).toThrow(
      /0101\/01 has 112 bytes.*at most 111/,
    );
  });

  it('refuses duplicates and value id FF', () => {
    const op = { key: 1, value: 1, content: Uint8Array.of(1) };
    expect(() => encodeConfigBlocks([op, { ...op }])).toThrow(/0001\/01 more than once/);
    expect(() => encodeConfigBlocks([{ key: 1, value: 0xff, content: null }])).toThrow(/terminator/);
  });

  it('orders a delete-key before a delete-value of the same key (the reference crashes here)', () => {
    const blocks = encodeConfigBlocks([
      { key: 0x0200, value: 3, content: null },
      { key: 0x0200, value: null, content: null },
    ]);
    expect(toHex(blocks[0]!)).toBe('020200010200' + '03FF');
  });

  it('reports malformed blocks as configuration errors', () => {
    for (const bad of ['030101', '01010102', '0101010105AABB', '01']) {
      const err = (() => {
        try {
          decodeConfigBlocks([fromHex(bad)]);
        } catch (e) {
          return e;
        }
      })();
      expect(err, bad).toBeInstanceOf(Bec2FormatError);
      expect((err as Bec2FormatError).reason).toBe('config');
    }
    expect(() => decodeConfigPayload(fromHex('0301'))).toThrow(/truncated/);
    expect(() => decodeConfigPayload(fromHex('01FF'))).toThrow(/terminator/);
    expect(() => decodeConfigPayload(fromHex('01FF0000'))).toThrow(/follow/);
  });
});
