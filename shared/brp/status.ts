// Status codes of BRP responses (brp.md 3.1-3.4, real-readers.md; names and numbers as BALTECH's SDK
// error tables define them). This file is the only place that gives a status its number: host,
// simulator and UI import the named constants below (test/unit/brp/statusSingleSource.test.ts
// fails when a second table appears). General codes hold for every command; the others only mean
// something together with the command group (the high byte of the command code).

export interface StatusDescription {
  name: string;
  meaning: string;
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

type Meanings<T> = { readonly [K in keyof T]: string };

const GENERAL_MEANING: Meanings<typeof GENERAL_STATUS> = {
  OK: 'The command was carried out successfully.',
  CmdWork: 'The reader is still working on the command and will answer again when it is done.',
  ErrInvalidCmd: 'The reader does not know this command, or its parameters were wrong, too short or too long.',
  ErrAccessDenied: 'The reader does not allow this command from this application.',
  ErrTimeout: 'The reader gave up waiting for the rest of the command frame. Check the cable and the baud rate.',
  ErrFrame: 'The reader received a command frame it could not understand, often because bytes went missing on the line.',
  ErrResponseTooLong: 'The answer would be longer than the reader can send in one frame.',
  ErrChecksum: 'The command frame arrived with a wrong checksum, so it was damaged on the line or the checksum type is not supported.',
};

const SYS_MEANING: Meanings<typeof SYS_STATUS> = {
  ErrCfgFull: 'The reader has no room left for more configuration values.',
  ErrCfgAccess: 'The reader could not read or write its internal configuration memory.',
  ErrCfgNotFound: 'The configuration value does not exist on the reader, or its key or value ID is not valid.',
  ErrInvalidCfgBlock: 'The configuration file (BEC) has an invalid format.',
  ErrCfgAccessDenied: 'This configuration value is protected and cannot be read or changed this way.',
  ErrRegAccess: 'The register cannot be changed or does not exist.',
  ErrInvalidProtocol: 'The firmware does not support the selected protocol.',
  ErrNotSupportedByHardware: 'This reader hardware does not support the feature.',
  ErrFactsetRestore: 'Restoring the factory settings failed.',
  ErrCfgConfigSecurityCode: 'The configuration has a different Config Security Code: it is not a new version of the configuration on the reader.',
  ErrCfgVersion: 'The configuration is older than the one on the reader, and the reader refuses to go back to it.',
  ErrCfgLoadWrongState: 'The configuration upload step came out of order, for example a finish without a start.',
  ErrInvalidFwCrc: 'The firmware checksum on the reader is wrong.',
};

const VHL_MEANING: Meanings<typeof VHL_STATUS> = {
  ErrNoTag: 'No tag is in the antenna field, or the tag does not answer; select it again with VHL.Select.',
  ErrCardNotSelected: 'No tag is selected; run VHL.Select first.',
  ErrHf: 'Communication with the tag failed; data may have been corrupted.',
  ErrConfig: 'The VHL file is not in the reader configuration, or its structure there is invalid.',
  ErrAuth: 'The tag refused an authentication; data may have been written partially.',
  ErrRead: 'The tag refused the read; the tag stays selected.',
  ErrWrite: 'The tag refused the write; data may have been written partially.',
  ConfcardRead: 'A BALTECH ConfigCard was detected and will be read after this command.',
  ErrInvalidCardType: 'The card type asked for does not match the card family of the selected card.',
  ErrNotSupported: 'The reader does not support this command for the selected card.',
  ErrFormat: 'Formatting the card failed; data may have been written partially.',
  ErrHw: 'The reader could not talk to its reader chip or SAM.',
  ErrApdu: 'Card communication broke off: the command was aborted or its answer was not read completely.',
};

const CRYPTO_MEANING: Meanings<typeof CRYPTO_STATUS> = {
  CrptErrInvalidBlock: 'The encrypted data block has an invalid format.',
  CrptErrAuth: 'The key is not allowed to be used for this operation.',
  CrptErrKeyNotFound: 'The reader does not hold the requested key.',
  CrptErrWriteConfigkey: 'The reader could not store the configuration key.',
  CrptErrInvalidKey: 'The reader has no valid configuration card key and works without encryption.',
};

const AR_MEANING: Meanings<typeof AR_STATUS> = {
  ErrNoMessage: 'No card or other message has arrived since the last request.',
  ErrScriptRuntime: 'A script on the reader failed while running.',
  ErrScriptSyntax: 'A script on the reader has a syntax error.',
  ErrScriptNotImplemented: 'The script did not handle the event and fell back to the default action.',
  ErrArDisabled: 'Autoread is switched off on the reader, so it reports no cards and no tamper alarms over BRP.',
};

const SEC_MEANING: Meanings<typeof SEC_STATUS> = {
  ErrCrypto: 'The key used for encryption or the MAC is wrong, or the decrypted data is invalid.',
  ErrTunnel: 'This command cannot be tunnelled through the encrypted session.',
};

const MAIN_MEANING: Meanings<typeof MAIN_STATUS> = {
  ErrOutdatedFirmware: 'The next part of the firmware is outdated.',
  ErrUnknownVersion: 'The reader cannot tell whether the firmware is outdated.',
  ErrInvalidState: 'An upload is already running, or there is no upload to continue.',
  ErrReadFile: 'The reader could not get the file data from the host.',
  ErrInvalidFormat: 'The file is not a valid BF3 or BEC2 file.',
  ErrInvalidCustomerKey: 'The file was made for a different customer key than the one on the reader.',
  ErrInvalidConfigSecurityCode: 'The file has a different Config Security Code: it is not a new version of the configuration on the reader.',
  ErrInvalidConfigVersion: 'The file holds an older configuration version than the reader, and the reader refuses to go back.',
  ErrInvalidCmac: 'The file failed its integrity check: it was changed or damaged.',
  ErrUpload: 'The reader could not write a part of the file into its memory.',
  ErrUnsupportedFirmware: 'The firmware in the file does not fit this reader hardware.',
  ErrAlreadyUpToDate: 'Everything in the file is already on the reader; nothing needed updating.',
  ErrMissingConfigSecurityCode: 'The reader has no Config Security Code yet, so it cannot open this file.',
  ErrInvalidEccKey: 'The configuration was encrypted with the wrong elliptic-curve key.',
  ErrVerify: 'The reader could not verify the firmware signature.',
};

type Table = ReadonlyMap<number, readonly [name: string, meaning: string]>;

function table<T extends Record<string, number>>(prefix: string, codes: T, meanings: Meanings<T>): Table {
  const out = new Map<number, readonly [string, string]>();
  for (const name of Object.keys(codes) as (keyof T & string)[]) out.set(codes[name]!, [`${prefix}${name}`, meanings[name]]);
  return out;
}

const GENERAL = table('', GENERAL_STATUS, GENERAL_MEANING);

const BY_GROUP: ReadonlyMap<number, Table> = new Map([
  [COMMAND_GROUP.Sys, table('Sys.', SYS_STATUS, SYS_MEANING)],
  [COMMAND_GROUP.VHL, table('VHL.', VHL_STATUS, VHL_MEANING)],
  [COMMAND_GROUP.Crypto, table('Crypto.', CRYPTO_STATUS, CRYPTO_MEANING)],
  [COMMAND_GROUP.AR, table('AR.', AR_STATUS, AR_MEANING)],
  [COMMAND_GROUP.Sec, table('Sec.', SEC_STATUS, SEC_MEANING)],
  [COMMAND_GROUP.Main, table('Main.', MAIN_STATUS, MAIN_MEANING)],
]);

/** The command group of a command code: its high byte. */
export function commandGroup(cmdCode: number): number {
  return (cmdCode >> 8) & 0xff;
}

/** Name and plain-English meaning of a status byte returned for a command. */
export function describeStatus(cmdCode: number, status: number): StatusDescription {
  const hit = GENERAL.get(status) ?? BY_GROUP.get(commandGroup(cmdCode))?.get(status);
  if (hit) return { name: hit[0], meaning: hit[1] };
  const name = `Status 0x${status.toString(16).toUpperCase().padStart(2, '0')}`;
  return { name, meaning: 'The reader reported a status that ReaderDesk does not know for this command.' };
}
