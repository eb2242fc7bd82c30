/**
 * The module of `soz add`'s Telegram part threads (`ingest/telegram/pool.ts`, chosen by
 * `intake.ts` for a file whose documents are kept): `telegram/part-thread.ts`'s loop given the
 * case folder's document file encoder, so each thread encodes and hashes the documents it builds
 * (issue 17: the main thread encoded every kept document while the threads waited). The bytes are
 * those `keepExtraction` would write, made by the same function.
 */
import { serveParts } from '../ingest/telegram/part-thread.js';
import { documentFileBytes } from '../case/extraction-store.js';

serveParts(documentFileBytes);
