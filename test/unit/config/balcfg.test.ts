import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/bytes.ts';
import { BalcfgError, parseBalcfg, serializeBalcfg, type Balcfg } from '../../../shared/config/balcfg.ts';
import { thrownBy } from '../../helpers/thrownBy.ts';
import { linkCustomerKey, recordFinalization, setValue } from '../../../shared/config/model.ts';
import { sampleBalcfg } from './fixtures.ts';

function edited(): Balcfg {
  let cfg = sampleBalcfg();
  cfg = setValue(cfg, '0103/03', fromHex('0014'));
  cfg = setValue(cfg, '0202/85', fromHex('00112233445566778899'));
  cfg = linkCustomerKey(cfg, { signature: 'a1b2c3d4', kind: 'custom', readerLabel: 'Desk reader', linkedAt: '2025-03-01T10:00:00Z' });
  cfg = recordFinalization(cfg, {
    finalizedAt: '2025-03-01T10:00:05Z',
    bec2File: 'project-v01.bec2',
    sha256: 'AB'.repeat(32),
    readerLabel: 'Desk reader',
  });
  return cfg;
}

/** The file as plain JSON, for tests that break it on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

/** Serializes a sample, lets the test change the plain JSON, and returns the changed text. */
function withJson(mutate: (json: LooseJson) => void): string {
  const json = JSON.parse(serializeBalcfg(edited()));
  mutate(json);
  return JSON.stringify(json, null, 2);
}

const errorOf = (text: string) => thrownBy(BalcfgError, () => parseBalcfg(text));

