// The one catalogue of the host's sentences: code → English template. The CLI prints these; the
// renderer shows its own translation of the same code (renderer/src/i18n/hostSentences.de.ts, which
// the type check keeps complete). A gap is written {name}; its value comes with the error.
//
// Rules: a code names one sentence (or one clause, used as a value inside another sentence). Numbers
// that are quantities go as numbers (the UI formats them in its locale); identifiers such as ports,
// paths, versions and command names go as strings. Never a key, PIN or other secret as a value.

import { LINK_SENTENCES } from './sentences/link.ts';
import { CONFIG_SENTENCES } from './sentences/config.ts';
import { DOORFILE_SENTENCES } from './sentences/doorfile.ts';
import { DEPLOY_SENTENCES } from './sentences/deploy.ts';

/** The sentences of this file; each area of the catalogue has a file of its own in sentences/. */
export const CORE_SENTENCES = {
  // The wire between UI and host.
  'unknown-method': 'The app does not offer {method}.',
  'that-method': 'that method',
  'bad-params': 'The request for {method} was malformed: {detail}.',
  forbidden: 'This window may not use ReaderDesk.',
  'offline.unreachable': 'The ReaderDesk service is not reachable. Is "readerdesk ui" still running?',
  'offline.lost': 'The connection to the ReaderDesk service was lost.',

  // Why a file could not be used (clauses; the one errno-to-words rule, see fileProblem.ts).
  'file.missing': 'the file or its folder does not exist',
  'file.denied': 'ReaderDesk is not allowed to access it',
  'file.is-folder': 'it is a folder, not a file',
  'file.disk-full': 'the disk is full',
  'file.read-only': 'the disk is read-only',
  'file.other': 'the system refused ({errno})',

  // The link to a reader (shared/brp/errors.ts).
  'brp.timeout': 'The reader did not answer {command} within {ms} ms. Check the cable and the port.',
  'brp.checksum':
    'A frame arrived with checksum {actual}, but its content gives {expected}: the bytes were damaged on the line. Try again, and check the cable and baud rate if it keeps happening.',
  'brp.frame': '{reason:sentence}',
  'brp.unsupported-checksum': 'The frame uses the {kind} checksum, which ReaderDesk does not support. Use CRC16 or no checksum on this link.',
  'brp.reader-status': 'The reader answered {command} with {statusName} (status {status}): {meaning:sentence}',
  'brp.port-lost': 'The link to {port} is not available{because}. Check that the reader is connected and that no other program is using the port.',
  'brp.because': ': {reason}',
  'brp.reader-rejected': 'The reader rejected {command}: {reason:sentence}',
  'brp.frame-too-large':
    '{command} needs a command frame of {frameBytes} bytes, but the reader takes at most {limitBytes} bytes per frame ({source}), so it was not sent. {advice}',
  'brp.limit-reported': 'it reported its buffer size with Sys.GetBufferSize',
  'brp.limit-guaranteed': 'the 128 bytes every reader guarantees, since this reader does not report its buffer size',
  'brp.send-less': 'Send less data in one command.',

  // What a reader status means (shared/brp/status.ts names the statuses; these are their meanings).
  'status.OK': 'The command was carried out successfully.',
  'status.CmdWork': 'The reader is still working on the command and will answer again when it is done.',
  'status.ErrInvalidCmd': 'The reader does not know this command, or its parameters were wrong, too short or too long.',
  'status.ErrAccessDenied': 'The reader does not allow this command from this application.',
  'status.ErrTimeout': 'The reader gave up waiting for the rest of the command frame. Check the cable and the baud rate.',
  'status.ErrFrame': 'The reader received a command frame it could not understand, often because bytes went missing on the line.',
  'status.ErrResponseTooLong': 'The answer would be longer than the reader can send in one frame.',
  'status.ErrChecksum': 'The command frame arrived with a wrong checksum, so it was damaged on the line or the checksum type is not supported.',
  'status.Sys.ErrCfgFull': 'The reader has no room left for more configuration values.',
  'status.Sys.ErrCfgAccess': 'The reader could not read or write its internal configuration memory.',
  'status.Sys.ErrCfgNotFound': 'The configuration value does not exist on the reader, or its key or value ID is not valid.',
  'status.Sys.ErrInvalidCfgBlock': 'The configuration file (BEC) has an invalid format.',
  'status.Sys.ErrCfgAccessDenied': 'This configuration value is protected and cannot be read or changed this way.',
  'status.Sys.ErrRegAccess': 'The register cannot be changed or does not exist.',
  'status.Sys.ErrInvalidProtocol': 'The firmware does not support the selected protocol.',
  'status.Sys.ErrNotSupportedByHardware': 'This reader hardware does not support the feature.',
  'status.Sys.ErrFactsetRestore': 'Restoring the factory settings failed.',
  'status.Sys.ErrCfgConfigSecurityCode': 'The configuration has a different Config Security Code: it is not a new version of the configuration on the reader.',
  'status.Sys.ErrCfgVersion': 'The configuration is older than the one on the reader, and the reader refuses to go back to it.',
  'status.Sys.ErrCfgLoadWrongState': 'The configuration upload step came out of order, for example a finish without a start.',
  'status.Sys.ErrInvalidFwCrc': 'The firmware checksum on the reader is wrong.',
  'status.VHL.ErrNoTag': 'No tag is in the antenna field, or the tag does not answer; select it again with VHL.Select.',
  'status.VHL.ErrCardNotSelected': 'No tag is selected; run VHL.Select first.',
  'status.VHL.ErrHf': 'Communication with the tag failed; data may have been corrupted.',
  'status.VHL.ErrConfig': 'The VHL file is not in the reader configuration, or its structure there is invalid.',
  'status.VHL.ErrAuth': 'The tag refused an authentication; data may have been written partially.',
  'status.VHL.ErrRead': 'The tag refused the read; the tag stays selected.',
  'status.VHL.ErrWrite': 'The tag refused the write; data may have been written partially.',
  'status.VHL.ConfcardRead': 'A BALTECH ConfigCard was detected and will be read after this command.',
  'status.VHL.ErrInvalidCardType': 'The card type asked for does not match the card family of the selected card.',
  'status.VHL.ErrNotSupported': 'The reader does not support this command for the selected card.',
  'status.VHL.ErrFormat': 'Formatting the card failed; data may have been written partially.',
  'status.VHL.ErrHw': 'The reader could not talk to its reader chip or SAM.',
  'status.VHL.ErrApdu': 'Card communication broke off: the command was aborted or its answer was not read completely.',
  'status.Crypto.CrptErrInvalidBlock': 'The encrypted data block has an invalid format.',
  'status.Crypto.CrptErrAuth': 'The key is not allowed to be used for this operation.',
  'status.Crypto.CrptErrKeyNotFound': 'The reader does not hold the requested key.',
  'status.Crypto.CrptErrWriteConfigkey': 'The reader could not store the configuration key.',
  'status.Crypto.CrptErrInvalidKey': 'The reader has no valid configuration card key and works without encryption.',
  'status.AR.ErrNoMessage': 'No card or other message has arrived since the last request.',
  'status.AR.ErrScriptRuntime': 'A script on the reader failed while running.',
  'status.AR.ErrScriptSyntax': 'A script on the reader has a syntax error.',
  'status.AR.ErrScriptNotImplemented': 'The script did not handle the event and fell back to the default action.',
  'status.AR.ErrArDisabled': 'Autoread is switched off on the reader, so it reports no cards and no tamper alarms over BRP.',
  'status.Sec.ErrCrypto': 'The key used for encryption or the MAC is wrong, or the decrypted data is invalid.',
  'status.Sec.ErrTunnel': 'This command cannot be tunnelled through the encrypted session.',
  'status.Main.ErrOutdatedFirmware': 'The next part of the firmware is outdated.',
  'status.Main.ErrUnknownVersion': 'The reader cannot tell whether the firmware is outdated.',
  'status.Main.ErrInvalidState': 'An upload is already running, or there is no upload to continue.',
  'status.Main.ErrReadFile': 'The reader could not get the file data from the host.',
  'status.Main.ErrInvalidFormat': 'The file is not a valid BF3 or BEC2 file.',
  'status.Main.ErrInvalidCustomerKey': 'The file was made for a different customer key than the one on the reader.',
  'status.Main.ErrInvalidConfigSecurityCode': 'The file has a different Config Security Code: it is not a new version of the configuration on the reader.',
  'status.Main.ErrInvalidConfigVersion': 'The file holds an older configuration version than the reader, and the reader refuses to go back.',
  'status.Main.ErrInvalidCmac': 'The file failed its integrity check: it was changed or damaged.',
  'status.Main.ErrUpload': 'The reader could not write a part of the file into its memory.',
  'status.Main.ErrUnsupportedFirmware': 'The firmware in the file does not fit this reader hardware.',
  'status.Main.ErrAlreadyUpToDate': 'Everything in the file is already on the reader; nothing needed updating.',
  'status.Main.ErrMissingConfigSecurityCode': 'The reader has no Config Security Code yet, so it cannot open this file.',
  'status.Main.ErrInvalidEccKey': 'The configuration was encrypted with the wrong elliptic-curve key.',
  'status.Main.ErrVerify': 'The reader could not verify the firmware signature.',
  'status.unknown': 'The reader reported a status that ReaderDesk does not know for this command.',

  // Why a port would not open (clauses inside brp.port-lost-because).
  'port.no-serial-port': 'there is no serial port {port}',
  'port.denied': 'permission to open {port} was denied (on Linux, add your user to the dialout group and log in again)',
  'port.busy': '{port} is in use by another program',
  'port.nothing-listening': 'nothing is listening there',
  'port.connect-timeout': 'the connection attempt timed out',
  'port.closed': 'the connection is closed',

  // Readers.
  'reader.not-connected': 'That reader is not connected; connect it on the Readers page first.',
  'reader.not-answering': 'The reader at {address} does not answer{because}. ReaderDesk keeps trying in the background; check its cable and power.',
  'reader.did-not-come-back': 'the reader did not come back',
  'reader.no-line-speed': '{address} has no line speed to raise (TCP and USB HID carry data as fast as they can); the maximum rate is a setting of serial ports.',

  // Configuration files (BALCFG) and finalizing.
  'balcfg.not-found': '{file} was not found; check the folder and file name.',
  'balcfg.unreadable': '{file} could not be read because {why}; check the file and try again.',
  'balcfg.unwritable': '{file} could not be written because {why}; the previous file, if any, is unchanged.',
  'balcfg.no-folder': 'its folder does not exist',
  'balcfg.too-large': '{file} is {bytes} bytes, far larger than any BALCFG; it is not a ReaderDesk BALCFG file.',
  'balcfg.not-balcfg': '{file} cannot be opened: {reason}',
  'balcfg.invalid-field': '{file} is a BALCFG file with an invalid field, {reason} Fix the field or restore the file from a backup.',
  'config.is-folder': '{file} is a folder; add a file name such as {example}.',
  'config.exists':
    '{file} already exists. Open it, or choose another file name: new project settings get a new Config Security Code and must not replace existing ones.',
  'config.invalid': 'The configuration is not valid: {detail}',
  'config.model': '{detail:sentence}',
  'config.no-such-version': 'Version {version} was never finalized in this file; pick one of the versions in its history.',
  'config.output-is-balcfg': 'The BEC2 file would replace the BALCFG itself; choose another output file.',
  'config.output-exists': '{file} already exists; choose another output file so that no finalized BEC2 is overwritten.',

  'finalize.already-finalized': 'Version {version} was already finalized; run "config bump" (or "New version" in the app) to make version {next} first.',
  'finalize.key-mismatch':
    'This configuration is linked to {linked} of reader "{linkedReader}" (key signature {linkedSignature}), but the reader at {reader} holds {held} (signature {signature}). Connect a reader with the linked customer key to finalize a new version.',
  'finalize.linked-default': 'the default customer key',
  'finalize.linked-custom': 'the custom customer key',
  'finalize.held-default': 'a default customer key',
  'finalize.held-other': 'a different custom customer key',
  'key-list.full':
    "Every entry of the reader's crypto key list (Custom/Crypto/Key 0601/81-FF) is used by its configuration, so ReaderDesk has no free entry to borrow for the customer key. Free one entry in the configuration and deploy it first.",
  'key-list.left-behind':
    "{before}ReaderDesk could not remove the copy of the customer key from the reader's key-list entry {valueId} ({reason}). The key cannot be read from there, but reconnect the reader and identify its customer key again to remove the entry (a factory reset removes it as well).",
  'key-list.first-failure': '{reason} ',

  // Deploy, reports, factory reset.
  'deploy.reader-gone': 'That reader is not connected any more; connect it on the Readers page first.',
  'deploy.empty-address': 'One of the reader addresses is empty; remove it or type a port.',
  'deploy.duplicate-address': 'The same reader is listed twice; each reader can take the file only once per deploy.',
  'deploy.same-reader': '{again} is the same reader as {first}; list each reader once.',
  'deploy.file-unreadable': 'Cannot read {file}: {why}.',
  'deploy.not-bec2': '{file} is not a readable BEC2 file; pick the .bec2 file that finalizing wrote.',
  'deploy.report-not-folder': 'Cannot save the report: {folder} is not a folder.',
  'deploy.report-is-folder': 'Cannot save the report: {file} is a folder; add a file name such as {example}.',
  'deploy.report-no-folder': 'Cannot save the report: the folder {folder} does not exist.',
  'deploy.report-unwritable': 'Cannot write the report to {file}: {why}.',
  'deploy.reset-not-confirmed':
    "Nothing was reset: the text typed does not match the reader's address {address}. Type the address exactly to confirm.",
  'deploy.reset-failed': 'The factory reset did not complete: {reason}',

  // Door files.
  'doorfile.csv-unreadable': 'Cannot read the users CSV {file} ({why}); check the path.',
  'doorfile.door-file-unreadable': 'Cannot read the door file {file} ({why}); check the path.',
  'doorfile.write-failed': 'Could not write {file} ({why}); check that the folder exists and is writable. Nothing was changed there.',
  'doorfile.site-key-not-hex': '{source} contains characters other than hex digits; a site key is exactly {digits} hex digits (0-9, A-F).',
  'doorfile.site-key-length': '{source} has {count} hex digits, but a site key has {digits}; check that the whole key was copied.',
  'doorfile.the-site-key': 'The site key',
  'doorfile.the-site-key-file': 'The site key file',
  'doorfile.out-is-csv': 'The door file would overwrite the users CSV; choose another output path.',
  'doorfile.binary-is-json': 'The JSON door file and the binary export have the same path; give the binary export its own path.',
  'doorfile.invalid': '{reason}',
  'doorfile.failed': '{reason}',
  'doorfile.refused-errors': 'Nothing was written: the CSV has {errors} error(s){andWarnings}. Correct them and build again.',
  'doorfile.and-warnings': ' and {warnings} warning(s)',
  'doorfile.refused-warnings': 'Nothing was written: the CSV has {warnings} warning(s). Correct them, or tick "accept warnings" to write the file anyway.',
  'doorfile.written': 'Wrote {file}: {users} user(s) in lock order{accepted}{binary}.',
  'doorfile.accepted-warnings': ' with {warnings} accepted warning(s)',
  'doorfile.binary-written': ', and {bytes} bytes of unencrypted 32-byte records to {file}',

  // Files that hold a secret (site key, PIN, XXTEA key): the name given is never repeated when it
  // does not exist, in case the key itself was typed where its file belongs.
  'secret-file.missing':
    "The {what} file does not exist (the name given is not repeated here, in case it is the key itself). Keys and PINs are read only from files: put it into a file and give that file's path.",
  'secret-file.is-folder': 'The name given for the {what} file is a folder; give the path of the file itself.',
  'secret-file.unreadable': 'Cannot read the {what} file {file} ({errno}); check its permissions.',
  'secret.site-key': 'site key',

  // Event log and exports.
  'events.not-found': 'That event is no longer in the log; reload the events page.',
  'export.relative-path': 'Give the full path of the file, for example {example}.',
  'export.no-folder': 'The folder {folder} does not exist; pick an existing folder.',
  'export.is-folder': '{file} is a folder; add a file name to the path.',
  'export.denied': 'ReaderDesk may not write to {file}; pick another folder.',
  'export.disk-full': 'The disk is full; {file} was not written.',
  'export.failed': '{file} could not be written: {reason}.',

  // Picking files: what the host may read and write for the user, and the web shell's file browser.
  'files.not-chosen-read': 'ReaderDesk opens only files you choose: pick {file} with "Choose…" first.',
  'files.not-chosen-write': 'ReaderDesk writes only where you choose: pick {file} with "Choose…" first.',
  'files.exists': '{file} already exists. Replace it, or choose another name.',
  'files.web-shell-only': 'The file browser belongs to the web shell; the desktop app uses the system’s file dialogs.',
  'files.no-folder': 'The folder {folder} does not exist.',
  'files.not-a-folder': '{folder} is a file, not a folder.',
  'files.no-access': 'ReaderDesk may not look into {folder}.',
  'files.unlistable': 'The folder {folder} could not be listed: {why}.',
  'files.is-folder': '{file} is a folder; choose a file in it, or type a file name.',
  'files.no-file': '{file} does not exist; choose a file that is there.',
  'files.drop-kind': '{name} is not a BALCFG, BEC2 or CSV file; drop one of those, or open other files with "Choose…".',
  // Wireless-memory tags: what failed ({step} is one of the tag.step clauses) and why.
  'tag.no-tag': "No tag is in the reader's field, so ReaderDesk could not {step}; put the tag on the reader and run the command again.",
  'tag.not-selected': 'The tag could not {step}: it left the field and came back since it was selected; run the command again.',
  'tag.no-vhl-file':
    'ReaderDesk could not {step}: the reader\'s configuration has no VHL file named "{file}" for wireless-memory tags. Deploy a configuration that has one (VhlCfg/File/Filename, value 0x03nn/00 = "{file}").',
  'tag.refused': 'The tag refused to {step}: {why}',
  'tag.refused-unknown':
    'The tag refused to {step}: the reader reported {status}, and ReaderDesk could not tell which tag rule applied (wrong or missing PIN, locked or closed segment, used counter).',
  'tag.failed': 'ReaderDesk could not {step}: {reason}',
  'tag.short-answer': 'The reader returned {got} bytes when asked to {step} ({wanted} bytes).',
  'tag.not-wireless-memory': 'The tag in the field is not a wireless memory ReaderDesk can use: {reason}.',
  'tag.transfer-invalid': 'The PIN transfer cannot be built: {reason}.',
  'tag.transfer-unconfirmed':
    'The tag accepted the transfer to PIN position {position}, but the new PIN does not work there: the position holds a different value (stale counter or replayed transfer). Transfer the PIN again.',
  'tag.unit-mismatch': 'The management unit of segment {segment} reads back differently from what was written; check the tag.',
  'tag.name-too-long': 'A tag name is at most {max} bytes; this one has {bytes}.',
  'tag.identity-too-long': 'A host identity is at most {max} bytes; this one has {bytes}.',
  'tag.no-segment': 'Segment {segment} does not exist; the tag has segments 0..{last}.',
  'tag.outside-segment': '{bytes} bytes at offset {offset} do not fit in one {size}-byte segment; use offsets 0..{lastOffset} and stay inside the segment.',

  // Steps of a tag operation (clauses completing "could not …" / "refused to …").
  'tag.step.select': 'select the tag',
  'tag.step.find-vhl-file': 'find the VHL file for the tag',
  'tag.step.read-info': 'read the public information block',
  'tag.step.advance-counter': 'advance the roll-back counter',
  'tag.step.select-pin': 'select PIN {index} in PA_REG',
  'tag.step.present-pin': 'present the {kind} PIN',
  'tag.step.select-transfer': 'select PIN position {position} and master PIN {master} in PA_REG',
  'tag.step.commit-pin': 'commit the encrypted PIN',
  'tag.step.write-unit': 'write the management unit of segment {segment}',
  'tag.step.read-unit': 'read the management unit of segment {segment}',
  'tag.step.read-back-unit': 'read back the management unit of segment {segment}',
  'tag.step.write-name': 'write the tag name',
  'tag.step.write-host-id': 'write the host identity',
  'tag.step.read-name': 'read the tag name',
  'tag.step.read-units': 'read the management units',
  'tag.step.read-segment': 'read segment {segment}',
  'tag.step.write-segment': 'write segment {segment}',
  'tag.step.access-segment': 'access segment {segment}',
  'tag.step.plan-transfer': 'plan the PIN transfer',
  'tag.step.raw-read': 'read {bytes} bytes at {addr}',
  'tag.step.raw-write': 'write {bytes} bytes at {addr}',
  'tag.step.confirm-pin': 'confirm the new PIN',
  'tag.pin.read': 'read',
  'tag.pin.write': 'write',
  'tag.pin.edit': 'edit',

  // Why the tag refused (clauses after "The tag refused to {step}: ").
  'tag.why.usage-flag-set':
    'its roll-back counter was already used since it was last advanced (usage flag set), so a counter value cannot serve twice; advance the counter first.',
  'tag.why.dos-mismatch':
    'the DoS value in PA_REG does not match the commit block under that master PIN, so the master PIN given is not the one the tag holds at that index.',
  'tag.why.wrong-pin': 'the PIN given does not match the PIN the tag holds at that index (or the tag holds no PIN there).',
  'tag.why.pin-required': 'the segment needs its PIN presented first, and no matching PIN was presented since the tag entered the field.',
  'tag.why.segment-not-readable': 'the segment does not allow reads (RD is clear in its management unit).',
  'tag.why.segment-not-writable': 'the segment does not allow writes (WR is clear in its management unit).',
  'tag.why.edit-locked': 'the management unit is locked for good (nE is set), so its protection can never change again.',
  'tag.why.crosses-unit': 'the write runs past one management unit; units are edited one at a time.',
  'tag.why.counter-not-next': 'the roll-back counter accepts only its current value plus one, so an old counter value cannot be replayed.',
  'tag.why.not-readable': 'that part of the tag memory (master PINs, PIN area or a write-only register) is never readable.',
  'tag.why.bad-address': 'the tag does not allow this access at that address.',
  'tag.why.pin-mismatch': 'the {kind} PIN given does not match the PIN the tag holds at index {index}{master}.',
  'tag.why.edit-pin-mismatch': 'the edit PIN given does not match the PIN the tag holds at index {index}{master}, the edit PIN of segment {segment}.',
  'tag.why.no-master-pin': 'the tag holds no master PIN {master}.',
  'tag.why.master-dos-mismatch':
    'the DoS value does not match the commit block under master PIN {master}, so the master PIN given is not the one the tag holds at index {master}.',
  'tag.why.segment-locked': 'the management unit of segment {segment} is locked for good (nE is set), so its protection can never change again.',
  'tag.why.edit-pin-first': 'segment {segment} is edited only after its edit PIN (index {index}) has been presented.',
  'tag.why.read-pin-first': 'segment {segment} is read only after its read PIN (index {index}) is presented, and {given}.',
  'tag.why.write-pin-first': 'segment {segment} is written only after its write PIN (index {index}) is presented, and {given}.',
  'tag.pin-not-accepted': 'the PIN given was not accepted',
  'tag.no-pin-given': 'no PIN was given',
  'tag.master-pin': ' (master PIN {master})',

  // Wireless-memory tags.
  'tags.no-tag-info': 'No tag is in the reader’s field. Put a tag on the reader and read again.',
  'tags.pin-set': 'PIN position {position} now holds the new PIN: transferred under master PIN {master} and confirmed by presenting it.',
  'tags.protected': 'Segment {segment}: {read}, {write}, {edit}.',
  'tags.written': 'Wrote {bytes} byte(s) to segment {segment} at offset {offset}.',
  'tags.no-reads': 'no reads',
  'tags.read-open': 'read open',
  'tags.read-with': 'read with {pin}',
  'tags.no-writes': 'no writes',
  'tags.write-open': 'write open',
  'tags.write-with': 'write with {pin}',
  'tags.locked': 'locked for good',
  'tags.edit-with': 'edit with {pin}',
  'tags.pin': 'PIN {index}',
  'tags.master-pin': 'PIN {index} (master PIN {master})',
  'tags.not-connected': 'That reader is not connected; connect it on the Readers page and try again.',
  'tags.nothing-to-change': 'Choose at least one change to the segment’s protection.',
  'tags.data-too-long': '{bytes} bytes at offset {offset} do not fit in one 256-byte segment; shorten the data or lower the offset.',
} as const satisfies Record<string, string>;

export const HOST_SENTENCES = {
  ...CORE_SENTENCES,
  ...LINK_SENTENCES,
  ...CONFIG_SENTENCES,
  ...DOORFILE_SENTENCES,
  ...DEPLOY_SENTENCES,
} as const satisfies Record<string, string>;

export type HostSentences = typeof HOST_SENTENCES;
export type HostErrorCode = keyof HostSentences;

export function isHostErrorCode(code: string): code is HostErrorCode {
  return Object.prototype.hasOwnProperty.call(HOST_SENTENCES, code);
}
