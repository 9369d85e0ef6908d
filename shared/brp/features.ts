// Feature ids of Sys.GetFeatures, as BALTECH's SDK names them (baltech_api FeatureID). A reader
// lists the features it supports; ids above its MaxFeatureID are unknown to that firmware, so
// nothing may be concluded about them.

export const FEATURE_ID = {
  GreenLed: 1,
  RedLed: 2,
  Beeper: 3,
  Relay: 4,
  MHz13: 5,
  Khz125: 6,
  Iso14443A: 7,
  Iso14443AUidOnly: 8,
  Iso14443B: 9,
  Iso14443BUidOnly: 10,
  Iso15693: 11,
  Iso15693UidOnly: 12,
  Felica: 13,
  FelicaUidOnly: 14,
  Legic: 15,
  Sam: 16,
  SamAv2: 17,
  SamHid: 18,
  Picopass: 19,
  MifareClassic: 35,
  MifarePlusEv0: 36,
  MifareDESFireEv1: 37,
  Srix: 38,
  Jewel: 39,
  ISO14443L4: 40,
  InterIndustry: 41,
  EM4205: 42,
  EM4100: 43,
  EM4450: 44,
  FarpointePyramid: 45,
  HidProx32: 46,
  HidAwid: 47,
  HidProx: 48,
  HidIoProx: 49,
  Indala: 50,
  Keri: 51,
  IndalaSecure: 52,
  Quadrakey: 53,
  SecuraKey: 54,
  GProx: 55,
  Hitag1S: 56,
  Hitag2M: 57,
  Hitag2B: 58,
  BlueLed: 59,
  Cotag: 60,
  PicopassUidOnly: 61,
  IdTeck: 62,
  Tamper: 63,
  MaxHfBaudrate106kbps: 64,
  MaxHfBaudrate212kbps: 65,
  MaxHfBaudrate424kbps: 66,
  FirmwareLoader: 67,
  FwUploadViaBrpOverSer: 68,
  AesHostProtocolEncryption: 69,
  PkiHostProtocolEncryption: 70,
  HidIClass: 71,
  HidIClassSr: 72,
  HidIClassSeAndSeos: 73,
  MifareUltralight: 74,
  CardEmulationISO14443L4: 75,
  MifareDESFireEv2: 76,
  MifarePlusEv1: 77,
  SamAv3: 78,
  OsdpV217: 79,
  Bluetooth: 80,
  RgbLed: 81,
  RgbLedLimited: 82,
  Bec2Upload: 83,
  MifareDESFireEv3: 84,
  MobileId: 85,
  MobileCardEmulation: 86,
  BleHci: 87,
  BlePeripheral: 88,
} as const;

export type FeatureName = keyof typeof FEATURE_ID;

const NAME_OF: ReadonlyMap<number, string> = new Map(Object.entries(FEATURE_ID).map(([name, id]) => [id, name]));

/** 'Bec2Upload', or 'Feature 200' for an id the SDK table does not name. */
export function featureName(id: number): string {
  return NAME_OF.get(id) ?? `Feature ${id}`;
}

/** What Sys.GetFeatures says, with names; what a host keeps with the reader. */
export interface ReaderFeatures {
  features: { id: number; name: string }[];
  /** The highest feature id this firmware knows; it says nothing about higher ids. */
  maxFeatureId: number;
}

export function namedFeatures(ids: readonly number[], maxFeatureId: number): ReaderFeatures {
  return { features: ids.map((id) => ({ id, name: featureName(id) })), maxFeatureId };
}

/**
 * Whether a reader supports a feature: true or false when its list can tell, null when it cannot
 * (no list, or the id is above the firmware's MaxFeatureID).
 */
export function hasFeature(f: ReaderFeatures | null, id: number): boolean | null {
  if (!f) return null;
  if (f.features.some((x) => x.id === id)) return true;
  return id <= f.maxFeatureId ? false : null;
}
