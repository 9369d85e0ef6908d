import { READERS_PARAMS } from './params/readers.ts';
import { CONFIG_PARAMS } from './params/config.ts';
import { DEPLOY_PARAMS } from './params/deploy.ts';
import { EVENTS_PARAMS } from './params/events.ts';
import { DOORFILE_PARAMS } from './params/doorfile.ts';
import { TAGS_PARAMS } from './params/tags.ts';
import { FILES_PARAMS } from './params/files.ts';
import type { ApiMethod, ApiMethods } from './contract.ts';
import type { NoMethods, ParamSchemas, SchemasRefusingTypedCalls } from './paramSchemas.ts';

// The parameter schemas of the whole API, for the host: it serves only the methods named here and
// rejects any call whose arguments do not parse (electron/host/app/dispatch.ts). The renderer never
// imports this module (zod and every schema stay out of its pages).

/** Parameter schemas by method name: the host rejects anything else before running a call. */
export const API_PARAMS = {
  ...READERS_PARAMS,
  ...CONFIG_PARAMS,
  ...DEPLOY_PARAMS,
  ...EVENTS_PARAMS,
  ...DOORFILE_PARAMS,
  ...TAGS_PARAMS,
  ...FILES_PARAMS,
} as const satisfies ParamSchemas<ApiMethods>;

// Fails to compile, naming the method, when a schema refuses arguments its interface allows.
export type _EverySchemaAcceptsItsTypedCalls = NoMethods<SchemasRefusingTypedCalls<ApiMethods, typeof API_PARAMS>>;
// Fails to compile, naming it, when a schema has no method of that name (spreads escape `satisfies`'s excess-property check).
export type _EverySchemaHasAMethod = NoMethods<Exclude<keyof typeof API_PARAMS, ApiMethod>>;
