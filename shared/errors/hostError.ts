// The one error the host throws for a person to read: a catalogue code with its values. Its
// message is the English sentence (what the CLI prints and what logs show); the UI translates the
// code instead (see catalogue.ts).

import { HOST_SENTENCES, isHostErrorCode, type HostErrorCode } from './catalogue.ts';
import { isHostText, renderHostText, type HostParam, type HostParams, type HostText, type ParamsFor } from './hostText.ts';

export type HostErrorParams<C extends HostErrorCode> = ParamsFor<(typeof HOST_SENTENCES)[C]>;

/** A typed clause or sentence of the catalogue, to pass as a value inside another one. */
export function hostText<C extends HostErrorCode>(code: C, params: HostErrorParams<C>): HostText {
  return { code, params: params as HostParams };
}

/** The English sentence of a text; an unknown code reads as its code, so nothing is lost. */
export function englishText(text: HostText): string {
  return (
    renderHostText(text, {
      template: (code) => (isHostErrorCode(code) ? HOST_SENTENCES[code] : undefined),
      number: (n) => String(n),
    }) ?? text.code
  );
}

export class HostError<C extends HostErrorCode = HostErrorCode> extends Error implements HostText {
  override readonly name: string = 'HostError';
  readonly params: HostParams;
  constructor(
    readonly code: C,
    params: HostErrorParams<C>,
    options?: { cause?: unknown },
  ) {
    super(englishText({ code, params: params as HostParams }), options);
    this.params = params as HostParams;
  }
}

/** A text of the catalogue as an error to throw. */
export function hostErrorOf(text: HostText): HostError {
  if (!isHostErrorCode(text.code)) throw new Error(`${text.code} is not in the catalogue`);
  return new HostError(text.code, text.params as HostErrorParams<typeof text.code>);
}

/**
 * The reason another failure gives, as a value for a sentence: its text when it has one (so the UI
 * translates it too), its English message otherwise.
 */
export function reasonOf(err: unknown): HostParam {
  if (err instanceof HostError) return { code: err.code, params: err.params };
  if (isHostText(err) && err instanceof Error && isHostErrorCode(err.code)) return { code: err.code, params: err.params };
  if (err instanceof Error) return err.message;
  return String(err);
}
