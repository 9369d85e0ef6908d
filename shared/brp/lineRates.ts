// Serial line speeds a BRP reader can be switched to with Sys.SetCommParam (brp.md 2.2: the SDK's
// enumeration of NewBaudrate, which carries the rate divided by 100).

export const SET_COMM_PARAM_RATES: readonly number[] = [
  300, 600, 1200, 2400, 4800, 9600, 14400, 19200, 28800, 38400, 57600, 115200, 500000, 576000, 921600,
];

/** The reader's rate when no Protocols/BrpSerial values are configured (brp.md 2.2). */
export const DEFAULT_LINE_RATE = 115200;

/** The highest rate ReaderDesk raises a serial link to unless the port's maximum says otherwise (the enumeration's fastest). */
export const DEFAULT_MAX_BAUD = 921600;

/** The reader's character waiting time when Protocols/BrpSerial/InterbyteTimeout is not configured. */
export const DEFAULT_CWT_MS = 20;

/** The fastest rate of the enumeration that is not above `max`; undefined when none is. */
export function fastestRateUpTo(max: number): number | undefined {
  let best: number | undefined;
  for (const r of SET_COMM_PARAM_RATES) if (r <= max) best = r;
  return best;
}

/** The enumeration's rates above `from` and not above `max`, fastest first: the steps a negotiation may take. */
export function ratesBetween(from: number, max: number): number[] {
  return SET_COMM_PARAM_RATES.filter((r) => r > from && r <= max).reverse();
}

export function isSetCommParamRate(baud: number): boolean {
  return SET_COMM_PARAM_RATES.includes(baud);
}
