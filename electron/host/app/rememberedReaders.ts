// Readers ReaderDesk knows again: the ones connected when it last ran come back after a restart
// (remembered by address, reconnected in the background), and the names the user gave them.

import type { ConnectOptions, ReaderSummary } from '../../../shared/api/contract.ts';
import type { AppContext } from './appContext.ts';
import type { RememberedReader, SettingsStore } from './settings.ts';

/** Names are kept by serial number, which follows the reader to any port; a reader without one is named by its address. */
function nameKey(serialNumber: string | null, address: string): string {
  return serialNumber ?? `address:${address}`;
}

export function readerNameOf(settings: SettingsStore, serialNumber: string | null, address: string): string | null {
  return settings.get().readerNames[nameKey(serialNumber, address)] ?? null;
}

export async function setReaderName(ctx: AppContext, reader: ReaderSummary, name: string): Promise<void> {
  const key = nameKey(reader.serialNumber, reader.address);
  const trimmed = name.trim();
  await ctx.settings.update((s) => {
    const readerNames = { ...s.readerNames };
    if (trimmed) readerNames[key] = trimmed;
    else delete readerNames[key];
    return { readerNames };
  });
}

/** A reader the user connected: it comes back with the next start. */
export async function rememberReader(ctx: AppContext, reader: Pick<ReaderSummary, 'address' | 'virtual'>, options: ConnectOptions): Promise<void> {
  const entry: RememberedReader = { address: reader.address, virtual: reader.virtual };
  if (options.checksum) entry.checksum = options.checksum;
  if (options.baudRate) entry.baudRate = options.baudRate;
  await ctx.settings
    .update((s) => ({ readers: [...s.readers.filter((r) => !sameReader(r, entry)), entry] }))
    .catch(() => undefined);
}

/** A reader the user disconnected: it stays away after a restart. */
export async function forgetReader(ctx: AppContext, reader: ReaderSummary): Promise<void> {
  const entry: RememberedReader = { address: reader.address, virtual: reader.virtual };
  await ctx.settings.update((s) => ({ readers: s.readers.filter((r) => !sameReader(r, entry)) })).catch(() => undefined);
}

function sameReader(a: RememberedReader, b: RememberedReader): boolean {
  return a.virtual && b.virtual ? true : a.address === b.address;
}

/**
 * At start: the first start connects the embedded virtual reader at once, so the first screen shows
 * a reader; later starts bring back the readers connected last time, each in the background.
 */
export function restoreReaders(ctx: AppContext): void {
  const settings = ctx.settings.get();
  if (!settings.started) {
    void ctx.settings.update({ started: true }).catch(() => undefined);
    const sim = ctx.simulatorAddress;
    if (sim && !settings.readers.some((r) => r.virtual)) {
      // Remembered before it answers: quitting at once, or a first connect that fails, must not
      // leave the next start without the reader the first screen showed.
      void rememberReader(ctx, { address: sim, virtual: true }, {});
      void ctx.readers.connect(sim).catch(() => undefined);
    }
  }
  for (const r of settings.readers) {
    const address = r.virtual ? ctx.simulatorAddress : r.address;
    if (!address) continue;
    ctx.readers.restore(address, { checksum: r.checksum, baudRate: r.baudRate });
  }
}
