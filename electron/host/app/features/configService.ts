import fs from 'node:fs';
import path from 'node:path';
import type { ConfigApi, ConfigDocument, ConfigFinalizeResult, ReaderDiff } from '../../../../shared/api/features/config.ts';
import { BalcfgError, parseBalcfg, type Balcfg, type ConfigIdentity } from '../../../../shared/config/balcfg.ts';
import { createBalcfg, newVersionFrom, bumpVersion } from '../../../../shared/config/model.ts';
import { describeValue } from '../../../../shared/config/catalogue.ts';
import { diffValues, type DiffEntry, type ValueDiff } from '../../../../shared/config/diff.ts';
import { HostError, hostText, reasonOf } from '../../../../shared/errors/hostError.ts';
import type { HostText } from '../../../../shared/errors/hostText.ts';
import { activityDetails } from '../activity.ts';
import { loadBalcfg, saveBalcfg } from '../../files/balcfgStore.ts';
import { resolveUserPath } from '../../files/userPath.ts';
import { finalizeOnReader } from '../../lifecycle/finalize.ts';
import { readBackAtSpeed } from '../../lifecycle/readBackAtSpeed.ts';
import type { AppContext } from '../appContext.ts';

/** Model errors name a field; the sentence is what a person reads. Other failures keep their own text. */
function explain(err: unknown): unknown {
  if (err instanceof BalcfgError) return new HostError('config.model', { detail: err.problem }, { cause: err });
  return err;
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw explain(err);
  }
}

/** A document that came over the wire is checked exactly like a file on disk. */
function checkDocument(x: unknown): Balcfg {
  try {
    return parseBalcfg(JSON.stringify(x));
  } catch (err) {
    if (err instanceof BalcfgError) {
      throw new HostError('config.invalid', { detail: err.fieldText }, { cause: err });
    }
    throw err;
  }
}

function presenceOnly(entry: DiffEntry, where: 'added' | 'removed' | 'changed'): DiffEntry {
  if (!entry.secret) return entry;
  const summary =
    where === 'added' ? 'on the reader only (secret: present, never readable)'
    : where === 'removed' ? 'in the file only (secret: not on the reader)'
    : 'changed (secret)';
  return { id: entry.id, name: entry.name, secret: true, summary };
}

