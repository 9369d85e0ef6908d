// Sys group (0x00) entries of the command table: layouts and timeouts from brp.md 4.1-4.15.

import { asciiBytes, bytesToText } from '../../bytes.ts';
import { defineCommand, EMPTY, type PayloadCodec } from '../command.ts';
import { BrpFrameError } from '../errors.ts';
import { hostText } from '../../errors/hostError.ts';

/** A configuration value holds at most 128 bytes (brp.md 4.7, 5.1). */
export const MAX_CONFIG_VALUE_LENGTH = 128;

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}

/** The docs' notation for a configuration value: 0xKKKK/0xVV. */
export function cfgValueId(key: number, value: number): string {
  return `${hex(key, 4)}/${hex(value, 2)}`;
}

// --- Sys.GetBufferSize -------------------------------------------------------------------------

export interface BufferSize {
  maxSendSize: number;
  maxRecvSize: number;
  /** Command and response frame together must not exceed this. */
  totalSize: number;
}

export const SysGetBufferSize = defineCommand<void, BufferSize>({
  name: 'Sys.GetBufferSize',
  code: 0x0000,
  timeoutMs: 50,
  request: EMPTY,
  response: {
    encode: (v, w) => w.u16(v.maxSendSize, 'MaxSendSize').u16(v.maxRecvSize, 'MaxRecvSize').u16(v.totalSize, 'TotalSize'),
    decode: (r) => ({ maxSendSize: r.u16('MaxSendSize'), maxRecvSize: r.u16('MaxRecvSize'), totalSize: r.u16('TotalSize') }),
  },
});

// --- Sys.GetInfo -------------------------------------------------------------------------------

/** The info string goes out with its terminating zero byte, which the frame length counts. */
export const SysGetInfo = defineCommand<void, { info: string }>({
  name: 'Sys.GetInfo',
  code: 0x0004,
  timeoutMs: 100,
  request: EMPTY,
  response: {
    encode: (v, w) => w.bytes(asciiBytes(`${v.info}\0`), 'Info'),
    decode: (r) => {
      const raw = r.rest();
      const nul = raw.indexOf(0);
      return { info: bytesToText(nul < 0 ? raw : raw.subarray(0, nul)) };
    },
  },
});

export interface ReaderInfoFields {
  firmwareId: string;
  firmwareName: string;
  /** major.minor.build, e.g. "1.14.00" */
  release: string;
  releaseDate: string;
  serialNumber: string;
}

/** Splits "1100 IDE Z     1.14.00 12/18/19 43893126" into its fields; undefined if it has another shape. */
export function parseReaderInfo(info: string): ReaderInfoFields | undefined {
  const m = /^(\d{4}) (.{9}) (\d+\.\d+\.\d+) (\S+) (\S+)$/.exec(info);
  if (!m) return undefined;
  return { firmwareId: m[1]!, firmwareName: m[2]!.trim(), release: m[3]!, releaseDate: m[4]!, serialNumber: m[5]! };
}

// --- Sys.GetBootStatus -------------------------------------------------------------------------

export type BootStatusSeverity = 'error' | 'warning';

export interface BootStatusProblem {
  bit: number;
  name: string;
  meaning: string;
  severity: BootStatusSeverity;
}

/**
 * Bits 0-23 are errors to fix before use (they raise CriticalBootStatus), 24-31 warnings. Names as
 * the SDK's Sys.GetBootStatus layout gives them (real-readers.md); the "Legacy" bits are only set by
 * older firmware, newer firmware uses the bit of the same name without the suffix.
 */
