// Status codes of BRP responses (brp.md 3.1-3.4). General codes hold for every command; the
// others only mean something together with the command group (the high byte of the command code).

export interface StatusDescription {
  name: string;
  meaning: string;
}

type StatusTable = Readonly<Record<number, readonly [name: string, meaning: string]>>;

const GENERAL: StatusTable = {
  0x00: ['OK', 'The command was carried out successfully.'],
  0x40: ['CmdWork', 'The reader is still working on the command and will answer again when it is done.'],
  0x41: ['ErrInvalidCmd', 'The reader does not know this command, or its parameters were wrong, too short or too long.'],
  0x42: ['ErrAccessDenied', 'The reader does not allow this command from this application.'],
  0x81: ['ErrTimeout', 'The reader gave up waiting for the rest of the command frame. Check the cable and the baud rate.'],
  0x82: ['ErrFrame', 'The reader received a command frame it could not understand, often because bytes went missing on the line.'],
  0x83: ['ErrResponseTooLong', 'The answer would be longer than the reader can send in one frame.'],
  0x84: ['ErrChecksum', 'The command frame arrived with a wrong checksum, so it was damaged on the line or the checksum type is not supported.'],
};

const SYS: StatusTable = {
  0x01: ['Sys.ErrCfgFull', 'The reader has no room left for more configuration values.'],
  0x02: ['Sys.ErrCfgAccess', 'The reader could not read or write its internal configuration memory.'],
  0x03: ['Sys.ErrCfgNotFound', 'The configuration value does not exist on the reader, or its key or value ID is not valid.'],
  0x04: ['Sys.ErrInvalidCfgBlock', 'The configuration file (BEC) has an invalid format.'],
  0x05: ['Sys.ErrCfgAccessDenied', 'This configuration value is protected and cannot be read or changed this way.'],
  0x06: ['Sys.ErrRegAccess', 'The register cannot be changed or does not exist.'],
  0x07: ['Sys.ErrInvalidProtocol', 'The firmware does not support the selected protocol.'],
  0x08: ['Sys.ErrNotSupportedByHardware', 'This reader hardware does not support the feature.'],
  0x09: ['Sys.ErrFactsetRestore', 'Restoring the factory settings failed.'],
  0x0a: ['Sys.ErrCfgConfigSecurityCode', 'The configuration has a different Config Security Code: it is not a new version of the configuration on the reader.'],
  0x0b: ['Sys.ErrCfgVersion', 'The configuration is older than the one on the reader, and the reader refuses to go back to it.'],
  0x0c: ['Sys.ErrCfgLoadWrongState', 'The configuration upload step came out of order, for example a finish without a start.'],
  0x7f: ['Sys.ErrInvalidFwCrc', 'The firmware checksum on the reader is wrong.'],
};

const CRYPTO: StatusTable = {
  0x01: ['Crypto.CrptErrInvalidBlock', 'The encrypted data block has an invalid format.'],
  0x02: ['Crypto.CrptErrAuth', 'The key is not allowed to be used for this operation.'],
  0x03: ['Crypto.CrptErrKeyNotFound', 'The reader does not hold the requested key.'],
  0x04: ['Crypto.CrptErrWriteConfigkey', 'The reader could not store the configuration key.'],
  0x05: ['Crypto.CrptErrInvalidKey', 'The reader has no valid configuration card key and works without encryption.'],
};

const VHL: StatusTable = {
  0x01: ['VHL.ErrNoTag', 'No tag is in the antenna field, or the tag does not answer; select it again with VHL.Select.'],
  0x02: ['VHL.ErrCardNotSelected', 'No tag is selected; run VHL.Select first.'],
  0x03: ['VHL.ErrHf', 'Communication with the tag failed; data may have been corrupted.'],
  0x04: ['VHL.ErrConfig', 'The VHL file is not available or its structure in the reader configuration is invalid.'],
  0x05: ['VHL.ErrAuth', 'The tag refused an authentication.'],
  0x06: ['VHL.ErrRead', 'The tag refused the read; the tag stays selected.'],
  0x07: ['VHL.ErrWrite', 'The tag refused the write; data may have been written partially.'],
  // ReaderDesk simulator codes for wireless-memory refusals (docs/wireless-memory.md, "Over BRP").
  0x20: ['VHL.SimErrUsageFlagSet', 'The tag refused a counter-mode register because its roll-back counter was already used.'],
  0x21: ['VHL.SimErrDosMismatch', 'The tag refused a PIN transfer because the DoS value does not match the commit block.'],
  0x22: ['VHL.SimErrPinRequired', 'The tag needs a PIN to be presented first.'],
  0x23: ['VHL.SimErrSegmentNotReadable', 'The segment does not allow reads.'],
  0x24: ['VHL.SimErrSegmentNotWritable', 'The segment does not allow writes.'],
  0x25: ['VHL.SimErrEditLocked', 'The management unit is locked for good (nE is set).'],
  0x26: ['VHL.SimErrCrossesUnit', 'The write runs past one management unit.'],
  0x27: ['VHL.SimErrCounterNotNext', 'The roll-back counter accepts only its current value plus one.'],
  0x28: ['VHL.SimErrNotReadable', 'That part of the tag memory is never readable.'],
  0x29: ['VHL.SimErrBadAddress', 'The tag does not allow this access at this address.'],
};

