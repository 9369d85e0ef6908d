// BF3/BEC2 files come from disk, from e-mail, from a colleague's USB stick: the readers explain a
// damaged or foreign file with a Bec2FormatError and never fall over. Round trips hold where the
// library writes the format itself.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../shared/bytes.ts';
import {
  Bec2FormatError,
  configurationOf,
  decodeBf3Binary,
  decodeConfigBlocks,
  decodeConfigPayload,
  encodeBf3Binary,
  encodeConfigBlocks,
  encodeConfigPayload,
  openBec2Components,
  openBec2InitCustKey,
  openBec2Update,
  parseBec2Binary,
  parseBec2File,
  parseInitEccBlock,
  readBf3File,
  readTextContainer,
  sortConfigOps,
  writeBf3File,
  writeTextContainer,
  DescTag,
  MAX_VALUE_CONTENT_LENGTH,
  type Bec2Image,
  type Bf3Component,
  type ConfigOp,
} from '../../shared/bec2/index.ts';
import { CRYPTO_KEY, SECURITY_CODE, vectorJson, vectorText } from '../unit/bec2/vectors.ts';
import { echoedHex, hexDigit, mutatedBytes, mutatedText, runs, thrownBy } from './campaign.ts';

const BEC2_VECTORS = ['v02_bec2_custkey_update_v9.bec2', 'v06_bec2_ecc_testkey_update_v9.bec2', 'v09_bec2_devsettings_busaddr_update_v3.bec2'];
const BF3_VECTORS = ['v00_appnote_bf3.bf3', 'v01_bf3_plain_component.bf3'];
const TLV_PAYLOAD = fromHex(vectorJson('v04_tlv_blocks.json').expected.set_config_blob_hex as string);

const bec2Texts = BEC2_VECTORS.map(vectorText);
const bf3Binaries = BF3_VECTORS.map((name) => readTextContainer(vectorText(name)).binary);
const bec2Binaries = bec2Texts.map((text) => readTextContainer(text).binary);

/** Text that looks like a BF3/BEC2 file often enough to get past the first checks. */
const containerLikeText = fc
  .tuple(
    fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 })), { maxLength: 4 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.array(fc.string({ unit: fc.oneof(hexDigit, fc.constantFrom(' ', ',', '-', '.', '/', ':', 'g', '\t')), maxLength: 90 }), { maxLength: 6 }),
  )
  .map(([comments, eol, lines]) => [...comments.map(([n, v]) => `${n}: ${v}`), '', ...lines].join(eol));

const anyText = fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), containerLikeText, fc.constantFrom(...bec2Texts).chain(mutatedText));

/** Everything a reader does with a file it received: parse, open the auth blocks it can, verify, read the configuration. */
function readLikeAReader(image: Bec2Image): void {
  let sessionKey: Uint8Array | undefined;
  for (const open of [() => openBec2Update(image, SECURITY_CODE).sessionKey, () => openBec2InitCustKey(image, CRYPTO_KEY).sessionKey]) {
    const err = thrownBy(() => (sessionKey ??= open()), Bec2FormatError);
    if (err) expect(echoedHex(err.message, image.binary)).toEqual([]);
  }
  const ecc = image.authBlocks.find((b) => b.tag === 0x03);
  if (ecc) thrownBy(() => parseInitEccBlock(ecc.value), Bec2FormatError);
  if (!sessionKey) return;
  const key = sessionKey;
  const err = thrownBy(() => configurationOf(openBec2Components(image, key)), Bec2FormatError);
  if (err) expect(echoedHex(err.message, image.binary)).toEqual([]);
}

describe('the text container', () => {
  it('reads any text or says why not with a Bec2FormatError that does not repeat the data', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const err = thrownBy(() => readTextContainer(text), Bec2FormatError);
        if (err) expect(echoedHex(err.message, text)).toEqual([]);
      }),
      runs(2000),
    );
  });

  it('round-trips comments and binary: read(write(c, b)) = (c, b)', () => {
    const name = fc.string({ minLength: 1, maxLength: 16 }).filter((s) => !/[:\r\n]/.test(s));
    const value = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ').trim());
    fc.assert(
      fc.property(fc.array(fc.record({ name, value }), { maxLength: 5 }), fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (comments, binary, eol) => {
        expect(readTextContainer(writeTextContainer(comments, binary, eol))).toEqual({ comments, binary });
      }),
      runs(1000),
    );
  });
});

