import type { EnglishTagger } from '../src/language/english-tagger.js';

/** Fictional sentences the assembled tagger must read as the package does (tags and offsets). */
export const SAMPLE_SENTENCES: readonly string[];
/** What soz can read of the tagger's document of `text`, as comparable text (term ids left out). */
export function taggerReading(nlp: (text: string) => ReturnType<EnglishTagger>, text: string, unread?: readonly string[]): string;
/** Why the assembled tagger `built` differs from the package's `nlp`; null when it does not (both unused). */
export function taggerDifference(built: EnglishTagger, nlp: EnglishTagger, sentences?: readonly string[]): string | null;
/** Writes the prebuilt tagger under the project root `root`; returns its path. */
export function writeEnglishTagger(root: string): Promise<string>;
/** A value as comparable text: key order kept; expressions, sets, functions and undefined named. */
export function fingerprint(value: unknown): string;
/** compromise loaded afresh (its first tagging compiles its match rules in its model). */
export function freshPackage(): EnglishTagger;
