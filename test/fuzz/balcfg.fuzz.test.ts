// A BALCFG is edited by hand, merged by version control and copied around: whatever a file holds,
// loading it gives the document or a BalcfgError naming the field, never a crash and never the
// content of a secret. Documents the model makes survive serialize and parse unchanged.

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex } from '../../shared/bytes.ts';
import { BalcfgError, parseBalcfg, serializeBalcfg, type Balcfg } from '../../shared/config/balcfg.ts';
import { valuesAtVersion } from '../../shared/config/history.ts';
import {
  bumpVersion,
  createBalcfg,
  deleteValue,
  linkCustomerKey,
  newVersionFrom,
  recordFinalization,
  setIdentity,
  setValue,
} from '../../shared/config/model.ts';
import { BalcfgFileError, loadBalcfg } from '../../electron/host/files/balcfgStore.ts';
import { legacyBalcfgText } from '../helpers/longHistoryBalcfg.ts';
import { tempDir } from '../helpers/processes.ts';
import { mutatedText, runs, thrownBy } from './campaign.ts';

const CSC = '5EC7E75EC7E75EC7';
const SECRETS = [CSC, '00112233445566778899AABBCCDDEEFF', 'C0DE5173C0DE5173C0DE'];

/** Three finalized versions with two secret values, one of them changed between versions. */
function validDocument(): Balcfg {
  const link = { signature: 'A1B2C3D4', kind: 'custom' as const, readerLabel: 'Desk reader', linkedAt: '2025-03-01T10:00:00Z' };
  const finalize = (cfg: Balcfg) =>
    recordFinalization(linkCustomerKey(cfg, link), { finalizedAt: `2025-03-0${cfg.version}T10:00:05Z`, bec2File: `v${cfg.version}.bec2`, sha256: 'ab'.repeat(32), readerLabel: 'Desk reader' });
  let cfg = createBalcfg({ name: 'Fuzz site', customer: 10234, project: 5678, device: 6789 }, () => Uint8Array.from([0x5e, 0xc7, 0xe7, 0x5e, 0xc7, 0xe7, 0x5e, 0xc7]));
  cfg = setValue(cfg, '0103/03', Uint8Array.of(0x00, 0x14));
  cfg = setValue(cfg, '0601/81', Uint8Array.from(Buffer.from(SECRETS[1]!, 'hex')));
  cfg = finalize(cfg);
  cfg = setValue(newVersionFrom(cfg), '0202/85', Uint8Array.from(Buffer.from(SECRETS[2]!, 'hex')));
  cfg = finalize(deleteValue(cfg, '0103/03'));
  return setValue(newVersionFrom(cfg), '0103/04', Uint8Array.of(1));
}

const VALID = validDocument();
const VALID_TEXT = serializeBalcfg(VALID);
const LEGACY_TEXT = legacyBalcfgText(VALID);

function expectNoSecret(err: Error | undefined): void {
  if (!err) return;
  for (const secret of SECRETS) expect(err.message.toUpperCase()).not.toContain(secret);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every place in a JSON value: the container and the key or index that holds a child. */
function places(root: Json): [Json[] | { [k: string]: Json }, string | number][] {
  const out: [Json[] | { [k: string]: Json }, string | number][] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) {
      v.forEach((child, i) => {
        out.push([v, i]);
        walk(child);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push([v, k]);
        walk(v[k]!);
      }
    }
  };
  walk(root);
  return out;
}

const edgeValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(-1, 0, 1, 99, 100, 1e21, 0.5, '', 'FF', '0620/FF', '0620/07', '00'.repeat(129), 'ZZ', [], {}, null, true),
);

/** Structural damage to a document: values replaced, fields dropped or added, list entries copied. */
function mutatedJson(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.constantFrom('replace', 'delete', 'add', 'copy'), fc.nat(), edgeValue, fc.string({ maxLength: 8 }));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    const doc = JSON.parse(text) as Json;
    for (const [kind, at, value, name] of edits) {
      const all = places(doc);
      if (all.length === 0) break;
      const [parent, key] = all[at % all.length]!;
      const list = Array.isArray(parent) ? parent : null;
      const record = list ? null : (parent as { [k: string]: Json });
      if (kind === 'replace') {
        if (list) list[key as number] = value;
        else record![key as string] = value;
      } else if (kind === 'delete') {
        if (list) list.splice(key as number, 1);
        else delete record![key as string];
      } else if (kind === 'add') {
        if (list) list.push(value);
        else record![name] = value;
      } else if (list) {
        list.push(structuredClone(list[key as number]!));
      }
    }
    return JSON.stringify(doc, null, 1);
  });
}