const AR: StatusTable = {
  0x01: ['AR.ErrNoMessage', 'No card or other message has arrived since the last request.'],
  0x02: ['AR.ErrScriptRuntime', 'A script on the reader failed while running.'],
  0x03: ['AR.ErrScriptSyntax', 'A script on the reader has a syntax error.'],
  0x04: ['AR.ErrScriptNotImplemented', 'The script did not handle the event and fell back to the default action.'],
  0x10: ['AR.ErrArDisabled', 'Autoread is switched off on the reader.'],
};

const MAIN: StatusTable = {
  0x01: ['Main.ErrOutdatedFirmware', 'The next part of the firmware is outdated.'],
  0x02: ['Main.ErrUnknownVersion', 'The reader cannot tell whether the firmware is outdated.'],
  0x10: ['Main.ErrInvalidState', 'An upload is already running, or there is no upload to continue.'],
  0x11: ['Main.ErrReadFile', 'The reader could not get the file data from the host.'],
  0x12: ['Main.ErrInvalidFormat', 'The file is not a valid BF3 or BEC2 file.'],
  0x13: ['Main.ErrInvalidCustomerKey', 'The file was made for a different customer key than the one on the reader.'],
  0x14: ['Main.ErrInvalidConfigSecurityCode', 'The file has a different Config Security Code: it is not a new version of the configuration on the reader.'],
  0x15: ['Main.ErrInvalidConfigVersion', 'The file holds an older configuration version than the reader, and the reader refuses to go back.'],
  0x16: ['Main.ErrInvalidCmac', 'The file failed its integrity check: it was changed or damaged.'],
  0x17: ['Main.ErrUpload', 'The reader could not write a part of the file into its memory.'],
  0x18: ['Main.ErrUnsupportedFirmware', 'The firmware in the file does not fit this reader hardware.'],
  0x19: ['Main.ErrAlreadyUpToDate', 'Everything in the file is already on the reader; nothing needed updating.'],
  0x1a: ['Main.ErrMissingConfigSecurityCode', 'The reader has no Config Security Code yet, so it cannot open this file.'],
  0x1b: ['Main.ErrInvalidEccKey', 'The configuration was encrypted with the wrong elliptic-curve key.'],
  0x1c: ['Main.ErrVerify', 'The reader could not verify the firmware signature.'],
};

const BY_GROUP: ReadonlyMap<number, StatusTable> = new Map([
  [0x00, SYS],
  [0x01, VHL],
  [0x02, CRYPTO],
  [0x05, AR],
  [0xf0, MAIN],
]);

/** Name and plain-English meaning of a status byte returned for a command. */
export function describeStatus(cmdCode: number, status: number): StatusDescription {
  const hit = GENERAL[status] ?? BY_GROUP.get((cmdCode >> 8) & 0xff)?.[status];
  if (hit) return { name: hit[0], meaning: hit[1] };
  const name = `Status 0x${status.toString(16).toUpperCase().padStart(2, '0')}`;
  return { name, meaning: 'The reader reported a status that ReaderDesk does not know for this command.' };
}

/** Status codes as named constants, for code that compares them (the virtual reader, the upload). */
export const STATUS = {
  OK: 0x00,
  CmdWork: 0x40,
  ErrInvalidCmd: 0x41,
  ErrAccessDenied: 0x42,
  ErrTimeout: 0x81,
  ErrFrame: 0x82,
  ErrResponseTooLong: 0x83,
  ErrChecksum: 0x84,
} as const;
