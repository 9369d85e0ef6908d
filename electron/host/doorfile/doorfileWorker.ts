// Entry of the door-file worker thread (started by runDoorfileJob.ts): runs the one job it was
// given in workerData, asks the main thread for the site key when the job needs it, posts the
// result or the failure, and ends.

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { performDoorfileJob } from './doorfileJobs.ts';
import { DoorfileJobError, failureText, type DoorfileJob, type MainMessage, type WorkerMessage } from './jobProtocol.ts';

function post(port: MessagePort, message: WorkerMessage): void {
  port.postMessage(message);
}

function askForSiteKey(port: MessagePort): Promise<Uint8Array> {
  return new Promise((resolve) => {
    port.once('message', (m: MainMessage) => resolve(m.key));
    post(port, { type: 'need-site-key' });
  });
}

async function serve(port: MessagePort, job: DoorfileJob): Promise<void> {
  try {
    const result = await performDoorfileJob(job, { siteKey: () => askForSiteKey(port), planned: (plan) => post(port, { type: 'planned', plan }) });
    post(port, { type: 'done', result });
  } catch (e) {
    const failure = e instanceof DoorfileJobError ? e.failure : { kind: 'internal' as const, message: e instanceof Error ? e.message : String(e), ...failureText(e) };
    post(port, { type: 'failed', failure });
  }
}

if (parentPort) void serve(parentPort, (workerData as { job: DoorfileJob }).job);