describe('parseBalcfg on what a file may hold', () => {
  it('any text gives a document or a BalcfgError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.json({ maxDepth: 3 })), (text) => {
        thrownBy(() => parseBalcfg(text), BalcfgError);
      }),
      runs(3000),
    );
  });

  it('a valid file damaged in its structure gives a BalcfgError that never shows a secret', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedJson(VALID_TEXT), mutatedJson(LEGACY_TEXT)), (text) => {
        expectNoSecret(thrownBy(() => parseBalcfg(text), BalcfgError));
      }),
      runs(2000),
    );
  });

  it('a valid file damaged byte by byte gives a BalcfgError that never shows a secret', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedText(VALID_TEXT), mutatedText(LEGACY_TEXT)), (text) => {
        expectNoSecret(thrownBy(() => parseBalcfg(text), BalcfgError));
      }),
      runs(2000),
    );
  });
});

describe('loadBalcfg on files', () => {
  const dir = tempDir('rd-fuzz-balcfg-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('any file content gives a document or a BalcfgFileError', async () => {
    const file = path.join(dir, 'fuzz.balcfg');
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedJson(VALID_TEXT), mutatedText(VALID_TEXT), fc.string({ maxLength: 200, unit: 'binary' })), async (text) => {
        fs.writeFileSync(file, text, 'latin1');
        try {
          await loadBalcfg(file);
        } catch (err) {
          if (!(err instanceof BalcfgFileError)) throw err;
          expectNoSecret(err);
        }
      }),
      runs(300),
    );
  });
});

/** One step of editing a document, as the app and the CLI offer them; steps the model refuses are skipped. */
type Step =
  | { kind: 'set'; key: number; value: number; content: Uint8Array }
  | { kind: 'delete'; pick: number }
  | { kind: 'finalize' }
  | { kind: 'bump' }
  | { kind: 'rollback'; pick: number }
  | { kind: 'rename'; name: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0x0100, max: 0x0700 }), value: fc.integer({ min: 0, max: 0xfe }), content: fc.uint8Array({ maxLength: 128 }) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('finalize' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('bump' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('rollback' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('rename' as const), name: fc.stringMatching(/^[A-Za-z0-9][ -~]{0,20}[A-Za-z0-9]$/) }), weight: 1 },
);

function apply(cfg: Balcfg, s: Step, n: number): Balcfg {
  try {
    switch (s.kind) {
      case 'set':
        return setValue(cfg, toHex(Uint8Array.of(s.key >> 8, s.key & 0xff)) + '/' + toHex(Uint8Array.of(s.value)), s.content);
      case 'delete':
        return cfg.values.length ? deleteValue(cfg, cfg.values[s.pick % cfg.values.length]!.id) : cfg;
      case 'finalize': {
        const linked = linkCustomerKey(cfg, { signature: 'A1B2C3D4', kind: 'default', readerLabel: 'R', linkedAt: '2025-01-01T00:00:00Z' });
        return recordFinalization(linked, { finalizedAt: '2025-01-02T00:00:00Z', bec2File: `f${n}.bec2`, sha256: toHex(Uint8Array.of(n & 0xff)).repeat(32), readerLabel: 'R' });
      }
      case 'bump':
        return bumpVersion(cfg);
      case 'rollback':
        return cfg.history.length ? newVersionFrom(cfg, cfg.history[s.pick % cfg.history.length]) : cfg;
      case 'rename':
        return setIdentity(cfg, { name: s.name });
    }
  } catch (err) {
    if (err instanceof BalcfgError) return cfg;
    throw err;
  }
}

describe('documents the model makes', () => {
  it('round-trip: parse(serialize(cfg)) = cfg, and every finalized version replays to what was finalized', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let cfg = createBalcfg({ name: 'Round trip', customer: 1, project: 2, device: 0 });
        const finalized = new Map<number, Balcfg['values']>();
        steps.forEach((s, n) => {
          const before = cfg.history.length;
          cfg = apply(cfg, s, n);
          if (cfg.history.length > before) finalized.set(cfg.version, cfg.values);
        });
        const text = serializeBalcfg(cfg);
        const parsed = parseBalcfg(text);
        expect(parsed).toEqual(cfg);
        expect(serializeBalcfg(parsed)).toBe(text);
        for (const [version, values] of finalized) expect(valuesAtVersion(parsed.history, version)).toEqual(values);
      }),
      runs(300),
    );
  });
});
