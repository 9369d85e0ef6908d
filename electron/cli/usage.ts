// The usage lines of every command, in a module of its own: `readerdesk --help` prints them without
// loading a single command (the commands pull in the host, the simulator and zod).

export const FOUNDATION_USAGE = [
  '  readerdesk ports [--json]',
  '  readerdesk info --port <path | hid:<serial> | tcp://host[:port]> [--json] [--identify-customer-key] [--checksum none|crc16|bcc8] [--baud N]',
  '  readerdesk simulate --state <dir> [--count N] [--profile current|legacy] [--tcp host[:port]] [--split-ms N] [--buffer-size N] [--baud N] [--fixed-baud] [--line-max-baud N] [--answers-max-baud N] [--firmware STR] [--crypto-key HEX32] [--customer-key HEX20]',
  '  readerdesk sim tamper --state <dir> [--clear]',
  '  readerdesk brp encode <cmd-code> [<param-hex>] [--checksum none|bcc8|crc16|bcc16]',
  '  readerdesk brp decode <hex> [--command | --response] [--json]',
  '  readerdesk ui [--listen 127.0.0.1:<port>] [--no-sim]',
].join('\n');

export const PIN_FILE_NOTE = 'PIN files hold 32 hex digits; PINs are never taken from the command line.';

export const TAG_USAGE = [
  '  readerdesk tag info --port <p> [--json]      (every tag command also takes --checksum none|crc16|bcc8 and --baud N)',
  '  readerdesk tag counter --port <p>',
  '  readerdesk tag set-pin --port <p> --position <1..251> --master-index <0..3> --master-pin-file <file> --pin-file <file>',
  '  readerdesk tag protect --port <p> --segment <n> --edit-pin-file <file> [--read-pin <index>|none] [--write-pin <index>|none]',
  '                         [--read allow|deny] [--write allow|deny] [--edit-pin <index>] [--lock]',
  '  readerdesk tag read --port <p> --segment <n> [--offset N] [--length N] [--pin-file <file>]',
  '  readerdesk tag write --port <p> --segment <n> [--offset N] --hex <data> [--pin-file <file>]',
  '  readerdesk tag name --port <p> --text <name> [--host-id <text>]      (through PIN 0)',
  '  readerdesk tag raw-read --port <p> --addr <a> --length <n>  |  tag raw-write --port <p> --addr <a> --hex <data>',
  `      ${PIN_FILE_NOTE}`,
].join('\n');

export const SIM_TAG_USAGE =
  '  readerdesk sim tag --state <dir> --place [--master-pin <index>=<hex32> ...] | --remove\n' +
  '      (--master-pin is factory programming of a simulated tag, the only place a PIN is accepted on the command line)';

export const CRYPTO_USAGE = '  readerdesk crypto xxtea encrypt|decrypt --key-file <file with 32 hex digits> <block: 32 hex digits>';

export const CONFIG_USAGE = [
  '  readerdesk config new <file> --name <s> --customer <n> --project <n> --device <n>',
  '  readerdesk config set <file> <KKKK/VV> <hex>',
  '  readerdesk config del <file> <KKKK/VV>',
  '  readerdesk config show <file> [--json] [--reveal]',
  '  readerdesk config bump <file>',
  '  readerdesk config new-version <file> --from <version>     (rollback: a new version from an older one)',
].join('\n');

export const FINALIZE_USAGE = '  readerdesk finalize <file.balcfg> --port <p> --out <file.bec2> [--label <reader name>] [--checksum none|crc16|bcc8] [--baud N]';
export const DEPLOY_USAGE = '  readerdesk deploy <file.bec2> --port <p> [--port <p> ...] [--json] [--checksum none|crc16|bcc8] [--baud N] [--max-baud N]';
export const FACTORY_RESET_USAGE = '  readerdesk factory-reset --port <p> --yes [--checksum none|crc16|bcc8] [--baud N]';
export const READBACK_USAGE = '  readerdesk readback --port <p> [--json] [--diff <file.balcfg>] [--checksum none|crc16|bcc8] [--baud N] [--max-baud N]';
export const EVENTS_USAGE = '  readerdesk events --port <p> [--json] [--checksum none|crc16|bcc8] [--baud N]';
export const DOORFILE_USAGE =
  '  readerdesk doorfile build --in <users.csv> --site-key-file <file> --out <door.json> [--binary <door.bin>] [--max-users N] [--accept-warnings]\n' +
  '  readerdesk doorfile verify --in <door.json> --site-key-file <file> [--json]';
