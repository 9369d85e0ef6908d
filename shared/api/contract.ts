import { READERS_PARAMS, type ReadersApi, type ReadersEvent, type Unsubscribe } from './features/readers.ts';
import { CONFIG_PARAMS, type ConfigApi, type ConfigEvent } from './features/config.ts';
import { DEPLOY_PARAMS, type DeployApi, type DeployEvent } from './features/deploy.ts';
import { EVENTS_PARAMS, type EventsApi, type EventsEvent } from './features/events.ts';
import { DOORFILE_PARAMS, type DoorfileApi, type DoorfileEvent } from './features/doorfile.ts';
import { TAGS_PARAMS, type TagsApi, type TagsEvent } from './features/tags.ts';
import { FILES_PARAMS, type FilesApi, type FilesEvent } from './features/files.ts';
import type { HostParams } from '../errors/hostText.ts';
import type { NoMethods, ParamSchemas, SchemasRefusingTypedCalls } from './paramSchemas.ts';

export * from './features/readers.ts';

// The one API between the UI and the host, assembled from one slice per feature. Electron's
// preload and the web shell's WebSocket client both produce an object that `satisfies
// ReaderDeskApi`; the host validates every call against API_PARAMS before it runs.
//
// A method is declared once per feature (shared/api/features/*.ts): in the feature's interface and,
// with the same name, in its *_PARAMS table. A method without a schema, a schema without a method,
// or a schema that disagrees with the method's parameters fails the type check below (see
// paramSchemas.ts); test/unit/ipcSecurity.test.ts also fails when the host offers a method the
// contract has no schema for.

export type AppEvent = ReadersEvent | ConfigEvent | DeployEvent | EventsEvent | DoorfileEvent | TagsEvent | FilesEvent;

export interface ReaderDeskApi extends ReadersApi, ConfigApi, DeployApi, EventsApi, DoorfileApi, TagsApi, FilesApi {
  onEvent(listener: (event: AppEvent) => void): Unsubscribe;
}

/** Every callable method of the API: all of ReaderDeskApi except the event subscription. */
export type ApiMethods = Omit<ReaderDeskApi, 'onEvent'>;

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

export type ApiMethod = keyof typeof API_PARAMS;
export const API_METHODS = Object.keys(API_PARAMS) as ApiMethod[];

/**
 * How an error crosses the wire: a catalogue code with its values (shared/errors/catalogue.ts),
 * which the UI translates, and the English sentence as a fallback for a code it does not know.
 */
export interface ApiErrorPayload {
  code: string;
  params: HostParams;
  message: string;
}

export { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } from './channels.ts';
