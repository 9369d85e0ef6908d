// Status codes of BRP responses (brp.md 3.1-3.4, real-readers.md; names and numbers as BALTECH's SDK
// error tables define them). This file is the only place that gives a status its number: host,
// simulator and UI import the named constants below (test/unit/brp/statusSingleSource.test.ts
// fails when a second table appears). General codes hold for every command; the others only mean
// something together with the command group (the high byte of the command code).

import type { HostErrorCode } from '../errors/catalogue.ts';
import { englishText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export interface StatusDescription {
  name: string;
  /** In English. */
  meaning: string;
  /** The meaning as a catalogue text (shared/errors/catalogue.ts, "status.*"). */
  text: HostText;
}

/** Valid for every command group. */
export const GENERAL_STATUS = {
  OK: 0x00,
  CmdWork: 0x40,
  ErrInvalidCmd: 0x41,
  ErrAccessDenied: 0x42,
  ErrTimeout: 0x81,
  ErrFrame: 0x82,
  ErrResponseTooLong: 0x83,
  ErrChecksum: 0x84,
} as const;

/** Kept for code that already says STATUS for the general codes. */
export const STATUS = GENERAL_STATUS;

export const SYS_STATUS = {
  ErrCfgFull: 0x01,
  ErrCfgAccess: 0x02,
  ErrCfgNotFound: 0x03,
  ErrInvalidCfgBlock: 0x04,
  ErrCfgAccessDenied: 0x05,
  ErrRegAccess: 0x06,
  ErrInvalidProtocol: 0x07,
  ErrNotSupportedByHardware: 0x08,
  ErrFactsetRestore: 0x09,
  ErrCfgConfigSecurityCode: 0x0a,
  ErrCfgVersion: 0x0b,
  ErrCfgLoadWrongState: 0x0c,
  ErrInvalidFwCrc: 0x7f,
} as const;

export const VHL_STATUS = {
  ErrNoTag: 0x01,
  ErrCardNotSelected: 0x02,
  ErrHf: 0x03,
  ErrConfig: 0x04,
  ErrAuth: 0x05,
  ErrRead: 0x06,
  ErrWrite: 0x07,
  ConfcardRead: 0x08,
  ErrInvalidCardType: 0x09,
  ErrNotSupported: 0x0a,
  ErrFormat: 0x0b,
  ErrHw: 0x0c,
  ErrApdu: 0x0d,
} as const;

export const CRYPTO_STATUS = {
  CrptErrInvalidBlock: 0x01,
  CrptErrAuth: 0x02,
  CrptErrKeyNotFound: 0x03,
  CrptErrWriteConfigkey: 0x04,
  CrptErrInvalidKey: 0x05,
} as const;

export const AR_STATUS = {
  ErrNoMessage: 0x01,
  ErrScriptRuntime: 0x02,
  ErrScriptSyntax: 0x03,
  ErrScriptNotImplemented: 0x04,
  ErrArDisabled: 0x10,
} as const;

/** Encrypted/authenticated BRP sessions (group 0x07). */
export const SEC_STATUS = {
  ErrCrypto: 0x01,
  ErrTunnel: 0x02,
} as const;

/** The BEC2/BF3 upload (group 0xF0). */
export const MAIN_STATUS = {
  ErrOutdatedFirmware: 0x01,
  ErrUnknownVersion: 0x02,
  ErrInvalidState: 0x10,
  ErrReadFile: 0x11,
  ErrInvalidFormat: 0x12,
  ErrInvalidCustomerKey: 0x13,
  ErrInvalidConfigSecurityCode: 0x14,
  ErrInvalidConfigVersion: 0x15,
  ErrInvalidCmac: 0x16,
  ErrUpload: 0x17,
  ErrUnsupportedFirmware: 0x18,
  ErrAlreadyUpToDate: 0x19,
  ErrMissingConfigSecurityCode: 0x1a,
  ErrInvalidEccKey: 0x1b,
  ErrVerify: 0x1c,
} as const;

/** Command groups (the high byte of a command code) that have their own status codes. */
export const COMMAND_GROUP = { Sys: 0x00, VHL: 0x01, Crypto: 0x02, AR: 0x05, Sec: 0x07, Main: 0xf0 } as const;

/** The catalogue code of a status's meaning: "status.<Group>.<Name>", or "status.<Name>" for a general one. */
type MeaningCode<Prefix extends string, T> = `status.${Prefix}${keyof T & string}`;

// Every status above has its meaning in the catalogue: the type check fails for a status without one.
type MissingMeanings =
  | Exclude<MeaningCode<'', typeof GENERAL_STATUS>, HostErrorCode>
  | Exclude<MeaningCode<'Sys.', typeof SYS_STATUS>, HostErrorCode>
  | Exclude<MeaningCode<'VHL.', typeof VHL_STATUS>, HostErrorCode>
  | Exclude<MeaningCode<'Crypto.', typeof CRYPTO_STATUS>, HostErrorCode>
  | Exclude<MeaningCode<'AR.', typeof AR_STATUS>, HostErrorCode>
  | Exclude<MeaningCode<'Sec.', typeof SEC_STATUS>, HostErrorCode>
  | Exclude<MeaningCode<'Main.', typeof MAIN_STATUS>, HostErrorCode>;
const _everyStatusHasAMeaning: [MissingMeanings] extends [never] ? true : MissingMeanings = true;

type Table = ReadonlyMap<number, readonly [name: string, meaning: HostErrorCode]>;

function table<T extends Record<string, number>>(prefix: string, codes: T): Table {
  const out = new Map<number, readonly [string, HostErrorCode]>();
  for (const name of Object.keys(codes) as (keyof T & string)[]) out.set(codes[name]!, [`${prefix}${name}`, `status.${prefix}${name}` as HostErrorCode]);
  return out;
}

const GENERAL = table('', GENERAL_STATUS);

const BY_GROUP: ReadonlyMap<number, Table> = new Map([
  [COMMAND_GROUP.Sys, table('Sys.', SYS_STATUS)],
  [COMMAND_GROUP.VHL, table('VHL.', VHL_STATUS)],
  [COMMAND_GROUP.Crypto, table('Crypto.', CRYPTO_STATUS)],
  [COMMAND_GROUP.AR, table('AR.', AR_STATUS)],
  [COMMAND_GROUP.Sec, table('Sec.', SEC_STATUS)],
  [COMMAND_GROUP.Main, table('Main.', MAIN_STATUS)],
]);

/** The command group of a command code: its high byte. */
export function commandGroup(cmdCode: number): number {
  return (cmdCode >> 8) & 0xff;
}

/** Name and meaning of a status byte returned for a command: in English, and as a catalogue text for the UI. */
export function describeStatus(cmdCode: number, status: number): StatusDescription {
  const hit = GENERAL.get(status) ?? BY_GROUP.get(commandGroup(cmdCode))?.get(status);
  const name = hit ? hit[0] : `Status 0x${status.toString(16).toUpperCase().padStart(2, '0')}`;
  const text: HostText = { code: hit ? hit[1] : 'status.unknown', params: {} };
  return { name, meaning: englishText(text), text };
}
