// The catalogue's sentences of the BALCFG model (shared/config): what is wrong with a field of a
// configuration, a typed value or a file. Most are clauses that follow the field they are about
// ("configId.customer: 100000 is above 99999; …"), lower-case and with their own full stop, as
// BalcfgError has always written them. Part of HOST_SENTENCES (../catalogue.ts).
//
// Versions, value ids, ranges and numbers a user typed go as strings: they read as written.

export const CONFIG_SENTENCES = {
  'model.field': '{field}: {problem}',
  'model.clause': '{clause}.',
  'model.either': '{first} or {second}',

  // Value ids (valueId.ts).
  'model.id-ff': '{id} uses the id FF, which readers reserve as a wildcard; pick another id',
  'model.not-an-id': '{shown} is not a key/value id like 0620/01',
  'model.text-of-length': 'a text of {length} characters',
  'model.the-text': 'the text',

  // Values the header manages (adminValues.ts).
  'model.managed.customer': '0620/01 (CustomerNo) comes from the project settings header; change the customer number there.',
  'model.managed.device': '0620/02 (DeviceSettingsNo) comes from the project settings header; change the device settings number there.',
  'model.managed.project': '0620/05 (ProjectSettingsNo) comes from the project settings header; change the project number there.',
  'model.managed.name': '0620/06 (ProjectName) comes from the project settings header; rename the configuration there.',
  'model.managed.version': '0620/07 (ProjectSettingsVersion) is the configuration version; use "new version" to raise it.',
  'model.managed.csc':
    '0202/82 (ConfigSecurityCode) is generated with the project settings and kept across versions; it cannot be edited. Create new project settings for a new code.',

  // Editing and versions (model.ts, history.ts).
  'model.random-short': 'the random source did not return {bytes} bytes; no project settings were created.',
  'model.random-zeros': 'the random source returned only zeros, which readers treat as "no code"; no project settings were created.',
  'model.frozen': 'version {version} is already finalized and stays as deployed; create a new version ({next}) before editing.',
  'model.content-too-long': 'the content is {bytes} bytes long; a value holds at most {max}.',
  'model.last-version':
    '{version} is the last version a reader can store (0620/07 runs from 1 to {max}); create new project settings, which get a new Config Security Code, and factory-reset the readers before deploying them.',
  'model.not-in-history': "version {version} with that SHA-256 is not in this BALCFG's history; pick one of its finalized versions.",
  'model.key-link-mismatch':
    'this BALCFG is linked to {linked} of reader "{linkedReader}" (since {linkedAt}), and reader "{reader}" holds a different one; finalize on a reader with the linked customer key.',
  'model.already-finalized': 'version {version} was already finalized; create a new version before finalizing again.',
  'model.no-key-link': 'is not set; link the customer key of the finalizing reader before recording the finalization.',
  'model.values-of-version': 'the values of version {version}',
  'model.no-values-yet': 'no values (this is the first finalized version)',
  'model.remove-absent': '{id} is not among {base}, so it cannot be removed; take it out of the list.',
  'model.set-and-removed': '{id} is also listed as removed; a change set either sets or removes a value.',
  'model.set-unchanged': '{id} already has this content in {base}; a change set lists only values that changed, so take it out.',
  'model.never-finalized': 'version {version} was never finalized in this BALCFG; pick one of the versions in its history.',

  // The file (balcfg.ts).
  'model.not-json': 'the text is not valid JSON{where}, so it is not a ReaderDesk BALCFG file.',
  'json.empty': ' (the text is empty)',
  'json.at': ' (line {line}, column {column})',
  'model.no-object': 'the file holds no JSON object, so it is not a ReaderDesk BALCFG file.',
  'model.no-format': 'is missing or not "{format}", so this is not a ReaderDesk BALCFG file.',
  'model.format-newer': '{found} is newer than this ReaderDesk reads ({reads}); open the file with a newer ReaderDesk.',
  'model.format-version': 'must be {current} (files of earlier ReaderDesk versions say {legacy}).',
  'model.twice': '{id} appears twice (also {first}); keep one of them.',
  'model.admin-without-device': '{label} is present but configId.device is 0 (no device settings); remove it or set configId.device.',
  'model.admin-missing-csc': '{label} is missing; it must hold a copy of configSecurityCode.',
  'model.admin-missing': '{label} is missing; it must hold "{want}" from the header.',
  'model.admin-csc-differs': '{label} differs from configSecurityCode; the two must be equal.',
  'model.admin-differs': '{label} does not match the header, which gives "{want}"; change the header and the value together.',
  'model.history-order': '{version} does not follow {previous}; list finalized versions oldest first, each once.',
  'model.history-newer': '{version} is newer than the current version {current}; the current version must be the newest.',
  'model.history-without-link':
    'is null although versions were finalized; it must name the customer key of the reader that first finalized this configuration.',

  // Field rules (schema.ts).
  'model.iso-time': 'must be an ISO time such as 2025-01-31T12:00:00Z.',
  'model.id-text': 'must be a text such as "0620/01".',
  'model.hex-text': 'must be a text of hex digits.',
  'model.odd-hex': 'is not an even number of hex digits; write the content as hex such as 0A1B.',
  'model.holds-too-much': 'holds {bytes} bytes; a value holds at most {max}.',
  'model.text': 'must be a text.',
  'model.name-empty': 'is empty; give the configuration a name.',
  'model.name-too-long': 'is longer than {max} characters; shorten it.',
  'model.name-ascii': 'may only contain printable ASCII characters (it is stored in 0620/06).',
  'model.name-spaces': 'starts or ends with a space; remove it.',
  'model.number': 'must be a number from {min} to {max}.',
  'model.whole-number': 'must be a whole number from {min} to {max}.',
  'model.below': '{value} is below {min}; {what} runs from {min} to {max}.',
  'model.above': '{value} is above {max}; {what} runs from {min} to {max}.',
  'model.what.customer': 'the customer number',
  'model.what.project': 'the project settings number',
  'model.what.device': 'the device settings number (0 = none)',
  'model.what.version': 'the version',
  'model.csc-text': 'must be a text of 16 hex digits.',
  'model.csc-digits': 'must be {digits} hex digits ({bytes} bytes).',
  'model.csc-zeros': 'is all zeros, which readers treat as "no code"; create new project settings to get a random one.',
  'model.signature': 'must be 1 to 64 bytes written as hex.',
  'model.key-kind': 'must be "default" or "custom".',
  'model.value-list': 'must be a list of { "id", "hex" } entries.',
  'model.id-list': 'must be a list of value ids such as "0620/01".',
  'model.file-name': 'must be a file name without folder.',
  'model.sha256': 'must be 64 hex digits (a SHA-256).',
  'model.config-id-empty': 'is empty; it names the finalized configuration.',
  'model.history-list': 'must be a list of finalized versions.',
  'model.unknown-field': 'is not a BALCFG field; remove it or check its spelling.',
  'model.missing': 'is missing; add it.',
  'model.must-be-object': 'must be an object.',
  'model.must-be-type': 'must be a {type}.',

  // Typed values (catalogue.ts).
  'model.not-hex-bytes': '{shown} is not hex bytes; type pairs of hex digits such as 0A 1B.',
  'model.not-whole-number': '{shown} is not a whole number; type digits such as 20.',
  'model.outside': '{value} is outside {min}..{max}; pick a number in that range.',
  'model.not-yes-no': '{shown} is not a yes/no value; type True or False.',
  'model.not-one-of': '{shown} is not one of {choices}.',
  'model.not-ascii': 'the text contains characters outside printable ASCII; use letters, digits and punctuation only.',
  'model.wrong-size': '{name} must be {sizes} bytes long, not {bytes}.',
} as const satisfies Record<string, string>;
