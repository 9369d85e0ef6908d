// The catalogue's sentences about the link to a reader: why a BRP frame, a command payload or a USB
// HID report could not be built or read (clauses inside brp.frame, shared/brp/*), and why a port is
// gone (clauses inside brp.port-lost, the transports). Part of HOST_SENTENCES (../catalogue.ts).

export const LINK_SENTENCES = {
  // Why a frame could not be built or read (clauses; brp.frame makes them a sentence).
  'brp.the-command-frame': 'the command frame',
  'brp.the-response-frame': 'the response frame',
  'brp.why.cmd-code-range': 'command code {code} is not a 16-bit number',
  'brp.why.bcc16': 'BCC16 checksums are not supported; send the frame with CRC16, BCC8 or no checksum',
  'brp.why.not-compressible':
    'command code {code} does not fit the 1-byte compressed form (group at most 0x07, index at most 0x1F); send it uncompressed',
  'brp.why.needs-long-length': 'a payload of {bytes} bytes needs the 2-byte length form; the compressed form holds at most 255',
  'brp.why.payload-over-max': 'a payload of {bytes} bytes exceeds the BRP maximum of 65535',
  'brp.why.status-not-byte': 'status {status} is not a byte value',
  'brp.why.error-with-payload': 'an error response (status {status}) carries no payload, but {bytes} bytes were given',
  'brp.why.reserved-flags': 'FormatFlags {flags} has reserved bits (mask 0xC0) set, so it cannot start a command frame',
  'brp.why.mode-3': 'FormatFlags {flags} asks for execution mode 3, which BRP does not define',
  'brp.why.phase-3': 'FormatFlags {flags} carries phase 3, which BRP does not define',
  'brp.why.failure-without-status': 'the response has the Failure flag set but no status byte',
  'brp.why.failure-with-ok': 'the response has the Failure flag set but its status byte is 0x00 (OK)',
  'brp.why.frame-empty': '{frame} is empty',
  'brp.why.frame-incomplete': '{frame} is incomplete: it has {bytes} bytes, but its header announces {needed}',
  'brp.why.frame-trailing-one': '{frame} ends after {bytes} bytes, but {extra} more byte follows it',
  'brp.why.frame-trailing-many': '{frame} ends after {bytes} bytes, but {extra} more bytes follow it',

  // Command payloads (shared/brp/payload.ts): {what} names the payload, {field} the field.
  'brp.payload.request': 'the {command} request',
  'brp.payload.answer': 'the answer to {command}',
  'brp.field.length-of': 'the length of {field}',
  'brp.field.rest': 'the rest',
  'brp.field.feature-count': 'the number of features',
  'brp.field.key-count': 'the number of keys',
  'brp.field.value-count': 'the number of values',
  'brp.why.payload-short-one': '{what} is too short: {field} needs {bytes} byte at offset {offset}, but the payload has only {length}',
  'brp.why.payload-short-many': '{what} is too short: {field} needs {bytes} bytes at offset {offset}, but the payload has only {length}',
  'brp.why.payload-long-one': '{what} is too long: {extra} unexpected byte follow the last field at offset {offset}',
  'brp.why.payload-long-many': '{what} is too long: {extra} unexpected bytes follow the last field at offset {offset}',
  'brp.why.not-whole-number': '{what} cannot be built: {field} must be a whole number from 0 to {max}, not {value}',
  'brp.why.wrong-length': '{what} cannot be built: {field} must be {length} bytes long, not {actual}',
  'brp.why.field-too-long': '{what} cannot be built: {field} may be at most {max} bytes long, not {actual}',
  'brp.why.answer-unreadable': 'the answer to {command} could not be read: {reason}',
  'brp.why.keysig-needs-value': 'the Crypto.GetKeySig request cannot be built: KeyIndex 0 needs the 10-byte KeyValue',
  'brp.why.keysig-no-value': 'the Crypto.GetKeySig request cannot be built: a KeyValue is only sent with KeyIndex 0',
  'brp.why.baud-not-100': 'the Sys.SetCommParam request cannot be built: {baud} baud is not a multiple of 100',
  'brp.why.bad-parity': 'the Sys.SetCommParam request has parity {parity}, which is not N, E or O',
  'brp.value-too-long': 'This configuration value is too long for this reader: it cannot be written in one frame, so leave it out or shorten it.',

  // USB HID reports (shared/brp/hidReport.ts).
  'brp.why.hid-frame-too-large':
    'a BRP frame of {bytes} bytes does not fit any HID report: the largest (id 4) carries at most {max} bytes. Send less data per command',
  'brp.why.hid-empty-frame': 'an empty BRP frame cannot be sent in a HID report',
  'brp.why.hid-empty-report': 'an empty HID report arrived; a BRP report starts with its report id (1 to 4)',
  'brp.why.hid-report-id': 'a HID report with id {id} arrived; BRP travels only in reports with ids 1 to 4',
  'brp.why.hid-report-length': 'HID report {id} is {length} bytes long, but a report with id {id} has {expected} bytes (report id included)',
  'brp.why.hid-no-frame': 'HID report {id} carries no BRP frame (its frame length is 0)',
  'brp.why.hid-frame-length': 'HID report {id} announces a BRP frame of {bytes} bytes, but it has room for at most {max}',

  // The frame log (electron/host/app/frameJournal.ts): an answer with a status, and frames that could not be used.
  'frame.status-summary': '{summary} → {status}: {meaning}',
  'frame.dropped-before-command': 'incomplete frame dropped before the next command',
  'frame.dropped-after-timeout': 'incomplete frame dropped: its command timed out',
  'frame.wrong-checksum': 'wrong checksum',
  'frame.unsupported-checksum': 'unsupported checksum',

  // Why a port is gone (clauses inside brp.port-lost).
  'port.session-closed': 'the session was closed',
  'port.link-closed': 'the link is closed',
  'port.not-open': 'the port is not open',
  'port.closed-while-opening': 'the port was closed while it was being opened',
  'port.dtr-refused': 'the port was opened but refused to raise DTR ({why}); readers that wait for DTR do not start without it',
  'port.rate-switch-failed': 'the port could not switch to {rate} baud ({why})',
  'port.rate-not-taken': 'the port runs at {actual} baud when asked for {baud}, so it cannot run {baud}',
  'port.disconnected': 'the port was disconnected ({why})',
  'port.reader-closed': 'the reader closed the connection',
  'port.hid-address': 'a USB HID address looks like hid:<serial number> or hid:<device path> (`readerdesk ports` lists them)',
  'port.no-hid-reader':
    'no USB HID reader with serial number or path "{target}" is connected; refresh the port list (or run `readerdesk ports`) to see the readers this computer finds',
  'port.hid-unavailable': 'USB HID readers cannot be used on this computer ({why})',
  'port.hid-open-failed': 'the HID interface {path} could not be opened ({why}). Another program may be using it{hint}',
  'port.hid-linux-access': '; on Linux your user also needs read and write access to its /dev/hidraw device (a udev rule)',
  'port.hid-not-open': 'the HID reader is not open',
  'port.hid-report-refused': 'the reader did not take the HID report ({why})',
  'port.hid-unplugged': 'the USB HID reader was unplugged or stopped answering ({why})',
  'port.no-restart': 'the reader did not come back after its restart ({last})',
  'port.not-back': 'the port {port} did not come back',
  'port.not-tcp-address': '"{address}" is not a TCP address: write tcp://host or tcp://host:port (the port is {port} when left out)',
  'port.tcp-port-range': 'the port in "{address}" must be between 1 and 65535',
  'port.not-tcp': '"{address}" does not start with tcp://',
} as const satisfies Record<string, string>;