describe('BEC2 files', () => {
  it('parse any text, damaged vectors included, or fail with a Bec2FormatError', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let image: Bec2Image | undefined;
        const err = thrownBy(() => (image = parseBec2File(text)), Bec2FormatError);
        if (err) expect(echoedHex(err.message, text)).toEqual([]);
        if (image) readLikeAReader(image);
      }),
      runs(1500),
    );
  });

  it('damaged images are refused with a Bec2FormatError at whatever step the damage shows', () => {
    const damaged = fc.constantFrom(...bec2Binaries).chain(mutatedBytes);
    fc.assert(
      fc.property(damaged, (binary) => {
        let image: Bec2Image | undefined;
        const err = thrownBy(() => (image = parseBec2Binary(binary)), Bec2FormatError);
        if (err) expect(echoedHex(err.message, binary)).toEqual([]);
        if (image) readLikeAReader(image);
      }),
      runs(1500),
    );
  });

  it('the untouched vectors still open all the way to their configuration', () => {
    for (const text of [bec2Texts[0]!, bec2Texts[2]!]) {
      const image = parseBec2File(text);
      const { sessionKey } = openBec2Update(image, SECURITY_CODE);
      expect(configurationOf(openBec2Components(image, sessionKey))?.length).toBeGreaterThan(0);
    }
  });
});

const descriptionTag = fc.record({ tag: fc.integer({ min: 0, max: 255 }), value: fc.uint8Array({ maxLength: 12 }) });
const component: fc.Arbitrary<Bf3Component> = fc.record({
  description: fc.uniqueArray(descriptionTag, { selector: (d) => d.tag, maxLength: 5 }),
  data: fc.uint8Array({ minLength: 1, maxLength: 200 }),
  encrypted: fc.boolean(),
}).map(({ description, data, encrypted }) => {
  const rest = description.filter((d) => d.tag !== DescTag.ENC);
  return { description: encrypted ? [...rest, { tag: DescTag.ENC, value: Uint8Array.of(0x02) }] : rest, data };
});

describe('BF3 images', () => {
  it('decode any bytes, and damaged vectors, or fail with a Bec2FormatError', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...bf3Binaries).chain(mutatedBytes));
    fc.assert(
      fc.property(bytes, (binary) => {
        const err = thrownBy(() => decodeBf3Binary(binary), Bec2FormatError);
        if (err) expect(echoedHex(err.message, binary)).toEqual([]);
      }),
      runs(2000),
    );
  });

  it('round-trip components under any session key: decode(encode(c)) = c', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 4 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (components, key) => {
        expect(decodeBf3Binary(encodeBf3Binary(components, key), key)).toEqual(components);
      }),
      runs(500),
    );
  });

  it('round-trip as files with comments', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 3 }), (components) => {
        const file = { comments: [{ name: 'Name', value: 'Fuzz' }], components };
        expect(readBf3File(writeBf3File(file))).toEqual(file);
      }),
      runs(300),
    );
  });
});

const configOp: fc.Arbitrary<ConfigOp> = fc.record({
  key: fc.integer({ min: 0, max: 0xffff }),
  value: fc.option(fc.integer({ min: 0, max: 0xfe }), { freq: 8 }),
  content: fc.option(fc.uint8Array({ maxLength: MAX_VALUE_CONTENT_LENGTH }), { freq: 6 }),
});

/** What decoding gives back for an operation: a delete-key carries no content. */
function asDecoded(op: ConfigOp): ConfigOp {
  return op.value === null ? { key: op.key, value: null, content: null } : op;
}

describe('configuration TLV blocks', () => {
  it('decode any payload, and damaged vector payloads, or fail with a Bec2FormatError', () => {
    const payload = fc.oneof(fc.uint8Array({ maxLength: 400 }), mutatedBytes(TLV_PAYLOAD));
    fc.assert(
      fc.property(payload, (p) => {
        const err = thrownBy(() => decodeConfigBlocks(decodeConfigPayload(p)), Bec2FormatError);
        if (err) expect(echoedHex(err.message, p)).toEqual([]);
      }),
      runs(3000),
    );
  });

  it('decode any list of blocks or fail with a Bec2FormatError', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 120 }), { maxLength: 6 }), (blocks) => {
        thrownBy(() => decodeConfigBlocks(blocks), Bec2FormatError);
      }),
      runs(3000),
    );
  });

  it('round-trip: decode(encode(ops)) = the operations in canonical order', () => {
    const ops = fc.uniqueArray(configOp, { selector: (op) => `${op.key}/${op.value ?? '--'}`, maxLength: 40 });
    fc.assert(
      fc.property(ops, (config) => {
        const blocks = encodeConfigBlocks(config);
        expect(decodeConfigPayload(encodeConfigPayload(blocks))).toEqual(blocks);
        expect(decodeConfigBlocks(blocks)).toEqual(sortConfigOps(config).map(asDecoded));
      }),
      runs(1000),
    );
  });
});
