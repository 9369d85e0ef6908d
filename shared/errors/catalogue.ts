// The one catalogue of the host's sentences: code → English template. The CLI prints these; the
// renderer shows its own translation of the same code (renderer/src/i18n/hostSentences.de.ts, which
// the type check keeps complete). A gap is written {name}; its value comes with the error.
//
// Rules: a code names one sentence (or one clause, used as a value inside another sentence). Numbers
// that are quantities go as numbers (the UI formats them in its locale); identifiers such as ports,
// paths, versions and command names go as strings. Never a key, PIN or other secret as a value.

export const HOST_SENTENCES = {
  // The wire between UI and host.
  'unknown-method': 'The app does not offer "{method}".',
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
  'brp.frame': '{reason}',
  'brp.unsupported-checksum': 'The frame uses the {kind} checksum, which ReaderDesk does not support. Use CRC16 or no checksum on this link.',
  'brp.reader-status': 'The reader answered {command} with {statusName} (status {status}): {meaning}',
  'brp.port-lost': 'The link to {port} is not available{because}. Check that the reader is connected and that no other program is using the port.',
  'brp.because': ': {reason}',
  'brp.reader-rejected': 'The reader rejected {command}: {reason}',
  'brp.frame-too-large':
    '{command} needs a command frame of {frameBytes} bytes, but the reader takes at most {limitBytes} bytes per frame ({source}), so it was not sent. {advice}',
  'brp.limit-reported': 'it reported its buffer size with Sys.GetBufferSize',
  'brp.limit-guaranteed': 'the 128 bytes every reader guarantees, since this reader does not report its buffer size',
  'brp.send-less': 'Send less data in one command.',

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
  'config.model': '{detail}',
  'config.no-such-version': 'Version {version} was never finalized in this file; pick one of the versions in its history.',
  'config.output-is-balcfg': 'The BEC2 file would replace the BALCFG itself; choose another output file.',
  'config.output-exists': '{file} already exists; choose another output file so that no finalized BEC2 is overwritten.',

  // Deploy, reports, factory reset.
  'deploy.reader-gone': 'That reader is not connected any more; connect it on the Readers page first.',
  'deploy.empty-address': 'One of the reader addresses is empty; remove it or type a port.',
  'deploy.duplicate-address': 'The same reader is listed twice; each reader can take the file only once per deploy.',
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

  // Wireless-memory tags.
  'tags.not-connected': 'That reader is not connected; connect it on the Readers page and try again.',
  'tags.nothing-to-change': 'Choose at least one change to the segment’s protection.',
  'tags.data-too-long': '{bytes} bytes at offset {offset} do not fit in one 256-byte segment; shorten the data or lower the offset.',
} as const satisfies Record<string, string>;

export type HostSentences = typeof HOST_SENTENCES;
export type HostErrorCode = keyof HostSentences;

export function isHostErrorCode(code: string): code is HostErrorCode {
  return Object.prototype.hasOwnProperty.call(HOST_SENTENCES, code);
}
