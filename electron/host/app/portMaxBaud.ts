// The fastest rate each serial port is raised to for uploads and read-backs (Sys.SetCommParam): a
// setting per port, kept with the app's settings. The embedded virtual reader's address may change
// from run to run, so its setting is kept under "virtual".

import { canonicalReaderAddress } from '../../../shared/brp/tcpAddress.ts';
import type { AppContext } from './appContext.ts';
import type { SettingsStore } from './settings.ts';

function keyOf(address: string, simulatorAddress: string | null): string {
  const a = canonicalReaderAddress(address);
  return simulatorAddress !== null && a === canonicalReaderAddress(simulatorAddress) ? 'virtual' : a;
}

/** The maximum the user set for this port; undefined when none is set (921600 then). */
export function portMaxBaudOf(settings: SettingsStore, simulatorAddress: string | null, address: string): number | undefined {
  return settings.get().portMaxBaud[keyOf(address, simulatorAddress)];
}

export async function setPortMaxBaud(ctx: AppContext, address: string, maxBaud: number): Promise<void> {
  const key = keyOf(address, ctx.simulatorAddress);
  await ctx.settings.update((s) => ({ portMaxBaud: { ...s.portMaxBaud, [key]: maxBaud } }));
}
