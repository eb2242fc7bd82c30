/**
 * The compromise part-of-speech tagger for English, loaded on first use: unpacking its lexicon
 * costs about half a second, which no command should pay for text without English. Its CommonJS
 * build is required because the tagger is called synchronously; it is the same release as the ES
 * module build. English only: on other languages it tags every word a noun without an error, so
 * callers gate by language. Used read-only — no plugin, no lexicon change, nothing global.
 */
import { createRequire } from 'node:module';
import type compromise from 'compromise';

let tagger: typeof compromise | undefined;

/** The tagged compromise document of `text`. */
export function tagEnglish(text: string): ReturnType<typeof compromise> {
  tagger ??= createRequire(import.meta.url)('compromise') as typeof compromise;
  return tagger(text);
}
