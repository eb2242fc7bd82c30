import { runCli } from './main.js';
import { processIo } from './io.js';
import { useHeapPolicy } from './heap-policy.js';

useHeapPolicy('analysis');
process.exitCode = await runCli(process.argv.slice(2), processIo());
