// A sentence as data: a code from the catalogue and the values that fill its gaps. The host sends
// this; the CLI prints it in English, the renderer in the UI's language. A value may itself be a
// HostText (a clause such as the reason a file could not be read), translated the same way.

export type HostParam = string | number | HostText;
export type HostParams = Readonly<Record<string, HostParam>>;

export interface HostText {
  readonly code: string;
  readonly params: HostParams;
}

/** The names between braces in a template, as a union: "{file} is {what}" gives "file" | "what". */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string}${'"' | ' ' | ','}${string}` ? never : Name) | Placeholders<Rest>
  : never;

/** Exactly the names a template needs, each with a value. */
export type ParamsFor<S extends string> = [Placeholders<S>] extends [never] ? Record<string, never> : { readonly [K in Placeholders<S>]: HostParam };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

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
  const out = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(text.params, name)) return whole;
    const v = text.params[name]!;
    if (typeof v === 'number') return opts.number(v);
    if (typeof v === 'string') return v;
    const nested = renderHostText(v, opts);
    if (nested === undefined) unknown = true;
    return nested ?? '';
  });
  return unknown ? undefined : out;
}