const BOOT_STATUS_BITS: Readonly<Record<number, readonly [string, string]>> = {
  0: ['IncompleteFirmware', 'An aborted upload left the firmware incomplete; upload the firmware again.'],
  1: ['CorruptFirmware', 'The firmware is damaged; upload the firmware again.'],
  2: ['Configuration', 'The configuration is damaged; deploy it again.'],
  4: ['Dataflash', 'The data flash memory does not work.'],
  5: ['RTC', 'The real-time clock does not work.'],
  7: ['HWoptions', 'The hardware options could not be read.'],
  8: ['Rf13MHzLegacy', 'The 13.56 MHz RFID part does not work (reported by older firmware).'],
  9: ['Rf13MHzLegic', 'The LEGIC 13.56 MHz RFID part does not work.'],
  10: ['Rf13MHz', 'The 13.56 MHz RFID part does not work.'],
  12: ['Rf125kHz', 'The 125 kHz RFID part does not work.'],
  14: ['ExtendedLED', 'The RGB LED does not work.'],
  15: ['Ethernet', 'The Ethernet part does not work.'],
  16: ['ConfCardPresented', 'A configuration card was presented (reported by older firmware).'],
  17: ['Display', 'The display does not work.'],
  18: ['FirmwareVersionBlockedLegacy', 'The loaded firmware version is on the reader\'s blocklist (reported by older firmware).'],
  19: ['Keyboard', 'The keypad does not work.'],
  20: ['BatteryManagement', 'The battery management does not work.'],
  21: ['Tamper', 'The tamper alarm hardware is defective.'],
  22: ['WiFi', 'The WiFi chip is defective.'],
  23: ['Bluetooth', 'The Bluetooth chip is defective.'],
  27: ['FirmwareVersionBlocked', 'The loaded firmware version is on the reader\'s blocklist (Device/Run/FirmwareVersionBlacklist).'],
  28: ['ConfigurationInconsistent', 'The configuration is inconsistent (reported by older firmware); deploy it again.'],
  29: ['FactorySettings', 'A factory reset failed and left the reader without settings.'],
  30: ['UnexpectedRebootsLegacy', 'The reader restarted unexpectedly at least once (reported by older firmware).'],
  31: ['NewerReaderChipFirmware', 'The reader chip refused to go back to an older firmware.'],
};

/** Name of a boot status bit as the SDK gives it, or `Bit<n>` for one it leaves unassigned. */
export function bootStatusBitName(bit: number): string {
  return BOOT_STATUS_BITS[bit]?.[0] ?? `Bit${bit}`;
}

export const BOOT_STATUS_ERROR_MASK = 0x00ffffff;

/** Names of the set bits, errors first in bit order; bits the SDK does not assign are still listed. */
export function bootStatusProblems(bits: number): BootStatusProblem[] {
  const out: BootStatusProblem[] = [];
  for (let bit = 0; bit < 32; bit++) {
    if (((bits >>> bit) & 1) === 0) continue;
    const known = BOOT_STATUS_BITS[bit];
    out.push({
      bit,
      name: bootStatusBitName(bit),
      meaning: known?.[1] ?? 'A boot status bit that ReaderDesk does not know is set.',
      severity: bit < 24 ? 'error' : 'warning',
    });
  }
  return out;
}

export const SysGetBootStatus = defineCommand<void, { bits: number }>({
  name: 'Sys.GetBootStatus',
  code: 0x0005,
  timeoutMs: 50,
  request: EMPTY,
  response: { encode: (v, w) => w.u32(v.bits, 'BootStatus'), decode: (r) => ({ bits: r.u32('BootStatus') }) },
});

// --- Sys.Reset / Sys.FactoryReset --------------------------------------------------------------

export const SysReset = defineCommand<void, void>({
  name: 'Sys.Reset',
  changesReader: true,
  code: 0x0003,
  timeoutMs: 100,
  request: EMPTY,
  response: EMPTY,
});

export const SysFactoryReset = defineCommand<{ performReboot: boolean }, void>({
  name: 'Sys.FactoryReset',
  changesReader: true,
  code: 0x0028,
  timeoutMs: 30000,
  request: { encode: (v, w) => w.bool(v.performReboot), decode: (r) => ({ performReboot: r.bool('PerformReboot') }) },
  response: EMPTY,
  describeRequest: (req) => (req.performReboot ? 'factory reset, then reboot' : 'factory reset without reboot'),
});

/** For hardware without Sys.FactoryReset: no parameters, and the host reboots the reader afterwards (Sys.Reset). */
export const SysFactoryResetLegacy = defineCommand<void, void>({
  name: 'Sys.FactoryResetLegacy',
  code: 0x0022,
  timeoutMs: 30000,
  request: EMPTY,
  response: EMPTY,
});

// --- Sys.GetFeatures ---------------------------------------------------------------------------

export interface FeatureList {
  /** Feature ids (shared/brp/features.ts names them). */
  featureIds: number[];
  /** The highest feature id the firmware knows. */
  maxFeatureId: number;
}

