import { englishText, hostText } from '../errors/hostError.ts';
import type { HostParam } from '../errors/hostText.ts';

/**
 * The one error type of the configuration layer. `field` is a path into the BALCFG document
 * (`values[3].id`, `configId.customer`) or a value id (`0103/03`) so that the UI can put the
 * sentence next to the thing the user has to fix. `problem` is that sentence as a catalogue text
 * (model.*, shared/errors/sentences/config.ts), so the UI words it in its language; `sentence` is
 * the same in English.
 *
 * Sentences never contain the content of a secret value (value id >= 0x80).
 */
export class BalcfgError extends Error {
  override readonly name = 'BalcfgError';
  readonly sentence: string;

  constructor(
    readonly field: string,
    readonly problem: HostParam,
  ) {
    const sentence = typeof problem === 'object' ? englishText(problem) : String(problem);
    super(field ? `${field}: ${sentence}` : sentence);
    this.sentence = sentence;
  }

  /** The message as a text: the field, then the sentence. */
  get fieldText(): HostParam {
    return this.field ? hostText('model.field', { field: this.field, problem: this.problem }) : this.problem;
  }
}
