/** The module of a plain analysis thread (`parallel.ts`): documents come whole. */
import { serveAnalyses } from './worker.js';

serveAnalyses();
