import type { z } from 'zod';

// How the API's parameter schemas are held to its TypeScript interfaces, so that the two halves of
// the contract cannot drift apart unnoticed: apiParams.ts assembles every feature's *_PARAMS (shared/api/params/) into
// API_PARAMS, which `satisfies ParamSchemas<ApiMethods>`, and checks it with SchemasRefusingTypedCalls.

/** The argument list of an API method; `never` for anything that is not an async method. */
export type ArgsOf<F> = F extends (...args: infer A) => Promise<unknown> ? A : never;

/**
 * One zod schema per method of Api, no more and no fewer, whose parsed value is an argument list
 * the method accepts (what the host receives). A method without a schema, a schema without a
 * method, or a schema that lets through an argument the interface does not name fails the type check.
 */
export type ParamSchemas<Api> = { readonly [K in keyof Api]-?: z.ZodType<ArgsOf<Api[K]>> };

/**
 * The methods whose schema is missing or refuses an argument list that the interface allows (the
 * UI's typed call would compile and then be rejected at run time); `never` when every schema
 * accepts them all.
 */
export type SchemasRefusingTypedCalls<Api, S> = {
  [K in keyof Api]-?: K extends keyof S ? (S[K] extends z.ZodType ? ([ArgsOf<Api[K]>] extends [z.input<S[K]>] ? never : K) : K) : K;
}[keyof Api];

/** Compiles only when K is `never`; the error names the offending methods. */
export type NoMethods<K extends never> = K;
