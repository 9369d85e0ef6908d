// A sentence as data: a code from the catalogue and the values that fill its gaps. The host sends
// this; the CLI prints it in English, the renderer in the UI's language. A value may itself be a
// HostText (a clause such as the reason a file could not be read), translated the same way.

export type HostParam = string | number | HostText;
export type HostParams = Readonly<Record<string, HostParam>>;

export interface HostText {
  readonly code: string;
  readonly params: HostParams;
}

/** A gap's name without its form: "reason:sentence" gives "reason". */
type GapName<G extends string> = G extends `${infer Name}:${string}` ? Name : G;

/** The names between braces in a template, as a union: "{file} is {what}" gives "file" | "what". */
export type Placeholders<S extends string> = S extends `${string}{${infer Gap}}${infer Rest}`
  ? (Gap extends `${string}${'"' | ' ' | ','}${string}` ? never : GapName<Gap>) | Placeholders<Rest>
  : never;

/** Exactly the names a template needs, each with a value. */
export type ParamsFor<S extends string> = [Placeholders<S>] extends [never] ? Record<string, never> : { readonly [K in Placeholders<S>]: HostParam };

// A gap is {name}, or {name:form} for a value that is shaped where it stands (the same in both
// languages): {name:sentence} stands as a sentence of its own (first letter upper-case, a full stop
// at its end), {name:stop} ends with a full stop, {name:bare} without one (a sentence set in brackets).
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)(?::(sentence|stop|bare))?\}/g;

type Form = 'sentence' | 'stop' | 'bare';

function shaped(value: string, form: Form | undefined): string {
  switch (form) {
    case undefined:
      return value;
    case 'sentence':
      return asSentence(value);
    case 'stop':
      return /[.!?]$/.test(value.trimEnd()) ? value.trimEnd() : `${value.trimEnd()}.`;
    case 'bare':
      return value.trimEnd().replace(/\.$/, '');
  }
}

/** A clause as a sentence: first letter upper-case, a full stop unless it already ends in . ! or ?. */
export function asSentence(clause: string): string {
  const t = clause.trim();
  if (t === '') return t;
  const first = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The placeholder names of a template, in order of appearance (each once). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function isHostText(x: unknown): x is HostText {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { code?: unknown }).code === 'string' &&
    typeof (x as { params?: unknown }).params === 'object' &&
    (x as { params?: unknown }).params !== null
  );
}

export interface RenderOptions {
  /** Template by code; undefined when the catalogue does not know the code. */
  readonly template: (code: string) => string | undefined;
  /** How a number reads in this language. */
  readonly number: (n: number) => string;
}

/**
 * Fills a text's template; nested texts are rendered first. A gap without a value stays visible as
 * "{name}" rather than vanishing, so a missing parameter is noticed, not silently dropped.
 * Returns undefined when the code (or a nested code) is not in the catalogue.
 */
export function renderHostText(text: HostText, opts: RenderOptions): string | undefined {
  const template = opts.template(text.code);
  if (template === undefined) return undefined;
  let unknown = false;
  const out = template.replace(PLACEHOLDER, (whole, name: string, form: Form | undefined) => {
    if (!Object.prototype.hasOwnProperty.call(text.params, name)) return whole;
    const v = text.params[name]!;
    let filled: string;
    if (typeof v === 'number') filled = opts.number(v);
    else if (typeof v === 'string') filled = v;
    else {
      const nested = renderHostText(v, opts);
      if (nested === undefined) unknown = true;
      filled = nested ?? '';
    }
    return shaped(filled, form);
  });
  return unknown ? undefined : out;
}
