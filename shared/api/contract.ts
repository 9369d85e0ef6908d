import { READERS_METHODS, type ReadersApi, type ReadersEvent, type Unsubscribe } from './features/readers.ts';
import { CONFIG_METHODS, type ConfigApi, type ConfigEvent } from './features/config.ts';
import { DEPLOY_METHODS, type DeployApi, type DeployEvent } from './features/deploy.ts';
import { EVENTS_METHODS, type EventsApi, type EventsEvent } from './features/events.ts';
import { DOORFILE_METHODS, type DoorfileApi, type DoorfileEvent } from './features/doorfile.ts';
import { TAGS_METHODS, type TagsApi, type TagsEvent } from './features/tags.ts';
import { FILES_METHODS, type FilesApi, type FilesEvent } from './features/files.ts';
import type { HostParams } from '../errors/hostText.ts';
import type { MethodNames } from './methodNames.ts';

export * from './features/readers.ts';

// The one API between the UI and the host, assembled from one slice per feature. Electron's
// preload and the web shell's WebSocket client both produce an object that `satisfies
// ReaderDeskApi`; the host validates every call against API_PARAMS (apiParams.ts) before it runs.
//
// A method is declared once per feature (shared/api/features/*.ts): in the feature's interface and
// its *_METHODS names, and with the same name in its *_PARAMS table (shared/api/params/*.ts). A
// method without a name or a schema, or a schema that disagrees with the method's parameters, fails
// the type check (here and in apiParams.ts); test/unit/ipcSecurity.test.ts also fails when the host
// offers a method the contract has no schema for.
//
// This module and the feature modules are zod-free, so that the renderer's first page loads no
// schemas; only the host imports apiParams.ts.

export type AppEvent = ReadersEvent | ConfigEvent | DeployEvent | EventsEvent | DoorfileEvent | TagsEvent | FilesEvent;

export interface ReaderDeskApi extends ReadersApi, ConfigApi, DeployApi, EventsApi, DoorfileApi, TagsApi, FilesApi {
  onEvent(listener: (event: AppEvent) => void): Unsubscribe;
}

/** Every callable method of the API: all of ReaderDeskApi except the event subscription. */
export type ApiMethods = Omit<ReaderDeskApi, 'onEvent'>;

export type ApiMethod = keyof ApiMethods;

const METHOD_NAMES = {
  ...READERS_METHODS,
  ...CONFIG_METHODS,
  ...DEPLOY_METHODS,
  ...EVENTS_METHODS,
  ...DOORFILE_METHODS,
  ...TAGS_METHODS,
  ...FILES_METHODS,
} as const satisfies MethodNames<ApiMethods>;

export const API_METHODS = Object.keys(METHOD_NAMES) as ApiMethod[];

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
