// Runs one door-file job in its own worker thread and waits for it without blocking: the event
// loop stays free for the readers' tamper-alarm polling (a reader keeps an alarm only 5 s), however
// long a million-user file takes. One worker per job; it ends with the job and takes its memory along.
//
// Where the worker's code is depends on how this module runs:
// - bundled (tools/build-electron.mjs, the CLI bundle): the bundler defines
//   __READERDESK_DOORFILE_WORKER__ as the file name of the worker bundle, which sits beside the
//   bundle that contains this module (tools/doorfileWorkerBundle.mjs);
// - from the TypeScript sources (tsx, Vitest): the worker is doorfileWorker.ts next to this file,
//   and since a worker thread does not inherit the loader hooks of its parent, tsxWorkerBoot.mjs
//   registers tsx in the worker before loading it.

import { Worker } from 'node:worker_threads';
import { DoorfileJobError, type BuildPlan, type DoorfileJob, type JobResult, type MainMessage, type WorkerMessage } from './jobProtocol.ts';

declare const __READERDESK_DOORFILE_WORKER__: string | undefined;

function startWorker(job: DoorfileJob): Worker {
  // In a bundle, import.meta.url names the bundle file (in CommonJS through the bundler's define).
  if (typeof __READERDESK_DOORFILE_WORKER__ === 'string') return new Worker(new URL(__READERDESK_DOORFILE_WORKER__, import.meta.url), { workerData: { job } });
  return new Worker(new URL('./tsxWorkerBoot.mjs', import.meta.url), { workerData: { job, entry: new URL('./doorfileWorker.ts', import.meta.url).href } });
}

/** The key's own ArrayBuffer to hand over without leaving a copy here; a copy (and a wipe) when it shares one. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  const own = bytes.slice();
  bytes.fill(0);
  return own;
}

/** What went wrong in the worker itself (not in the job), as a sentence that says what to do. */
function workerError(e: Error): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return new Error('the door-file work ran out of memory; split the users over several files.');
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    return new Error(`the door-file worker is missing from this installation (${e.message}); install ReaderDesk again.`);
  }
  return new Error(`the door-file work stopped unexpectedly (${e.message}); try again.`);
}

export interface JobOptions {
  /**
   * Asked when the job needs the site key (build and verify). Its errors end the job and reach
   * the caller unchanged; the key is handed to the worker, which wipes it after use.
   */
  siteKey?: () => Promise<Uint8Array>;
  /** Told what a build's check of the CSV found, before anything is written. */
  onPlanned?: (plan: BuildPlan) => void;
}

/** Runs `job` in a worker. Failures of the job arrive as DoorfileJobError. */
export function runDoorfileJob<J extends DoorfileJob>(job: J, options: JobOptions = {}): Promise<JobResult<J>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = startWorker(job);
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const fail = (error: Error) => {
      finish(() => reject(error));
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'done') finish(() => resolve(m.result as JobResult<J>));
      else if (m.type === 'planned') {
        try {
          options.onPlanned?.(m.plan);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
        }
      }
      else if (m.type === 'failed') finish(() => reject(new DoorfileJobError(m.failure)));
      else if (m.type === 'need-site-key') {
        if (!options.siteKey) return fail(new Error('the door-file job asked for a site key, but none was given'));
        options.siteKey().then(
          (key) => {
            if (settled) {
              key.fill(0);
              return;
            }
            const own = ownBuffer(key);
            const message: MainMessage = { type: 'site-key', key: own };
            worker.postMessage(message, [own.buffer as ArrayBuffer]);
          },
          (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))),
        );
      }
    });
    worker.on('error', (e) => fail(workerError(e)));
    worker.on('exit', (code) => {
      if (!settled) fail(new Error(`the door-file work stopped unexpectedly (exit code ${code}); try again.`));
    });
  });
}