export function createConfigService(ctx: AppContext): ConfigApi {
  const remember = (p: string) => ctx.settings.addRecentFile(p).catch(() => undefined);

  return {
    configNew: (file: string, identity: ConfigIdentity) =>
      guard(async (): Promise<ConfigDocument> => {
        const abs = resolveUserPath(file);
        if (fs.existsSync(abs)) {
          if (fs.statSync(abs).isDirectory()) throw new HostError('config.is-folder', { file: abs, example: path.join(abs, 'site.balcfg') });
          throw new HostError('config.exists', { file: abs });
        }
        ctx.files.forWrite(abs);
        const balcfg = createBalcfg(identity);
        await saveBalcfg(abs, balcfg);
        ctx.files.written(abs, 'balcfg');
        await remember(abs);
        return { path: abs, balcfg };
      }),

    configOpen: (file: string) =>
      guard(async (): Promise<ConfigDocument> => {
        const abs = ctx.files.forRead(file, 'balcfg');
        const balcfg = await loadBalcfg(abs);
        await remember(abs);
        return { path: abs, balcfg };
      }),

    configSave: (file: string, doc: Balcfg) =>
      guard(async (): Promise<ConfigDocument> => {
        const abs = ctx.files.forWrite(file);
        const balcfg = checkDocument(doc);
        await saveBalcfg(abs, balcfg);
        ctx.files.written(abs, 'balcfg');
        await remember(abs);
        return { path: abs, balcfg };
      }),

    recentFiles: async () => ctx.settings.recentFiles('balcfg'),

    configBump: (file: string) =>
      guard(async (): Promise<ConfigDocument> => {
        const abs = ctx.files.forWrite(file);
        const balcfg = bumpVersion(await loadBalcfg(abs));
        await saveBalcfg(abs, balcfg);
        return { path: abs, balcfg };
      }),

    configNewVersionFrom: (file: string, version: number) =>
      guard(async (): Promise<ConfigDocument> => {
        const abs = ctx.files.forWrite(file);
        const cfg = await loadBalcfg(abs);
        const from = cfg.history.find((h) => h.version === version);
        if (!from) throw new HostError('config.no-such-version', { version: String(version) });
        const balcfg = newVersionFrom(cfg, from);
        await saveBalcfg(abs, balcfg);
        return { path: abs, balcfg };
      }),

    configFinalize: (file: string, readerId: string, outPath: string) =>
      guard(async (): Promise<ConfigFinalizeResult> => {
        const abs = ctx.files.forWrite(file);
        const out = resolveUserPath(outPath);
        if (out === abs) throw new HostError('config.output-is-balcfg', {});
        if (fs.existsSync(out)) {
          throw new HostError('config.output-exists', { file: out });
        }
        ctx.files.forWrite(out);
        const summary = ctx.readers.list().find((r) => r.id === readerId);
        if (!summary || summary.state !== 'connected') {
          throw new HostError('reader.not-connected', {});
        }
        const session = ctx.readers.session(readerId);
        const cfg = await loadBalcfg(abs);
        const logFinalize = (ok: boolean, details: HostText, reason: string | null) =>
          ctx.activity.emit({ kind: 'finalize', readerId, address: summary.address, time: Date.now(), ok, ...activityDetails(details), reason });
        let result;
        try {
          result = await ctx.jobs.run('finalize', [summary.address], () => finalizeOnReader(session, cfg, { outPath: out, readerLabel: summary.address }));
        } catch (err) {
          const reason = err instanceof BalcfgError ? err.fieldText : reasonOf(err);
          logFinalize(false, hostText('activity.finalize-failed', { file: path.basename(abs), version: String(cfg.version), reason }), (err as Error).message);
          throw err;
        }
        logFinalize(
          true,
          hostText('activity.finalized', {
            file: path.basename(abs),
            version: String(cfg.version),
            configId: result.configId,
            bec2: path.basename(result.bec2Path),
            sha: result.sha256.slice(0, 16),
          }),
          null,
        );
        // The BEC2 is written first; if saving failed, finalizing again is refused rather than lost.
        await saveBalcfg(abs, result.balcfg);
        await remember(abs);
        ctx.files.written(result.bec2Path, 'bec2');
        await ctx.settings.addRecentFile(result.bec2Path, 'bec2').catch(() => undefined);
        // Finalizing taught the host the reader's customer key: show it on the reader's card.
        await ctx.readers.refresh(readerId).catch(() => undefined);
        return {
          document: { path: abs, balcfg: result.balcfg },
          bec2Path: result.bec2Path,
          sha256: result.sha256,
          configId: result.configId,
          customerKeyKind: result.customerKey.kind,
        };
      }),

    configDiffWithReader: (source: string | Balcfg, readerId: string) =>
      guard(async (): Promise<ReaderDiff> => {
        const cfg = typeof source === 'string' ? await loadBalcfg(ctx.files.forRead(source, 'balcfg')) : checkDocument(source);
        const summary = ctx.readers.list().find((r) => r.id === readerId);
        if (!summary || summary.state !== 'connected') {
          throw new HostError('reader.not-connected', {});
        }
        const { values: fromReader, valueList } = await readBackAtSpeed(ctx.readers.session(readerId), ctx.readers.maxBaudFor(summary.address));
        // The reader never returns secrets: compare them by presence only, and not at all where the
        // firmware cannot list values (it cannot say whether it holds them).
        const hidden = new Set(fromReader.filter((v) => v.secret || v.hex === null).map((v) => v.id));
        const isHidden = (id: string) => hidden.has(id) || describeValue(id).secret;
        const comparable = valueList === 'complete' ? cfg.values : cfg.values.filter((v) => !describeValue(v.id).secret);
        const fileSide = comparable.map((v) => ({ id: v.id, hex: isHidden(v.id) ? '' : v.hex }));
        const readerSide = fromReader.map((v) => ({ id: v.id, hex: isHidden(v.id) ? '' : (v.hex ?? '') }));
        const raw = diffValues(fileSide, readerSide);
        const diff: ValueDiff = {
          added: raw.added.map((e) => presenceOnly(e, 'added')),
          removed: raw.removed.map((e) => presenceOnly(e, 'removed')),
          changed: raw.changed,
        };
        return { readerAddress: summary.address, diff };
      }),
  };
}
