// A worker thread of the solve pool (src/engine/pool.ts): holds the engine's typed core over the
// main thread's shared memory and runs the jobs it is sent (src/engine/solve-jobs.ts). Between
// checkpoints the solvers read only the core; a checkpoint reads the shared cancel flag the main
// thread sets when the request's time is up.

import { parentPort, workerData } from 'node:worker_threads';
import { GraphCore, type CoreLayout } from '../analytics/graph-snapshot.js';
import { runJob, SolveCancelled, transferables, type SolveJob } from './solve-jobs.js';

const port = parentPort!;
const cancel = (workerData as { cancel: Int32Array }).cancel;
const core = new GraphCore();
const checkpoint = () => {
  if (Atomics.load(cancel, 0) !== 0) throw new SolveCancelled();
};

port.on('message', (message: { id?: number; job?: SolveJob; layout?: CoreLayout }) => {
  if (message.layout) core.adopt(message.layout);
  if (message.id === undefined || !message.job) return;
  const { id, job } = message;
  if (job.kind === 'crash') throw new Error('crash drill'); // uncaught: the thread dies
  try {
    const result = runJob(core, job, { checkpoint });
    port.postMessage({ id, result }, transferables(result));
  } catch (error) {
    if (error instanceof SolveCancelled) port.postMessage({ id, cancelled: true });
    else {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id, error: { name: e.name, message: e.message, stack: e.stack } });
    }
  }
});

port.postMessage({ ready: true });
