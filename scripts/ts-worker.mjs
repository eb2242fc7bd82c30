// Starts a worker thread from TypeScript sources. Tests run soz from src/, where no compiled
// worker exists; compiled soz (dist/) never uses this. The hooks transpile each .ts module with
// TypeScript (a devDependency) on load, without type-checking, as vitest does.
import { register } from 'node:module';
import { workerData } from 'node:worker_threads';

register('./ts-worker-hooks.mjs', import.meta.url);
await import(workerData.sourceWorker);
