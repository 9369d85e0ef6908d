// The configuration a factory-fresh virtual reader holds, and what a factory reset restores
// (brp.md 5.12: factory settings differ by reader type). The virtual reader ships with a VHL file for
// the wireless-memory tag, so the tag works out of the box; a deployed configuration replaces it
// like any other value (docs/simulator.md, "Factory settings").

import { asciiBytes, toHex } from '../../shared/bytes.ts';
import { VHL_CFG_FILENAME_VALUE, VHL_CFG_FILE_KEY_FIRST, WIRELESS_MEMORY_VHL_FILE } from '../../shared/brp/commands/vhl.ts';
import { formatValueId } from '../../shared/config/valueId.ts';

/** VHL file id of the factory VHL file (VhlCfg SubKey 0x0301). */
export const FACTORY_VHL_FILE_ID = 0x01;

export function factorySettings(): Record<string, string> {
  return {
    [formatValueId(VHL_CFG_FILE_KEY_FIRST + FACTORY_VHL_FILE_ID, VHL_CFG_FILENAME_VALUE)]: toHex(asciiBytes(WIRELESS_MEMORY_VHL_FILE)),
  };
}
