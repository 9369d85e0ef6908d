import { READERS_PARAMS, type ReadersApi, type ReadersEvent, type Unsubscribe } from './features/readers.ts';
import { CONFIG_PARAMS, type ConfigApi, type ConfigEvent } from './features/config.ts';
import { DEPLOY_PARAMS, type DeployApi, type DeployEvent } from './features/deploy.ts';
import { EVENTS_PARAMS, type EventsApi, type EventsEvent } from './features/events.ts';
import { DOORFILE_PARAMS, type DoorfileApi, type DoorfileEvent } from './features/doorfile.ts';
import { TAGS_PARAMS, type TagsApi, type TagsEvent } from './features/tags.ts';

export * from './features/readers.ts';

// The one API between the UI and the host, assembled from one slice per feature. Electron's
// preload and the web shell's WebSocket client both produce an object that `satisfies
// ReaderDeskApi`; the host validates every call against API_PARAMS before it runs.

export type AppEvent = ReadersEvent | ConfigEvent | DeployEvent | EventsEvent | DoorfileEvent | TagsEvent;

export interface ReaderDeskApi extends ReadersApi, ConfigApi, DeployApi, EventsApi, DoorfileApi, TagsApi {
  onEvent(listener: (event: AppEvent) => void): Unsubscribe;
}

/** Parameter schemas by method name: the host rejects anything else before running a call. */
export const API_PARAMS = {
  ...READERS_PARAMS,
  ...CONFIG_PARAMS,
  ...DEPLOY_PARAMS,
  ...EVENTS_PARAMS,
  ...DOORFILE_PARAMS,
  ...TAGS_PARAMS,
} as const;

export type ApiMethod = keyof typeof API_PARAMS;
export const API_METHODS = Object.keys(API_PARAMS) as ApiMethod[];

/** How an error crosses the wire: a code for programs and a sentence for people. */
export interface ApiErrorPayload {
  code: string;
  message: string;
}

export const IPC_CHANNEL_CALL = 'readerdesk:call';
export const IPC_CHANNEL_EVENT = 'readerdesk:event';
