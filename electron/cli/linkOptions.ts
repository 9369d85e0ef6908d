// The link options every command that opens a reader's port shares: --port, --checksum and --baud.

import { LINK_CHECKSUMS, type LinkChecksumKind } from '../../shared/brp/checksum.ts';
import { canonicalReaderAddress, tcpAddressProblem } from '../../shared/brp/tcpAddress.ts';
import { englishText } from '../../shared/errors/hostError.ts';
import { CliError } from './io.ts';

/** Spread into a command's parseArgs options. */
export const LINK_OPTIONS = { checksum: { type: 'string' }, baud: { type: 'string' } } as const;

export const LINK_USAGE = '[--checksum none|crc16|bcc8] [--baud N]';

/** The user's --baud for a serial port (TCP and USB HID ignore it), or undefined for 115200. */
export function baudArg(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const baud = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(baud) || baud < 300 || baud > 4_000_000) {
    throw new CliError(`--baud takes a rate between 300 and 4000000, such as 115200 (got "${value}"); leave it out for 115200`);
  }
  return baud;
}

/** The user's --checksum, or undefined for the default of the link's kind (none on TCP and USB, CRC16 otherwise). */
export function checksumArg(value: string | undefined): LinkChecksumKind | undefined {
  if (value === undefined) return undefined;
  if ((LINK_CHECKSUMS as readonly string[]).includes(value)) return value as LinkChecksumKind;
  throw new CliError(
    `--checksum takes none, crc16 or bcc8 (got "${value}"); leave it out to use the default for the port (none on TCP and USB, CRC16 on other serial ports)`,
  );
}

/** A --port value, refused with a sentence when it is a malformed tcp:// address; tcp://host becomes tcp://host:2939. */
export function portArg(value: string): string {
  const problem = tcpAddressProblem(value.trim());
  if (problem) throw new CliError(`--port: ${englishText(problem)}`);
  return canonicalReaderAddress(value);
}

/** Spread into the parseArgs options of commands that move much data (deploy, readback). */
export const MAX_BAUD_OPTION = { 'max-baud': { type: 'string' } } as const;

export const MAX_BAUD_USAGE = '[--max-baud N]';

/**
 * The user's --max-baud: the highest rate a serial port is raised to for the transfer (Sys.SetCommParam);
 * undefined for the default (921600). A rate at or below the port's own keeps the port where it is.
 */
export function maxBaudArg(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 300 && n <= 4_000_000)) {
    throw new CliError(
      `--max-baud takes the highest baud rate a serial port may be raised to, between 300 and 4000000 (got "${value}"); 115200 keeps a reader at its default rate`,
    );
  }
  return n;
}
