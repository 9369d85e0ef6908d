// The app's stores, one of each for the life of the page, and the hooks that read them. They are
// fed by connectStores (wiring.ts), called once at start-up.

import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createConfigDocumentStore, type ConfigDocumentState } from './configDocument.ts';
import { createDeployJobStore, type DeployJobState } from './deployJob.ts';
import { createEventLogStore, type EventLogState } from './eventLog.ts';
import { createReadersStore, type ReadersState } from './readers.ts';

export interface AppStores {
  readonly readers: StoreApi<ReadersState>;
  readonly eventLog: StoreApi<EventLogState>;
  readonly deployJob: StoreApi<DeployJobState>;
  readonly configDocument: StoreApi<ConfigDocumentState>;
}

export function createAppStores(): AppStores {
  return {
    readers: createReadersStore(),
    eventLog: createEventLogStore(),
    deployJob: createDeployJobStore(),
    configDocument: createConfigDocumentStore(),
  };
}

export const appStores: AppStores = createAppStores();

export function useReadersState(): ReadersState {
  return useStore(appStores.readers);
}

export function useEventLogState(): EventLogState {
  return useStore(appStores.eventLog);
}

export function useDeployJob(): DeployJobState {
  return useStore(appStores.deployJob);
}

export function useConfigDocument(): ConfigDocumentState {
  return useStore(appStores.configDocument);
}
