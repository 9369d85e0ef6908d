// How readers are called and the port list asked for, for every page.

import type { ReaderDeskApi, ReaderSummary } from '../../../shared/api/contract.ts';
import { appStores } from '../stores/appStores.ts';

/** How a reader is called: the name the user gave it, else its serial number, else its address. */
export function readerLabel(r: Pick<ReaderSummary, 'name' | 'serialNumber' | 'address'>): string {
  return r.name ?? (r.serialNumber ? `SN ${r.serialNumber}` : r.address);
}

/** Asks the host for the port list now (the "Refresh" button; the list also follows hot-plug by itself). */
export async function refreshPorts(api: ReaderDeskApi): Promise<void> {
  appStores.readers.getState().setPorts(await api.listPorts());
}

/**
 * For a reader's entry in a drop-down list, where no badge fits: " — ⚠ No project settings: security
 * risk" for a connected reader without project settings (seed 000: say so wherever a reader is shown).
 */
export function riskSuffix(r: Pick<ReaderSummary, 'projectSettings' | 'state'>, t: (key: string) => string): string {
  return r.projectSettings === false && r.state === 'connected' ? ` — ⚠ ${t('readers.riskBadge')}` : '';
}
