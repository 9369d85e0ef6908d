// The one place the stores meet the host: one event subscription for the whole app, and the
// start-up lists (readers, event log). Pages never subscribe to these events themselves.

import type { ReaderDeskApi } from '../../../shared/api/contract.ts';
import { errorText } from '../lib/errorText.ts';
import type { AppStores } from './appStores.ts';

/** Feeds `stores` from `api`; returns the function that stops it. */
export function connectStores(api: ReaderDeskApi, stores: AppStores): () => void {
  // Subscribe first, then ask for the lists: nothing that happens in between is lost.
  const off = api.onEvent((event) => {
    stores.readers.getState().apply(event);
    stores.eventLog.getState().apply(event);
    stores.deployJob.getState().apply(event);
  });
  api.listReaders().then(
    (list) => stores.readers.getState().load(list),
    (err: unknown) => stores.readers.getState().fail(errorText(err)),
  );
  // The port list and the running jobs: an event that came meanwhile is newer than this answer.
  void api.listPorts().then((ports) => stores.readers.getState().ports.length === 0 && stores.readers.getState().setPorts(ports), () => undefined);
  void api.runningJobs().then((jobs) => stores.readers.getState().setJobs(jobs), () => undefined);
  api.eventLog().then(
    (log) => stores.eventLog.getState().load(log),
    (err: unknown) => stores.eventLog.getState().fail(errorText(err)),
  );
  return off;
}
