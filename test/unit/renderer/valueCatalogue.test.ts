import { describe, expect, it } from 'vitest';
import { CATALOGUE, describeValue, formatValue, ENGLISH_VALUE_WORDS } from '../../../shared/config/catalogue.ts';
import { addLanguagePack } from '../../../renderer/src/i18n/languages.ts';
import { GERMAN } from '../../../renderer/src/i18n/german.ts';
import { catalogueText, valueWords } from '../../../renderer/src/lib/valueWords.ts';

addLanguagePack('de', GERMAN);

/** i18next's t for the German shell.value.* words (plural by count), enough for valueWords. */
function germanT(key: string, o: Record<string, unknown> = {}): string {
  const words = GERMAN.translation.shell.value as Record<string, string>;
  const name = key.replace('shell.value.', '');
  const template = words[typeof o.count === 'number' ? `${name}_${o.count === 1 ? 'one' : 'other'}` : name] ?? words[name]!;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(o[k]));
}

describe('the value catalogue in German', () => {
  it('has German for every description and every special meaning, and leaves English as it is', () => {
    const texts = [...CATALOGUE.flatMap((d) => [d.description, ...Object.values(d.special ?? {})]), describeValue('0999/10').description];
    const missing = texts.filter((english) => catalogueText(english, 'de') === english);
    expect(missing).toEqual([]);
    for (const english of texts) expect(catalogueText(english, 'en')).toBe(english);
    expect(catalogueText(describeValue('0202/03').description, 'de')).toBe(
      'Device/Run-Wert EnabledProtocols; der Auszug aus der Referenz nennt kein Format, daher wird er als rohe Bytes bearbeitet.',
    );
  });

  it('words a value\'s display text in German', () => {
    const de = valueWords(germanT, 'de');
    expect(formatValue('0202/82', new Uint8Array(8), de)).toBe('•••• (8 Bytes)');
    expect(formatValue('0202/17', Uint8Array.of(0), de)).toBe('0 × 0.1 s (verfällt nie)');
    expect(formatValue('0103/03', Uint8Array.of(1, 2, 3), de)).toBe('01 02 03 (erwartet 2 oder 1 Bytes)');
    expect(formatValue('0202/82', new Uint8Array(8))).toBe('•••• (8 bytes)');
    expect(formatValue('0202/17', Uint8Array.of(0), ENGLISH_VALUE_WORDS)).toBe('0 × 0.1 s (never expires)');
    expect(formatValue('0103/03', Uint8Array.of(1, 2, 3))).toBe('01 02 03 (expected 2 or 1 bytes)');
  });
});