/** What a reader supports (SDK layout: count, 16-bit ids, MaxFeatureID); older firmware lacks the command. */
export const SysGetFeatures = defineCommand<void, FeatureList>({
  name: 'Sys.GetFeatures',
  code: 0x0024,
  timeoutMs: 100,
  request: EMPTY,
  response: {
    encode: (v, w) => {
      w.u8(v.featureIds.length, hostText('brp.field.feature-count', {}));
      for (const id of v.featureIds) w.u16(id, 'FeatureID');
      w.u16(v.maxFeatureId, 'MaxFeatureID');
    },
    decode: (r) => {
      const n = r.u8(hostText('brp.field.feature-count', {}));
      const featureIds: number[] = [];
      for (let i = 0; i < n; i++) featureIds.push(r.u16(`FeatureID ${i + 1} of ${n}`));
      return { featureIds, maxFeatureId: r.u16('MaxFeatureID') };
    },
  },
});

// --- Sys.GetPort -------------------------------------------------------------------------------

/** PortMask bits of Sys.GetPort (brp.md 4.21); 0x8000-0x0100 are Gpio7..Gpio0. */
export const PORT_BITS = {
  TamperAlarm: 0x0080,
  BlueLed: 0x0040,
  Input1: 0x0020,
  Input0: 0x0010,
  Relay: 0x0008,
  Beeper: 0x0004,
  RedLed: 0x0002,
  GreenLed: 0x0001,
} as const;

export function portMaskNames(mask: number): string[] {
  const names: string[] = [];
  for (let i = 7; i >= 0; i--) if (mask & (0x100 << i)) names.push(`Gpio${i}`);
  for (const [name, bit] of Object.entries(PORT_BITS)) if (mask & bit) names.push(name);
  return names;
}

export const SysGetPort = defineCommand<void, { portMask: number }>({
  name: 'Sys.GetPort',
  code: 0x0006,
  timeoutMs: 100,
  request: EMPTY,
  response: { encode: (v, w) => w.u16(v.portMask, 'PortMask'), decode: (r) => ({ portMask: r.u16('PortMask') }) },
});

// --- Configuration access ----------------------------------------------------------------------

export interface CfgValueRef {
  key: number;
  value: number;
}

const VALUE_REF: PayloadCodec<CfgValueRef> = {
  encode: (v, w) => w.u16(v.key, 'Key').u8(v.value, 'Value'),
  decode: (r) => ({ key: r.u16('Key'), value: r.u8('Value') }),
};

const describeRef = (req: CfgValueRef): string => cfgValueId(req.key, req.value);

export const SysCfgGetValue = defineCommand<CfgValueRef, { content: Uint8Array }>({
  name: 'Sys.CfgGetValue',
  code: 0x0008,
  timeoutMs: 100,
  request: VALUE_REF,
  response: {
    encode: (v, w) => w.lenBytes8(v.content, 'Content', MAX_CONFIG_VALUE_LENGTH),
    decode: (r) => ({ content: r.lenBytes8('Content') }),
  },
  describeRequest: describeRef,
});

export interface CfgSetValueRequest extends CfgValueRef {
  content: Uint8Array;
}

export const SysCfgSetValue = defineCommand<CfgSetValueRequest, void>({
  name: 'Sys.CfgSetValue',
  changesReader: true,
  code: 0x0009,
  timeoutMs: 10000,
  request: {
    encode: (v, w) => {
      VALUE_REF.encode(v, w);
      w.lenBytes8(v.content, 'Content', MAX_CONFIG_VALUE_LENGTH);
    },
    decode: (r) => ({ ...VALUE_REF.decode(r), content: r.lenBytes8('Content') }),
  },
  response: EMPTY,
  // The content may be a secret (keys, the Config Security Code): only its length is logged.
  describeRequest: (req) => `${describeRef(req)} := ${req.content.length} bytes`,
});

/** 0xFF in Value, SubKey or MasterKey is a wildcard, except for SubKeys >= 0x80 (brp.md 4.9). */
export const SysCfgDelValues = defineCommand<CfgValueRef, void>({
  name: 'Sys.CfgDelValues',
  changesReader: true,
  code: 0x000a,
  timeoutMs: 10000,
  request: VALUE_REF,
  response: EMPTY,
  describeRequest: describeRef,
});

export const SysCfgGetKeyList = defineCommand<void, { keys: number[] }>({
  name: 'Sys.CfgGetKeyList',
  code: 0x000b,
  timeoutMs: 100,
  request: EMPTY,
  response: {
    encode: (v, w) => {
      w.u8(v.keys.length, hostText('brp.field.key-count', {}));
      for (const k of v.keys) w.u16(k, 'Key');
    },
    decode: (r) => {
      const n = r.u8(hostText('brp.field.key-count', {}));
      const keys: number[] = [];
      for (let i = 0; i < n; i++) keys.push(r.u16(`Key ${i + 1} of ${n}`));
      return { keys };
    },
  },
});

