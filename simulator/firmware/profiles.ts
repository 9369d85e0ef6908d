// Firmware profiles of the virtual reader. A real fleet mixes firmware generations; a profile says
// which commands this firmware knows (the rest get ErrInvalidCmd 0x41, as a real reader answers a
// command it lacks) and what Sys.GetFeatures reports. docs/simulator.md, "Firmware profiles".

import { FEATURE_ID } from '../../shared/brp/features.ts';
import * as AR from '../../shared/brp/commands/ar.ts';
import * as Main from '../../shared/brp/commands/main.ts';
import * as Sys from '../../shared/brp/commands/sys.ts';
import type { FeatureList } from '../../shared/brp/commands/sys.ts';

export type FirmwareProfileName = 'current' | 'legacy';
export const FIRMWARE_PROFILES: readonly FirmwareProfileName[] = ['current', 'legacy'];
export const DEFAULT_PROFILE: FirmwareProfileName = 'current';

export interface FirmwareProfile {
  name: FirmwareProfileName;
  /** Sys.GetInfo of a factory-fresh reader of this profile (the serial number is added per reader). */
  firmware: string;
  /** Command codes this firmware does not know. */
  lacks: ReadonlySet<number>;
  /** What Sys.GetFeatures answers; only features the virtual reader really implements. */
  features: FeatureList;
}

const CURRENT: FirmwareProfile = {
  name: 'current',
  firmware: '1100 VirtRead  2.05.00 11/23/26',
  lacks: new Set(),
  features: {
    featureIds: [FEATURE_ID.Tamper, FEATURE_ID.Bec2Upload],
    // The highest id of the SDK's table: every id up to it that is not listed is really absent.
    maxFeatureId: FEATURE_ID.BlePeripheral,
  },
};

/**
 * Firmware from before 2.00: no Sys.GetFeatures, no Sys.CfgGetValueList, no Sys.FactoryReset
 * (only the legacy command plus Sys.Reset), no BEC2 upload and no AR.GetMessage.
 */
const LEGACY: FirmwareProfile = {
  name: 'legacy',
  firmware: '1100 VirtRead  1.14.00 12/18/19',
  lacks: new Set([
    Sys.SysGetFeatures.code,
    Sys.SysCfgGetValueList.code,
    Sys.SysFactoryReset.code,
    Main.MainBf3UploadStart.code,
    Main.MainBf3UploadContinue.code,
    AR.ARGetMessage.code,
  ]),
  features: CURRENT.features,
};

export const PROFILES: Readonly<Record<FirmwareProfileName, FirmwareProfile>> = { current: CURRENT, legacy: LEGACY };

/** The profile of a --profile argument, or an error sentence that lists the choices. */
export function parseProfileName(text: string): FirmwareProfileName {
  if ((FIRMWARE_PROFILES as readonly string[]).includes(text)) return text as FirmwareProfileName;
  throw new Error(`--profile takes ${FIRMWARE_PROFILES.join(' or ')} (got "${text}")`);
}
