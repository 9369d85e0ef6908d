// The names of an API slice's methods as a value, without their parameter schemas: the typed client
// (client.ts) builds one function per name, and the renderer that uses it never loads zod. The
// schemas live in shared/api/params/ for the host.

/** Every method of Api, each once: a missing name, or a name that is no method, fails the type check. */
export type MethodNames<Api> = { readonly [K in keyof Api]-?: true };
