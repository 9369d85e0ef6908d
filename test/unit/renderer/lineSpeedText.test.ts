import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import * as deploy from '../../../renderer/src/i18n/features/deploy.ts';
import * as deployDe from '../../../renderer/src/i18n/features/deploy.de.ts';
import { lineSpeedText } from '../../../renderer/src/lib/lineSpeed.ts';
import { lineSpeedSentence, type LineSpeedReport } from '../../../shared/brp/lineSpeed.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: { deploy: deploy.en } }, de: { translation: { deploy: deployDe.de } } }, lng: 'en', interpolation: { escapeValue: false } });
});
const text = (r: LineSpeedReport, lng: 'en' | 'de') => lineSpeedText(r, i18n.getFixedT(lng) as (key: string, opts?: Record<string, unknown>) => string, lng);

const REPORTS: LineSpeedReport[] = [
  { from: 115200, rate: 921600, maxBaud: 921600, outcome: 'raised', failed: [] },
  { from: 115200, rate: 500000, maxBaud: 921600, outcome: 'raised', failed: [{ baud: 921600, where: 'line' }, { baud: 576000, where: 'line' }] },
  { from: 115200, rate: 500000, maxBaud: 921600, outcome: 'raised', failed: [{ baud: 921600, where: 'transfer' }, { baud: 576000, where: 'port' }] },
  { from: 115200, rate: 115200, maxBaud: 115200, outcome: 'kept', keptBecause: 'at-maximum', failed: [] },
  { from: 115200, rate: 115200, maxBaud: 921600, outcome: 'kept', keptBecause: 'reader-refused', failed: [] },
  { from: 115200, rate: 115200, maxBaud: 921600, outcome: 'kept', keptBecause: 'none-worked', failed: [{ baud: 921600, where: 'line' }, { baud: 576000, where: 'line' }, { baud: 500000, where: 'line' }] },
  { from: 115200, rate: 921600, maxBaud: 921600, outcome: 'lost', failed: [{ baud: 921600, where: 'transfer' }] },
];

describe('the line speed in the UI', () => {
  it('says in English exactly what the CLI says', () => {
    for (const r of REPORTS) expect(text(r, 'en')).toBe(lineSpeedSentence(r));
  });

  it('says it in German, with the rates as plain digits', () => {
    expect(text(REPORTS[1]!, 'de')).toBe('auf 500000 Baud erhöht (921600 und 576000 ging auf dieser Leitung nicht)');
    expect(text(REPORTS[3]!, 'de')).toBe('bei 115200 Baud geblieben (die Höchstrate für diesen Port ist 115200)');
  });
});