export const SysCfgGetValueList = defineCommand<{ key: number }, { values: number[] }>({
  name: 'Sys.CfgGetValueList',
  code: 0x000c,
  timeoutMs: 100,
  request: { encode: (v, w) => w.u16(v.key, 'Key'), decode: (r) => ({ key: r.u16('Key') }) },
  response: {
    encode: (v, w) => {
      w.u8(v.values.length, hostText('brp.field.value-count', {}));
      for (const id of v.values) w.u8(id, 'Value');
    },
    decode: (r) => {
      const n = r.u8(hostText('brp.field.value-count', {}));
      const values: number[] = [];
      for (let i = 0; i < n; i++) values.push(r.u8(`Value ${i + 1} of ${n}`));
      return { values };
    },
  },
  describeRequest: (req) => hex(req.key, 4),
});

export const SysCfgCheck = defineCommand<void, { totalSize: number; freeSize: number }>({
  name: 'Sys.CfgCheck',
  code: 0x0013,
  timeoutMs: 100,
  request: EMPTY,
  response: {
    encode: (v, w) => w.u16(v.totalSize, 'TotalSize').u16(v.freeSize, 'FreeSize'),
    decode: (r) => ({ totalSize: r.u16('TotalSize'), freeSize: r.u16('FreeSize') }),
  },
});

export interface ConfigIdentity {
  /** "CCCCC-PPPP-DDDD-VV", or empty for configurations outside BALTECH's naming scheme. */
  configId: string;
  configName: string;
}

const CONFIG_IDENTITY: PayloadCodec<ConfigIdentity> = {
  encode: (v, w) => w.lenBytes8(asciiBytes(v.configId), 'ConfigId').lenBytes8(asciiBytes(v.configName), 'ConfigName'),
  decode: (r) => ({ configId: bytesToText(r.lenBytes8('ConfigId')), configName: bytesToText(r.lenBytes8('ConfigName')) }),
};

export const SysCfgGetId = defineCommand<void, ConfigIdentity>({
  name: 'Sys.CfgGetId',
  code: 0x0020,
  timeoutMs: 100,
  request: EMPTY,
  response: CONFIG_IDENTITY,
});

export const SysCfgGetDeviceSettingsId = defineCommand<void, ConfigIdentity>({
  name: 'Sys.CfgGetDeviceSettingsId',
  code: 0x0021,
  timeoutMs: 100,
  request: EMPTY,
  response: CONFIG_IDENTITY,
});

export const SysCfgReset = defineCommand<void, void>({
  name: 'Sys.CfgReset',
  changesReader: true,
  code: 0x0018,
  timeoutMs: 10000,
  request: EMPTY,
  response: EMPTY,
});

// --- Link settings -----------------------------------------------------------------------------

export interface CommParams {
  /** Baud rate in bits per second; sent as baud / 100. */
  baud: number;
  parity: 'none' | 'even' | 'odd';
  /** Character waiting time in ms. */
  cwtMs: number;
}

const PARITY_CODE = { none: 0x4e, even: 0x45, odd: 0x4f } as const;

/** Volatile: the answer still uses the old settings, and a reset restores the configured ones (brp.md 2.2). */
export const SysSetCommParam = defineCommand<CommParams, void>({
  name: 'Sys.SetCommParam',
  code: 0x0014,
  timeoutMs: 100,
  request: {
    encode: (v, w) => {
      if (v.baud % 100 !== 0) {
        throw new BrpFrameError(hostText('brp.why.baud-not-100', { baud: String(v.baud) }));
      }
      w.u16(v.baud / 100, 'NewBaudrate').u8(PARITY_CODE[v.parity], 'NewParity').u8(v.cwtMs, 'CWT');
    },
    decode: (r) => {
      const baud = r.u16('NewBaudrate') * 100;
      const code = r.u8('NewParity');
      const parity = (Object.keys(PARITY_CODE) as CommParams['parity'][]).find((p) => PARITY_CODE[p] === code);
      if (!parity) throw new BrpFrameError(hostText('brp.why.bad-parity', { parity: hex(code, 2) }));
      return { baud, parity, cwtMs: r.u8('CWT') };
    },
  },
  response: EMPTY,
  describeRequest: (req) => `${req.baud} baud, parity ${req.parity}, CWT ${req.cwtMs} ms`,
});
