// The sentence an error shows on screen, in the UI's language. The host sends a catalogue code with
// its values (shared/errors/catalogue.ts); the English sentence it also sends is shown only for a
// code this UI does not know.

import i18next from 'i18next';
import { HOST_SENTENCES, isHostErrorCode } from '../../../shared/errors/catalogue.ts';
import { asSentence, isHostText, renderHostText, type HostParam, type HostText } from '../../../shared/errors/hostText.ts';
import { englishText } from '../../../shared/errors/hostError.ts';
import { languagePack } from '../i18n/languages.ts';
import { formatNumber, uiLanguage } from './locale.ts';

/**
 * A host text in `lang`; undefined when the code (or a clause inside it) is not in the catalogue.
 * English until `lang`'s pack is loaded (i18n/languages.ts), which the UI waits for before it
 * shows that language.
 */
export function hostSentence(text: HostText, lang: string): string | undefined {
  const table = languagePack(uiLanguage(lang))?.hostSentences ?? HOST_SENTENCES;
  return renderHostText(text, {
    template: (code) => (isHostErrorCode(code) ? table[code] : undefined),
    number: (n) => formatNumber(n, lang),
  });
}

/**
 * What a model error (BalcfgError: a field and its problem) says about its field, in the UI's
 * language and as the model wrote it (a clause after the field's name); undefined for other errors.
 */
export function modelSentence(err: unknown, lang: string = i18next.language): string | undefined {
  if (!err || typeof err !== 'object' || !('problem' in err) || !('sentence' in err) || typeof err.sentence !== 'string') return undefined;
  const problem = err.problem;
  return typeof problem === 'string' || typeof problem === 'number' || isHostText(problem) ? reasonText(problem, lang) : err.sentence;
}

/** The sentence of an error: host errors by their code, model errors by their problem, others by message. */
export function errorText(err: unknown, lang: string = i18next.language): string {
  if (isHostText(err)) {
    const translated = hostSentence(err, lang);
    if (translated !== undefined) return asSentence(translated);
  }
  const raw = modelSentence(err, lang) ?? (err instanceof Error ? err.message : String(err));
  return asSentence(raw);
}

/** A result's sentence: its catalogue text in the UI's language, the host's English message otherwise. */
export function resultText(result: { text?: HostText; message: string }, lang: string = i18next.language): string {
  return (result.text && hostSentence(result.text, lang)) ?? result.message;
}

/** A reason the host gave as a value (a clause with a code, or its own words), in the UI's language. */
export function reasonText(reason: HostParam, lang: string = i18next.language): string {
  if (typeof reason === 'string') return reason;
  if (typeof reason === 'number') return formatNumber(reason, lang);
  return hostSentence(reason, lang) ?? englishText(reason);
}
