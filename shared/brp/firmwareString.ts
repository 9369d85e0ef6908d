// The Sys.GetInfo string: "1xxx nnnnnnnnn r.rr.rr dd/dd/dd ssssssss" (brp.md §4.2). Its last field is
// the reader's serial number, which ReaderDesk uses to know a reader again whatever port it is on.

const SERIAL_AT_END = /\s(\d{8})\s*$/;

/** The 8-digit serial number at the end of a firmware string; null when the firmware does not carry one. */
export function serialNumberOf(firmware: string | null | undefined): string | null {
  if (!firmware) return null;
  return SERIAL_AT_END.exec(firmware)?.[1] ?? null;
}
