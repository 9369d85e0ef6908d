// The catalogue's sentences about door files (shared/doorfile): what is wrong with a line or a
// cell of the users CSV, with the whole set of users, or with a door file that is checked. Part of
// HOST_SENTENCES (../catalogue.ts).
//
// Line numbers, cell contents and ranges go as strings (they read as written in the file);
// counts of users, records and fields go as numbers.

export const DOORFILE_SENTENCES = {
  // Where a finding belongs (shared/doorfile/issues.ts).
  'csv.at-line': 'Line {line}: {issue}',
  'csv.at-cell': 'Line {line}, column {column}: {issue}',

  // The CSV's syntax (shared/doorfile/csv.ts).
  'csv.control': 'control character {code}',
  'csv.control-in-quotes': 'a {control} stands inside a quoted field; remove it (only line breaks and tabs may appear in a field).',
  'csv.unclosed-quote': 'a quoted field is never closed; add the missing " before the end of the file.',
  'csv.text-after-quote': 'text follows a closing quote; put the whole field in quotes and write a quote inside it as "".',
  'csv.quote-in-field': 'a quote appears inside an unquoted field; quote the whole field and write the quote as "".',
  'csv.control-in-field': 'a {control} stands in a field; remove it (export the file again as plain CSV).',

  // The header and the cells (shared/doorfile/userCsv.ts).
  'csv.no-header': 'The CSV file has no header row; start it with a line such as "user_id,format,facility,card".',
  'csv.no-users': 'The CSV file has a header but no user rows; a door file needs at least one user.',
  'csv.column-number': 'number {number}',
  'csv.column-twice': 'the column {column} appears twice; keep one of them.',
  'csv.unknown-column': 'the column {column} is not a door-file column and is ignored; check its spelling if it should be used.',
  'csv.missing-column': 'the header has no "{column}" column; add it (see docs/doorfile.md for the columns).',
  'csv.field-count': 'the line has {fields} fields but the header has {width}; check for a missing or extra comma.',
  'csv.secondary-without-format':
    'a secondary credential value is given but secondary_format is empty; fill in secondary_format or clear the value.',
  'csv.not-yes-no': '"{value}" is not a yes/no value; write 1 or 0 (yes/no, true/false also work), or leave it empty for active.',
  'csv.expires-first':
    'the expiration {expiration} is before the activation {activation}; the credential would never open the door. Correct one of the dates.',
  'csv.number-missing': 'the value is missing; enter a whole number from {min} to {max}.',
  'csv.not-a-number': '"{value}" is not a whole number; enter a number from {min} to {max}.',
  'csv.out-of-range': '{value} is out of range{forFormat}; the allowed range is {min} to {max}.',
  'csv.for-format': ' for {format}',
  'csv.not-a-date': '"{value}" is not a date; write YYYY-MM-DD or YYYYMMDDHHMMSS (for example 2026-12-31).',
  'csv.date-outside': '{value} is outside what the lock record holds; use a date from 2000-01-01 to 2179-06-06.',
  'csv.format-missing': 'the credential format is missing; use one of {formats}.',
  'csv.not-a-format': '"{value}" is not a credential format; use one of {formats}.',
  'csv.value-ignored': '{format} does not use {column}, so its value is ignored; clear it or check the format.',
  'csv.pin-missing': 'the PIN is missing; enter {min} to {max} digits.',
  'csv.pin-digits': 'the PIN must be {min} to {max} digits 0-9 and nothing else; correct it.',
  'csv.short-pin': 'the PIN has only {digits} digit(s) and is easy to guess; use at least {recommended}.',
  'csv.raw-missing': 'the raw credential is missing; enter the frame as hex digits, for example 23C5981.',
  'csv.not-hex': '"{value}" is not a hex number; use digits 0-9 and A-F only.',
  'csv.too-many-bits': '0x{value} needs {bits} bits but raw_bits says {bitCount}; correct raw_bits or the value.',

  // The whole set of users (shared/doorfile/validate.ts, siteKey.ts).
  'doorfile.site-key-bytes':
    "The site key has {bytes} bytes, but an ENGAGE site key is AES-256 and has {expected} bytes (64 hex digits); use the site's full key.",
  'doorfile.capacity':
    "The file has {users} users but the lock holds {max}; split the users over several door files or set the lock's capacity with --max-users.",
  'doorfile.all-ff-primary':
    'the primary credential is all 0xFF bits, which ENGAGE locks do not support; it would never open the door. Use another credential.',
  'doorfile.all-ff-secondary': 'the secondary credential is all 0xFF bits, which ENGAGE locks do not support; use another credential.',
  'doorfile.mixed-secondary':
    'lines {lines} share a primary credential, but only some have a secondary credential. The lock acts on the record without one and never asks for the second factor; give all of them a secondary credential or none.',
  'doorfile.duplicate':
    'the credentials repeat those of line {line}; a lock treats a file with duplicates as unsorted and searches it slowly ("degraded"). Remove one of the lines.',
  'doorfile.list': '{first}, {rest}',
  'doorfile.list-last': '{first} and {last}',
  'doorfile.list-more': '{list} and {more} more',

  // Checking a door file (shared/doorfile/verify.ts, doorJson.ts).
  'verify.record': 'record {position}',
  'verify.record-of-user': 'record {position} (user {user})',
  'verify.capacity': 'The file has {records} records but the lock holds {max}; split it into several door files.',
  'verify.malformed': '{records}: a credential is not 32 hex digits; regenerate the door file.',
  'verify.secondary-type':
    '{records}: scndCr and scndCrTyp disagree about whether there is a secondary credential; both must be "null" or both set.',
  'verify.wrong-key':
    "None of the {count} records decrypts to a padded credential with this site key; the file was made with another site's key or is damaged. Check the key file.",
  'verify.bad-record':
    '{records} decrypt to something that is not a padded credential; they were encrypted with another key or damaged and will never match. Rebuild the door file.',
  'verify.all-ff': '{records} hold an all-0xFF credential, which ENGAGE locks do not support; replace those credentials.',
  'verify.unsorted':
    'The records are not in ascending order of their unencrypted primary credential: {first} sorts after {second}{more}. Rebuild the file with ReaderDesk to sort it.',
  'verify.more-pairs': ', and {count} more such pairs',
  'verify.duplicate':
    'Identical credentials appear more than once ({records}); a lock treats a file with duplicates as unsorted. Remove the repeated records.',
  'verify.mixed-secondary':
    '{records} share a primary credential, but only some have a secondary; the lock acts on {record} and never asks for the second factor. Give all of them a secondary credential or none.',
  'doorjson.not-json':
    'The door file is not valid JSON{where}; check that it was copied completely and that --in names the door file, not the key file.',
  'doorjson.no-users': 'The door file has neither a "users" list nor a "db.usrRcrd.add" list; it does not look like a door file.',
  'doorjson.bad-record': 'Door-file record {position} is malformed ({problem}); regenerate the file.',
  'doorjson.no-primary': 'Door-file record {position} has neither "primeCred" nor "primeCr"; every record needs its primary credential.',
} as const satisfies Record<string, string>;
