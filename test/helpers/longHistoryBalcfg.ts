// A BALCFG as a long-lived project makes it: thousands of values and a finalization per version,
// each version changing a few values, adding one and dropping one. Built with the real model
// operations, so the history is exactly what ReaderDesk would record. Used by the history tests and
// by `npm run bench`.

import { toHex } from '../../shared/bytes.ts';
import { BALCFG_FORMAT_VERSION, LEGACY_FORMAT_VERSION, serializeBalcfg, type Balcfg, type BalcfgValue } from '../../shared/config/balcfg.ts';
import { withAdminValues } from '../../shared/config/adminValues.ts';
import { valuesAtVersion } from '../../shared/config/history.ts';
import { createBalcfg, deleteValue, linkCustomerKey, newVersionFrom, recordFinalization, setValue } from '../../shared/config/model.ts';
import { formatValueId } from '../../shared/config/valueId.ts';

export interface LongHistory {
  /** The document after the last finalization. */
  readonly cfg: Balcfg;
  /** The document after the second-to-last finalization (it can still make a new version). */
  readonly previous: Balcfg;
  /** The values of each finalized version as the model held them, oldest first. */
  readonly finalized: readonly (readonly BalcfgValue[])[];
}

/** Deterministic content: 1 to 8 bytes, so lines vary in length as real values do. */
function content(seed: number): Uint8Array {
  let x = (seed * 2654435761) >>> 0;
  return Uint8Array.from({ length: 1 + (seed % 8) }, () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x >>> 24;
  });
}

/** Value ids spread over many keys; 200 per key keeps clear of the reserved FF. */
function userId(n: number): string {
  return formatValueId(0x1000 + Math.floor(n / 200), n % 200);
}

/**
 * `userValues` values of one's own plus the derived AdminData/CSC values (5 with device 0), finalized
 * `versions` times (at most 99, the last version a reader stores).
 */
export function balcfgWithLongHistory(userValues: number, versions: number): LongHistory {
  let cfg = createBalcfg({ name: 'Long history', customer: 10234, project: 5678, device: 0 }, () => Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
  const values: BalcfgValue[] = Array.from({ length: userValues }, (_, n) => ({ id: userId(n), hex: toHex(content(n)) }));
  cfg = { ...cfg, values: withAdminValues(values, cfg.configId, 1, cfg.configSecurityCode) };
  cfg = linkCustomerKey(cfg, { signature: 'A1B2C3D4', kind: 'custom', readerLabel: 'Desk reader', linkedAt: '2025-03-01T10:00:00Z' });

  const finalized: BalcfgValue[][] = [];
  let previous = cfg;
  // Own values live at ids oldest..oldest+userValues-1; each version drops the oldest and adds one.
  let oldest = 0;
  for (let version = 1; version <= versions; version++) {
    if (version > 1) {
      previous = cfg;
      cfg = newVersionFrom(cfg);
      cfg = deleteValue(cfg, userId(oldest));
      oldest++;
      for (let k = 0; k < 3; k++) cfg = setValue(cfg, userId(oldest + ((version * 37 + k * 1009) % (userValues - 1))), content(version * 3 + k));
      cfg = setValue(cfg, userId(oldest + userValues - 1), content(version));
    }
    cfg = recordFinalization(cfg, {
      finalizedAt: new Date(Date.UTC(2025, 0, 1) + version * 86_400_000).toISOString(),
      bec2File: `long-history-v${String(version).padStart(2, '0')}.bec2`,
      sha256: toHex(content(version * 7919)).toLowerCase().padEnd(64, '0'),
      readerLabel: 'Desk reader',
    });
    finalized.push([...cfg.values]);
  }
  return { cfg, previous: versions > 1 ? previous : cfg, finalized };
}

/**
 * The same document as ReaderDesk wrote it before change sets: format 1, the full values of every
 * finalized version, one value per line as the old writer laid them out.
 */
export function legacyBalcfgText(cfg: Balcfg): string {
  const q = JSON.stringify;
  const entries = cfg.history.map(({ changes: _changes, ...entry }) => {
    const head = Object.entries(entry).map(([k, v]) => `      ${q(k)}: ${q(v)}`);
    const values = valuesAtVersion(cfg.history, entry.version).map((v) => `        { "id": ${q(v.id)}, "hex": ${q(v.hex)} }`);
    return `    {\n${[...head, `      "values": [\n${values.join(',\n')}\n      ]`].join(',\n')}\n    }`;
  });
  return serializeBalcfg({ ...cfg, history: [] })
    .replace(`"formatVersion": ${BALCFG_FORMAT_VERSION}`, `"formatVersion": ${LEGACY_FORMAT_VERSION}`)
    .replace('"history": []', `"history": [\n${entries.join(',\n')}\n  ]`);
}
