// The known configuration values, transcribed from the BALTECH configuration reference as digested
// in spec/brp.md (sections 2.1, 4.21, 5.1-5.10) and the reference's Device/Run index. Where the
// reference gives no format, the value is typed 'bytes' rather than guessed.

export type ValueGroup =
  | 'Protocols'
  | 'Device'
  | 'VhlCfg'
  | 'Autoread'
  | 'Scripts'
  | 'Custom'
  | 'Registers'
  | 'Project'
  | 'ProjectRegisters'
  | 'Unknown';

export type ValueType = 'u8' | 'u16' | 'u32' | 'bool' | 'enum' | 'ascii' | 'bytes';

export interface ValueSpec {
  readonly name: string;
  /** Reference path, e.g. "Device/Run/ConfigSecurityCode"; groups and search use it. */
  readonly path: string;
  readonly type: ValueType;
  readonly description: string;
  /** Allowed numeric range for u8/u16/u32. */
  readonly range?: { readonly min: number; readonly max: number };
  /** Allowed content lengths in bytes; the first is what typed input is encoded to. */
  readonly sizes?: readonly number[];
  /** Enumeration labels (type 'enum', one byte). */
  readonly labels?: Readonly<Record<number, string>>;
  /** Numbers with a special meaning, shown next to the number. */
  readonly special?: Readonly<Record<number, string>>;
  readonly unit?: string;
  readonly deprecated?: boolean;
}

/** One value. */
export interface FixedSpec extends ValueSpec {
  readonly key: number;
  readonly value: number;
}

/** A list of values that share one meaning, e.g. the key slots 0601/80-FE. */
export interface RangeSpec extends ValueSpec {
  readonly keys: readonly [number, number];
  readonly values: readonly [number, number];
  /** Name of one member, e.g. "Key[3]" for 0601/83. */
  readonly memberName: (key: number, value: number) => string;
}

export const MASTER_KEY_GROUPS: Readonly<Record<number, ValueGroup>> = {
  0x01: 'Protocols',
  0x02: 'Device',
  0x03: 'VhlCfg',
  0x04: 'Autoread',
  0x05: 'Scripts',
  0x06: 'Custom',
  0x07: 'Registers',
  0x08: 'Project',
  0x09: 'ProjectRegisters',
};

const AUTH_REQ_LABELS = {
  0x00: 'Default',
  0x01: 'None',
  0x02: 'CustomerKey',
  0x03: 'ConfigSecurityCode',
  0x04: 'Version',
  0x05: 'GreaterVersion',
} as const;

function fixed(key: number, value: number, path: string, type: ValueType, description: string, extra: Partial<ValueSpec> = {}): FixedSpec {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return { key, value, name, path, type, description, ...extra };
}

/** For values whose name the reference lists without a documented format. */
function runValue(value: number, name: string, key = 0x0202): FixedSpec {
  return fixed(key, value, `Device/Run/${name}`, 'bytes', `Device/Run value ${name}; the reference digest gives no format, so it is edited as raw bytes.`);
}

