/**
 * The one error type of the configuration layer. `field` is a path into the BALCFG document
 * (`values[3].id`, `configId.customer`) or a value id (`0103/03`) so that the UI can put the
 * sentence next to the thing the user has to fix.
 *
 * Sentences never contain the content of a secret value (value id >= 0x80).
 */
export class BalcfgError extends Error {
  override readonly name = 'BalcfgError';

  constructor(
    readonly field: string,
    readonly sentence: string,
  ) {
    super(field ? `${field}: ${sentence}` : sentence);
  }
}
