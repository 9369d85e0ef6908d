import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/bytes.ts';
import { BalcfgError } from '../../../shared/config/errors.ts';
import { thrownBy } from '../../helpers/thrownBy.ts';
import { CATALOGUE, describeValue, formatValue, parseTypedValue } from '../../../shared/config/catalogue.ts';

const thrown = (fn: () => unknown) => thrownBy(BalcfgError, fn);

describe('describeValue', () => {
  it('knows the documented values with group, type and secrecy', () => {
    expect(describeValue('0103/03')).toMatchObject({ name: 'InterbyteTimeout', group: 'Protocols', type: 'u16', secret: false, known: true });
    expect(describeValue('0501/07')).toMatchObject({ path: 'Scripts/Events/OnSetTamperAlarm', group: 'Scripts' });
    expect(describeValue('0620/07')).toMatchObject({ group: 'Custom', range: { min: 1, max: 99 } });
    expect(describeValue('0202/82')).toMatchObject({ name: 'ConfigSecurityCode', secret: true, sizes: [8] });
    expect(describeValue('0202/19').labels?.[4]).toBe('Version');
  });

  it('accepts lower-case ids and names members of key lists', () => {
    expect(describeValue('0601/83')).toMatchObject({ id: '0601/83', path: 'Custom/Crypto/Key[3]', secret: true, known: true });
    expect(describeValue('0835/81')).toMatchObject({ path: 'Project/CryptoKey/Entry[5][1]', group: 'Project' });
    expect(describeValue('0202/1a').id).toBe('0202/1A');
  });

  it('describes unknown ids as raw hex in the group of their master key', () => {
    expect(describeValue('0477/10')).toMatchObject({ known: false, group: 'Autoread', type: 'bytes', secret: false });
    expect(describeValue('0477/90').secret).toBe(true);
    expect(thrown(() => describeValue('nonsense')).sentence).toContain('not a key/value id');
  });

  it('lists every entry with a description sentence and each id once', () => {
    const ids = CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('0601/80-FE');
    for (const e of CATALOGUE) {
      expect(e.description).toMatch(/^[A-Z0-9].*\.$/);
      expect(e.secret).toBe(parseInt(e.id.split('/')[1]!.slice(0, 2), 16) >= 0x80);
    }
  });
});

describe('formatValue', () => {
  it('shows typed values', () => {
    expect(formatValue('0103/03', fromHex('0014'))).toBe('20 ms');
    expect(formatValue('0103/03', fromHex('14'))).toBe('20 ms');
    expect(formatValue('0202/00', fromHex('FF'))).toBe('255 s (no time limit (default))');
    expect(formatValue('0620/01', fromHex('000027FA'))).toBe('10234');
    expect(formatValue('0202/19', fromHex('04'))).toBe('Version (4)');
    expect(formatValue('0202/19', fromHex('09'))).toBe('unknown (9)');
    expect(formatValue('0202/20', fromHex('01'))).toBe('True');
    expect(formatValue('0620/06', fromHex('546573746E616D65'))).toBe('"Testname"');
    expect(formatValue('0501/07', fromHex('0A0B'))).toBe('0A 0B');
  });

  it('shows contents of the wrong size as hex with the expected size', () => {
    expect(formatValue('0620/05', fromHex('010203'))).toBe('01 02 03 (expected 2 bytes)');
  });

  it('masks secrets and shows unknown ids as raw hex', () => {
    expect(formatValue('0202/85', fromHex('00112233445566778899'))).toBe('•••• (10 bytes)');
    expect(formatValue('0601/81', fromHex('AA'))).toBe('•••• (1 byte)');
    expect(formatValue('0477/10', fromHex('DEAD'))).toBe('DE AD');
    expect(formatValue('0477/10', new Uint8Array(0))).toBe('(empty)');
  });
});

describe('parseTypedValue', () => {
  it('encodes numbers, labels, flags, text and hex', () => {
    expect(parseTypedValue('0103/03', '20')).toEqual(fromHex('0014'));
    expect(parseTypedValue('0103/03', '0x30')).toEqual(fromHex('0030'));
    expect(parseTypedValue('0620/01', '10234')).toEqual(fromHex('000027FA'));
    expect(parseTypedValue('0202/19', 'greaterversion')).toEqual(fromHex('05'));
    expect(parseTypedValue('0202/19', '3')).toEqual(fromHex('03'));
    expect(parseTypedValue('0202/20', 'True')).toEqual(fromHex('01'));
    expect(parseTypedValue('0620/06', 'Hall')).toEqual(fromHex('48616C6C'));
    expect(parseTypedValue('0477/10', 'de ad')).toEqual(fromHex('DEAD'));
  });

  it('refuses out-of-range and mistyped input with the id as field', () => {
    const range = thrown(() => parseTypedValue('0620/07', '100'));
    expect(range.field).toBe('0620/07');
    expect(range.sentence).toBe('100 is outside 1..99; pick a number in that range.');
    expect(thrown(() => parseTypedValue('0202/19', 'Strict')).sentence).toContain('GreaterVersion');
    expect(thrown(() => parseTypedValue('0202/20', 'maybe')).field).toBe('0202/20');
    expect(thrown(() => parseTypedValue('0501/07', '00'.repeat(129))).sentence).toContain('at most 128');
  });

  it('checks the size of keys and never repeats secret input', () => {
    expect(thrown(() => parseTypedValue('0202/85', '0011')).sentence).toBe('CustomerKey must be 10 or 0 bytes long, not 2.');
    expect(parseTypedValue('0202/85', '')).toEqual(new Uint8Array(0));
    const err = thrown(() => parseTypedValue('0202/85', 'my-secret-key'));
    expect(err.message).not.toContain('my-secret-key');
  });
});