export const FIXED_VALUES: readonly FixedSpec[] = [
  // Protocols
  fixed(0x0103, 0x03, 'Protocols/BrpSerial/InterbyteTimeout', 'u16',
    'Longest gap between two bytes of a serial BRP frame before the reader drops it (default 20 ms); older firmware stores it in 8 bits.',
    { sizes: [2, 1], range: { min: 0, max: 0xffff }, unit: 'ms' }),

  // Device/Run
  fixed(0x0202, 0x00, 'Device/Run/ConfigCardAcceptTime', 'u8',
    'How long after power-up the reader accepts ConfigCards in Autoread mode.',
    { range: { min: 0, max: 255 }, unit: 's', special: { 0: 'ConfigCards refused', 255: 'no time limit (default)' } }),
  runValue(0x03, 'EnabledProtocols'),
  runValue(0x04, 'AutoreadPulseHf'),
  runValue(0x07, 'RepeatMessageDelay'),
  fixed(0x0202, 0x08, 'Device/Run/DeviceName', 'ascii',
    'Former place of the device settings name; 0620/03 replaces it.', { deprecated: true }),
  fixed(0x0202, 0x09, 'Device/Run/ProjectName', 'ascii',
    'Former place of the project name; ReaderDesk keeps the name in 0620/06.'),
  fixed(0x0202, 0x0b, 'Device/Run/DebugInterfaceSecurityLevel', 'bytes',
    'Security level of the debug interface; deprecated by BALTECH.', { deprecated: true }),
  runValue(0x0c, 'RepeatMessageMode'),
  runValue(0x0e, 'RestrictFirmwareRelease'),
  runValue(0x10, 'BusAdressByBAC', 0x0282),
  runValue(0x11, 'EnableProtocolOnBAC'),
  fixed(0x0202, 0x12, 'Device/Run/AccessRightsOfBAC', 'bytes',
    'Whether an AdrCard may change the bus address; the default allows it only while the tamper switch is open.'),
  fixed(0x0202, 0x14, 'Device/Run/FirmwareVersionBlacklist', 'bytes',
    'Firmware versions the reader refuses to load.'),
  runValue(0x15, 'DefaultBusAdrForBAC'),
  runValue(0x16, 'CardReadFailureLogging'),
  fixed(0x0202, 0x17, 'Device/Run/MessageExpireTimeout', 'u8',
    'How long a message such as a card read waits for the host to fetch it, in tenths of a second; prevents ghost reads.',
    { range: { min: 0, max: 255 }, unit: '× 0.1 s', special: { 0: 'never expires' } }),
  runValue(0x18, 'AutoreadPollTime'),
  fixed(0x0202, 0x19, 'Device/Run/AuthReqUploadViaBrp', 'enum',
    'What a BEC, BEC2 or BF3 file uploaded over BRP must prove before the reader accepts it.',
    { labels: AUTH_REQ_LABELS }),
  fixed(0x0202, 0x1a, 'Device/Run/AuthReqUploadViaIso14443', 'enum',
    'What a configuration uploaded over NFC must prove before the reader accepts it.',
    { labels: AUTH_REQ_LABELS }),
  runValue(0x1b, 'AutoreadWaitForCardRemoval'),
  runValue(0x1c, 'UsbVendorId'),
  runValue(0x1d, 'UsbProductId'),
  fixed(0x0202, 0x1e, 'Device/Run/DenyUploadViaIso14443', 'bool',
    'Refuses configuration and firmware uploads over NFC.'),
  fixed(0x0202, 0x1f, 'Device/Run/DenyReaderInfoViaIso14443', 'bool',
    'Refuses to report reader information over NFC.'),
  fixed(0x0202, 0x20, 'Device/Run/DenyUnauthFwUploadViaBrp', 'bool',
    'Once a Config Security Code exists, refuses plain BF2/BF3 firmware uploads; firmware then only arrives inside a BEC2 or after a factory reset.'),
  runValue(0x21, 'SetBusAdrOnUploadViaIso14443'),
  runValue(0x22, 'MaintenanceFunctionFilter'),
  runValue(0x40, 'FirstVhlRc500Key'),
  runValue(0x48, 'UsbSuspendMode'),
  fixed(0x0202, 0x81, 'Device/Run/ConfigCardMifareKey', 'bytes',
    'Key for MIFARE Classic ConfigCards; an empty value stops reconfiguration by such cards. Restored from its backup when deleted.'),
  fixed(0x0202, 0x82, 'Device/Run/ConfigSecurityCode', 'bytes',
    'Identity of the project settings: a reader holding it accepts only new versions of the same configuration. Removed by a factory reset.',
    { sizes: [8] }),
  fixed(0x0202, 0x85, 'Device/Run/CustomerKey', 'bytes',
    'Customer key that seals configuration files and ConfigCards; factory-loaded and restored from its backup when deleted. Empty disables the extra encryption.',
    { sizes: [10, 0] }),
  fixed(0x0202, 0x8a, 'Device/Run/AltConfigSecurityCode', 'bytes',
    'Alternative Config Security Code also accepted from ConfigCards; deprecated by BALTECH.', { deprecated: true }),

  // Scripts/Events
  fixed(0x0501, 0x07, 'Scripts/Events/OnSetTamperAlarm', 'bytes',
    'Script run when the tamper alarm goes on; without it the reader sends an AlarmOn message to the host.'),
  fixed(0x0501, 0x27, 'Scripts/Events/OnClearTamperAlarm', 'bytes',
    'Script run when the tamper alarm clears; without it the reader sends an AlarmOff message to the host.'),
  fixed(0x0501, 0x70, 'Scripts/Events/OnConfigCardSucceeded', 'bytes',
    'Script run after a ConfigCard reconfigured the reader; without it the reader beeps and lights the green LED.'),

  // Custom/AdminData
  fixed(0x0620, 0x01, 'Custom/AdminData/CustomerNo', 'u32',
    'Customer number, the first block of the ConfigId; 5xxxx for configurations made by BALTECH customers.',
    { range: { min: 0, max: 99999 } }),
  fixed(0x0620, 0x02, 'Custom/AdminData/DeviceSettingsNo', 'u16',
    'Device settings number, the third block of the ConfigId; 0 means the configuration has no device settings.',
    { range: { min: 0, max: 9999 } }),
  fixed(0x0620, 0x03, 'Custom/AdminData/DeviceSettingsName', 'ascii', 'Name of the device settings.'),
  fixed(0x0620, 0x04, 'Custom/AdminData/DeviceSettingsVersion', 'u8',
    'Version of the device settings, raised on every change.', { range: { min: 1, max: 99 } }),
  fixed(0x0620, 0x05, 'Custom/AdminData/ProjectSettingsNo', 'u16',
    'Project settings number, the second block of the ConfigId; unique per customer number.',
    { range: { min: 1, max: 9999 } }),
  fixed(0x0620, 0x06, 'Custom/AdminData/ProjectName', 'ascii', 'Human-readable name of the project settings, shown after the ConfigId.'),
  fixed(0x0620, 0x07, 'Custom/AdminData/ProjectSettingsVersion', 'u8',
    'Version of the project settings; readers refuse older versions (rollback prevention).', { range: { min: 1, max: 99 } }),
  fixed(0x0620, 0x0b, 'Custom/AdminData/DummyDeviceSettingsNo', 'u16',
    'Legacy marker of a configuration assembled from two.', { deprecated: true }),
  fixed(0x0620, 0x0c, 'Custom/AdminData/DummyDeviceSettingsName', 'ascii',
    'Legacy name belonging to DummyDeviceSettingsNo.', { deprecated: true }),
  fixed(0x0620, 0x0d, 'Custom/AdminData/DummyDeviceSettingsVersion', 'u8',
    'Legacy version belonging to DummyDeviceSettingsNo.', { deprecated: true }),
  fixed(0x0620, 0x17, 'Custom/AdminData/DeviceSettingsCustomerNo', 'u32',
    'Customer number of the device settings; CustomerNo applies when it is absent.', { range: { min: 0, max: 99999 } }),
  fixed(0x0620, 0x20, 'Custom/AdminData/RequiresBusAddress', 'bytes',
    'When present and not empty, the configuration needs a bus address.'),

  // Project
  fixed(0x0802, 0x09, 'Project/VhlSettings/ConfCardCardFamilies', 'bytes',
    'Card families the reader accepts as ConfigCards.'),
  fixed(0x0851, 0x02, 'Project/HidSam/ScanTime', 'u16',
    'Scan time for HID cards after power-up.', { range: { min: 0, max: 0xffff }, unit: 'ms' }),
];

export const RANGE_VALUES: readonly RangeSpec[] = [
  {
    keys: [0x0231, 0x0231], values: [0x80, 0x9f],
    name: 'Entry', path: 'Device/MifareClassicKey/Entry', type: 'bytes',
    description: 'MIFARE Classic key storage of the reader.',
    memberName: (_k, v) => `Entry[${v - 0x80}]`,
  },
  {
    keys: [0x0601, 0x0601], values: [0x80, 0xfe],
    name: 'Key', path: 'Custom/Crypto/Key', type: 'bytes',
    description: 'Key list of the crypto commands; KeyIndex n selects value 0x80 + n.',
    memberName: (_k, v) => `Key[${v - 0x80}]`,
  },
  {
    keys: [0x0830, 0x083f], values: [0x80, 0xbf],
    name: 'Entry', path: 'Project/CryptoKey/Entry', type: 'bytes',
    description: 'Key container used by the crypto manager for card operations.',
    memberName: (k, v) => `Entry[${k - 0x0830}][${v - 0x80}]`,
  },
];
