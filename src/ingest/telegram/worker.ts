/**
 * Worker thread of the Telegram JSON adapter: builds document parts off the main thread. Only
 * used from compiled code (`dist/`); see `pool.ts`. (`soz add`, which keeps the documents, runs
 * `pipeline/telegram-thread.ts` instead, which also encodes them.)
 */
import { serveParts } from './part-thread.js';

serveParts();