describe('BALCFG text', () => {
  it('round-trips a document with values, customer-key link and history', () => {
    const cfg = edited();
    const text = serializeBalcfg(cfg);
    expect(parseBalcfg(text)).toEqual(cfg);
    expect(serializeBalcfg(parseBalcfg(text))).toBe(text);
  });

  it('writes the same text for the same document, sorted and one value per line', () => {
    const cfg = edited();
    const shuffled = { ...cfg, values: [...cfg.values].reverse() };
    const text = serializeBalcfg(cfg);
    expect(serializeBalcfg(shuffled)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('    { "id": "0103/03", "name": "Protocols/BrpSerial/InterbyteTimeout", "hex": "0014" },\n');
    const ids = [...text.matchAll(/^ {4}\{ "id": "([0-9A-F/]+)"/gm)].map((m) => m[1]);
    expect(ids).toEqual(['0103/03', '0202/82', '0202/85', '0620/01', '0620/02', '0620/05', '0620/06', '0620/07']);
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"formatVersion"'));
    expect(text.indexOf('"values"')).toBeLessThan(text.indexOf('"history"'));
  });

  it('ignores human fields such as "name" and accepts lower-case ids and unsorted values', () => {
    const text = withJson((j) => {
      j.values.reverse();
      j.values[0].name = 'anything';
      j.values[0].comment = 'note';
      j.values = j.values.map((v: { id: string }) => ({ ...v, id: v.id.toLowerCase() }));
    });
    expect(parseBalcfg(text)).toEqual(edited());
  });

  it('names the field of a malformed id', () => {
    const text = withJson((j) => {
      j.values[3].id = '06200/1';
    });
    const err = errorOf(text);
    expect(err.field).toBe('values[3].id');
    expect(err.message).toBe('values[3].id: "06200/1" is not a key/value id like 0620/01.');
  });

  it('does not repeat an id that ran into the secret next to it (fuzz counterexample)', () => {
    const err = errorOf(withJson((j) => {
      j.values[2].id = `${j.values[2].id}${j.values[2].hex}`;
      delete j.values[2].hex;
    }));
    expect(err.message).toBe('values[2].id: a text of 27 characters is not a key/value id like 0620/01.');
    expect(err.message).not.toContain('00112233445566778899');
  });

  it('refuses ids that use the reserved FF', () => {
    for (const id of ['0103/FF', 'FF03/01', '01FF/01']) {
      const err = errorOf(withJson((j) => j.values.push({ id, hex: '00' })));
      expect(err.field).toMatch(/^values\[\d+\]\.id$/);
      expect(err.sentence).toContain('FF');
    }
  });

  it('refuses duplicate ids and says where the first one is', () => {
    const err = errorOf(withJson((j) => j.values.push({ id: '0103/03', hex: '0020' })));
    expect(err.field).toBe('values[8].id');
    expect(err.sentence).toContain('values[0]');
  });

  it('refuses contents over 128 bytes but takes exactly 128', () => {
    expect(() => parseBalcfg(withJson((j) => j.values.push({ id: '0501/07', hex: '00'.repeat(128) })))).not.toThrow();
    const err = errorOf(withJson((j) => j.values.push({ id: '0501/07', hex: '00'.repeat(129) })));
    expect(err.field).toBe('values[8].hex');
    expect(err.sentence).toContain('129 bytes');
  });

  it('never repeats the content of a bad secret value', () => {
    const err = errorOf(withJson((j) => {
      j.values[2].hex = 'SECRETKEY1';
    }));
    expect(err.field).toBe('values[2].hex');
    expect(err.message).not.toContain('SECRETKEY1');
  });

  it('does not echo the text around a JSON syntax error', () => {
    const text = serializeBalcfg(edited()).replace('"0202/85", "name": "Device/Run/CustomerKey", "hex": "', '"0202/85" "hex": "');
    const err = errorOf(text);
    expect(err.field).toBe('format');
    expect(err.message).toMatch(/not valid JSON \(line \d+, column \d+\)/);
    expect(err.message).not.toContain('00112233');
  });

  it('tells a foreign file from a newer BALCFG', () => {
    expect(errorOf('{"hello": 1}').field).toBe('format');
    expect(errorOf('[1,2]').sentence).toContain('not a ReaderDesk BALCFG');
    const newer = errorOf(withJson((j) => (j.formatVersion = 3)));
    expect(newer.field).toBe('formatVersion');
    expect(newer.sentence).toContain('newer ReaderDesk');
  });

  it('names missing and unknown fields', () => {
    expect(errorOf(withJson((j) => delete j.configSecurityCode)).message).toBe('configSecurityCode: is missing; add it.');
    expect(errorOf(withJson((j) => (j.colour = 'blue'))).field).toBe('colour');
    expect(errorOf(withJson((j) => (j.configId.customer = 123456))).message).toBe(
      'configId.customer: 123456 is above 99999; the customer number runs from 0 to 99999.',
    );
    expect(errorOf(withJson((j) => (j.version = 100))).field).toBe('version');
    expect(errorOf(withJson((j) => (j.history[0].finalizedAt = 'yesterday'))).field).toBe('history[0].finalizedAt');
  });

  it('refuses an all-zero or short Config Security Code', () => {
    const zero = errorOf(withJson((j) => {
      j.configSecurityCode = '0000000000000000';
      j.values[1].hex = '0000000000000000';
    }));
    expect(zero.field).toBe('configSecurityCode');
    expect(errorOf(withJson((j) => (j.configSecurityCode = '0123'))).sentence).toContain('8 bytes');
  });

  it('refuses AdminData or CSC values that disagree with the header', () => {
    const version = errorOf(withJson((j) => (j.version = 2)));
    expect(version.field).toBe('values[7].hex');
    expect(version.sentence).toContain('0620/07');

    const csc = errorOf(withJson((j) => (j.values[1].hex = 'FFFFFFFFFFFFFFFF')));
    expect(csc.field).toBe('values[1].hex');
    expect(csc.message).not.toContain('0123456789ABCDEF');

    const missing = errorOf(withJson((j) => j.values.splice(6, 1)));
    expect(missing.message).toBe('values: 0620/06 (ProjectName) is missing; it must hold "546573746E616D65" from the header.');
  });

  it('refuses a history that is out of order or newer than the document', () => {
    const newer = errorOf(withJson((j) => (j.history[0].version = 5)));
    expect(newer.field).toBe('history[0].version');
    const twice = errorOf(withJson((j) => {
      j.version = 2;
      j.values[7].hex = '02';
      j.history.push({ ...j.history[0] });
    }));
    expect(twice.field).toBe('history[1].version');
  });
});
