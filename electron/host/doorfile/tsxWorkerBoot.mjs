// Starts the door-file worker from its TypeScript source (under tsx or Vitest, in a checkout). A
// worker thread does not inherit its parent's module loader hooks, so this plain JavaScript file
// registers tsx in the worker first. Bundled builds start the worker bundle directly and never
// load this file (runDoorfileJob.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
