/**
 * The compromise part-of-speech tagger for English, loaded on first use. English only: on other
 * languages it tags every word a noun without an error, so callers gate by language. Used
 * read-only — no plugin, no lexicon change, nothing global.
 *
 * Loading the package costs about 0.4 s of CPU, three quarters of it while its modules are
 * evaluated: unpacking its packed lexicon and expanding it (every verb conjugated, adjectives
 * inflected). The build (`scripts/build-english-tagger.mjs`) does that once: it assembles the same
 * compromise from the package's own ES modules with the expanded lexicon ready, checks that the
 * result equals the package's (the whole model and the tags of sample sentences), and writes it as
 * one script into `dist/data-cache/`. That copy is used only while it was assembled from the
 * installed compromise (its key is the SHA-256 of the package's `package.json`) and its body has
 * the SHA-256 its header records; otherwise the package is loaded as before. The copy changes how
 * fast, never what: the run manifest records compromise's version from the lockfile either way.
 *
 * File format: line 1 is `//` and a JSON header `{ key, bodySha256, compromise }`, the rest a
 * CommonJS script whose `module.exports.default` is compromise's `nlp`.
 *
 * Beside it the build writes V8's code cache of that script (`english-tagger.v8cache`, made after
 * tagging sample sentences, so the functions a tagging runs are compiled in it): line 1 a JSON
 * header `{ bodySha256, v8 }`, the rest V8's bytes. It is offered to V8 only for the body with that
 * SHA-256 under the same V8 version; V8 itself refuses it under other flags (the heap policy is one)
 * and then compiles the script from its text. Compiled code, never what it computes: the same
 * tags with the cache, without it or refused (round 12: about a third of loading the tagger).
 *
 * And the two match nets compromise compiles from its post-tagger's rules on its first tagging
 * (`english-tagger.nets`, round 13: 150–250 ms of every process or analysis thread that tags
 * English): the build keeps the nets the prebuilt tagger itself compiled, in V8's serialisation
 * (same sets, expressions and shared objects), behind the same header as the code cache; a run
 * gives them to the tagger's script, which then compiles none. Missing, made for another body or
 * V8, or unreadable: the tagger compiles them as the package does.
 *
 * soz tokenizes as the package's `fromString` does, with each term string's parse remembered
 * (`tokenizeEnglish`, round 15: a tenth of every tagging; the parse reads only the string and the
 * model). The tagging itself is the package's, hook by hook.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Script } from 'node:vm';
import type compromise from 'compromise';
import { sha256 } from '../core/hash.js';
import { DATA_CACHE_DIR } from './data-cache.js';

/** compromise's `nlp`: text in, tagged document out. */
export type EnglishTagger = typeof compromise;

const require = createRequire(import.meta.url);
/** The package root: `src/language/` and `dist/language/` both sit two levels below it. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A compromise document: what `nlp(text)` returns. */
type TaggedDocument = ReturnType<EnglishTagger>;

/** A term as compromise's tokenizer makes it, before any hook: the word, the marks and spaces around it, its normal form. */
interface ParsedTerm {
  readonly text: string;
  readonly pre: string;
  readonly post: string;
  readonly normal: string;
}

/** compromise's tokenizer steps (`methods.one.tokenize`), which its `fromString` runs in turn. */
interface Tokenizer {
  splitSentences(text: string, world: unknown): string[];
  splitTerms(sentence: string, model: unknown): string[];
  splitWhitespace(term: string, model: unknown): { text: string; pre: string; post: string; tags: Set<string> };
}

/** What {@link tagEnglish} reads of compromise's world: its tokenizer, its hooks, and its document class. */
interface TaggingSteps {
  readonly world: { readonly model: unknown; readonly methods: { readonly one: { readonly tokenize: Tokenizer } }; readonly compute: { normal(view: TaggedDocument): void } };
  readonly View: new (document: unknown) => TaggedDocument;
  readonly hooks: readonly string[];
  /** Each term string's parse, remembered (`parsedTerm`). */
  readonly terms: Map<string, ParsedTerm>;
  /** Whether texts may be tagged together ({@link prepareEnglish}): no hook reads across sentences. */
  readonly batchable: boolean;
}

/** Term strings whose parse is remembered; the memo is cleared past this size. */
const TERM_MEMO_LIMIT = 100_000;

/**
 * compromise's last hook, the chunker, sets only each term's `chunk` (noun, verb or pivot phrase):
 * its rules carry no tag, and nothing after it runs. soz reads tags, normal forms, spacing and
 * offsets, never chunks, so it is left out: a tenth of every tagging (`tagEnglish` in
 * english-tagger.test.ts compares every other field with the package's `nlp`).
 */
const UNREAD_HOOKS: ReadonlySet<string> = new Set(['chunks']);

let steps: TaggingSteps | undefined;

/** compromise's steps for a text, from the prebuilt copy or the package. */
function taggingSteps(): TaggingSteps {
  const nlp = loadPrebuiltEnglishTagger(ROOT) ?? (require('compromise') as EnglishTagger);
  const world = (nlp as unknown as { _world: TaggingSteps['world'] & { hooks: readonly string[]; model: { one?: { typeahead?: object } } } })._world;
  // An empty text is given back untagged as an empty document: its class is the one nlp builds.
  const View = nlp('').constructor as TaggingSteps['View'];
  // The typeahead hook completes the document's last word from its prefixes: the only hook that reads across sentences, idle without them.
  const batchable = Object.keys(world.model.one?.typeahead ?? {}).length === 0;
  return { world, View, hooks: world.hooks.filter((hook) => !UNREAD_HOOKS.has(hook)), terms: new Map(), batchable };
}

/**
 * The parse of one term string (`splitTerms` gives the word with the marks and spaces after it,
 * «shops. »), as compromise's `fromString` makes it: `splitWhitespace`, then the normal form
 * (`compute.normal`, the function `fromString` runs on each term). Both read only the string and
 * the model, which soz never changes, so the parse is remembered per string: a text repeats its
 * words, and a tenth of every tagging was this parse (round 15).
 */
function parsedTerm(tagging: TaggingSteps, raw: string): ParsedTerm {
  const known = tagging.terms.get(raw);
  if (known !== undefined) return known;
  const term = tagging.world.methods.one.tokenize.splitWhitespace(raw, tagging.world.model);
  tagging.world.compute.normal(new tagging.View([[term]]));
  const parsed: ParsedTerm = { text: term.text, pre: term.pre, post: term.post, normal: (term as { normal?: string }).normal ?? '' };
  if (tagging.terms.size >= TERM_MEMO_LIMIT) tagging.terms.clear();
  tagging.terms.set(raw, parsed);
  return parsed;
}

/**
 * compromise's `fromString(text)` (its tokenize/methods/parse.js): the sentences, each split into
 * term strings, each term parsed — here from the memo of {@link parsedTerm}. Every term is a new
 * object with the fields in the order `fromString` gives them (text, pre, post, tags, normal):
 * the hooks change terms in place. `english-tagger.test.ts` compares it with `fromString`.
 */
export function tokenizeEnglish(text: string): unknown[][] {
  steps ??= taggingSteps();
  const tagging = steps;
  const { splitSentences, splitTerms } = tagging.world.methods.one.tokenize;
  return splitSentences(text, tagging.world).map((sentence) =>
    splitTerms(sentence, tagging.world.model).map((raw) => {
      const { text: word, pre, post, normal } = parsedTerm(tagging, raw);
      return { text: word, pre, post, tags: new Set<string>(), normal };
    }),
  );
}

/**
 * The tagged compromise document of `text`: what compromise's `nlp(text)` gives, made the same way
 * (the text tokenized into a document, then its hooks in order) but for the chunker. A text tagged
 * by {@link prepareEnglish} and not yet asked for is given its document from that batch.
 */
export function tagEnglish(text: string): TaggedDocument {
  steps ??= taggingSteps();
  const batched = prepared.get(text);
  if (batched !== undefined) {
    prepared.delete(text);
    return batched;
  }
  const doc = new steps.View(text === '' ? [] : tokenizeEnglish(text));
  if (text !== '') doc.compute(steps.hooks as string[]);
  return doc;
}

/** Documents of texts tagged by {@link prepareEnglish}, each given once by {@link tagEnglish}. */
let prepared = new Map<string, TaggedDocument>();

/**
 * Texts tagged in one pass of the hooks: enough to share it, few enough to keep the pass's terms in
 * the processor's caches. 128 (round 18; 32 before): CPU per text of the hooks over 2,000 windows
 * of the generated export, medians of 7 rounds, 28 texts a batch 244–293 µs, 64: 210–291, 128:
 * 219–268, 256: 232–246 (two runs, sizes in opposite orders; load 18–20).
 */
const BATCH_TEXTS = 128;

/**
 * Tags `texts` together and keeps each one's document for {@link tagEnglish}, which gives it
 * instead of tagging the text alone (the documents kept from the call before are dropped). The
 * hooks then run once over the sentences of many texts: about a fifth less CPU per text (round 16).
 * Each document is the one `tagEnglish` makes alone, by construction: every text is tokenized
 * alone, so the batch is the texts' sentences one after the other, the same term objects; and
 * every hook but one reads and tags within a sentence or a clause of it (compromise 14's
 * contractions, lexicon, pre-tagger, second contractions and post-tagger loop over sentences or
 * clauses; the post-tagger's and left-right matches are gathered per clause before any is applied,
 * so a sentence's own come in its own order). The one that reads across sentences, `typeahead`
 * (the document's last word), does nothing without a typeahead lexicon, which soz never adds: with
 * one the texts are not batched. The `index` the batch gives each term (sentence, term) is made
 * again within its text; `id` is random in every tagging (soz reads none).
 * `english-tagger.test.ts` compares batched and lone documents field by field.
 */
export function prepareEnglish(texts: readonly string[]): void {
  prepared = new Map();
  // No text, no tagger loaded: a case without English imperative windows never pays for it.
  if (texts.length === 0) return;
  steps ??= taggingSteps();
  if (!steps.batchable) return;
  const distinct = [...new Set(texts)].filter((text) => text !== '');
  for (let from = 0; from < distinct.length; from += BATCH_TEXTS) {
    const batch = distinct.slice(from, from + BATCH_TEXTS).map((text) => ({ text, sentences: tokenizeEnglish(text) }));
    new steps.View(batch.flatMap(({ sentences }) => sentences)).compute(steps.hooks as string[]);
    for (const { text, sentences } of batch) {
      const doc = new steps.View(sentences);
      doc.compute('index');
      prepared.set(text, doc);
    }
  }
}

/** Path of the prebuilt tagger under the project root `root`. */
export function englishTaggerPath(root: string): string {
  return join(root, DATA_CACHE_DIR, 'english-tagger.js');
}

/** The `package.json` of the installed compromise (its CommonJS entry is `builds/three/…`). */
function compromisePackageFile(): string {
  return join(dirname(require.resolve('compromise')), '..', '..', 'package.json');
}

/**
 * The key a prebuilt tagger must carry to be used with the installed compromise: the SHA-256 of
 * its `package.json` (name, exact version, entry points); null when it cannot be read.
 */
export function englishTaggerKey(): string | null {
  try {
    return sha256(readFileSync(compromisePackageFile()));
  } catch {
    return null;
  }
}

/** The version of the installed compromise, for the prebuilt tagger's header. */
export function compromiseVersion(): string {
  return (JSON.parse(readFileSync(compromisePackageFile(), 'utf8')) as { version: string }).version;
}

/** The text of a prebuilt tagger file holding the CommonJS script `body` under `key`. */
export function englishTaggerText(key: string, body: string): string {
  return `//${JSON.stringify({ key, bodySha256: sha256(body), compromise: compromiseVersion() })}\n${body}`;
}

/**
 * The prebuilt tagger under `root` when it carries `key` and its body is intact; undefined
 * otherwise (no file, another compromise, a damaged body: the caller loads the package).
 */
export function loadPrebuiltEnglishTagger(root: string, key: string | null = englishTaggerKey()): EnglishTagger | undefined {
  const path = englishTaggerPath(root);
  const verified = verifiedBody(path, key);
  return verified && runPrebuilt(path, verified.body, codeCache(root, verified.bodySha256), prebuiltNets(root, verified.bodySha256)).tagger;
}

/** The body of the prebuilt tagger at `path` and its SHA-256, when its header carries `key` and that SHA-256; undefined otherwise. */
function verifiedBody(path: string, key: string | null): { readonly body: string; readonly bodySha256: string } | undefined {
  if (key === null) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (!text.startsWith('//') || newline < 0) return undefined;
  const body = text.slice(newline + 1);
  const bodySha256 = sha256(body);
  try {
    const header = JSON.parse(text.slice(2, newline)) as { key?: unknown; bodySha256?: unknown };
    return header.key === key && header.bodySha256 === bodySha256 ? { body, bodySha256 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The prebuilt tagger's script compiled (with V8's code cache `cachedData` when given) and run.
 * `nets`: the match nets its postTagger takes instead of compiling them, and where it puts those it
 * compiles (`scripts/build-english-tagger.mjs`, `postTaggerModule`).
 */
function runPrebuilt(path: string, body: string, cachedData: Buffer | undefined, nets: MatchNets): { readonly script: Script; readonly tagger: EnglishTagger | undefined } {
  const module = { exports: {} as { default?: EnglishTagger } };
  const script = new Script(`(function (module, exports, sozPrebuiltNets) {${body}\n})`, { filename: path, ...(cachedData ? { cachedData } : {}) });
  const run = script.runInThisContext() as (m: typeof module, e: typeof module.exports, n: MatchNets) => void;
  run(module, module.exports, nets);
  return { script, tagger: module.exports.default };
}

/** Path of V8's code cache of the prebuilt tagger under the project root `root`. */
export function englishTaggerCodeCachePath(root: string): string {
  return join(root, DATA_CACHE_DIR, 'english-tagger.v8cache');
}

/** The header line of a file made for the tagger body whose SHA-256 is `bodySha256`, under this V8 (code cache, match nets). */
function codeCacheHeader(bodySha256: string): string {
  return `${JSON.stringify({ bodySha256, v8: process.versions.v8 })}\n`;
}

/** The bytes after the header of the file at `path` when it was made for this body under this V8; undefined otherwise. */
function madeForBody(path: string, bodySha256: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const header = Buffer.from(codeCacheHeader(bodySha256));
  return file.length > header.length && file.subarray(0, header.length).equals(header) ? file.subarray(header.length) : undefined;
}

/** V8's code cache of the prebuilt tagger, when it was made for this body under this V8; undefined otherwise. */
function codeCache(root: string, bodySha256: string): Buffer | undefined {
  return madeForBody(englishTaggerCodeCachePath(root), bodySha256);
}

/**
 * compromise's two compiled match nets (its post-tagger's rules and their second pass), as its
 * `buildNet` makes them: plain data — objects, arrays, sets, regular expressions — whose `index`
 * and `hookOrder` are objects without a prototype (a word such as "constructor" is no key of them).
 */
interface MatchNets {
  net?: { index?: object; hookOrder?: object };
  secondNet?: { index?: object; hookOrder?: object };
}

/** Path of the prebuilt tagger's compiled match nets under the project root `root`. */
export function englishTaggerNetsPath(root: string): string {
  return join(root, DATA_CACHE_DIR, 'english-tagger.nets');
}

/**
 * The match nets the prebuilt tagger compiled at the build (V8's serialisation: same sets,
 * expressions and shared objects), when made for this body under this V8 and readable; an empty
 * holder otherwise (the tagger compiles them on its first tagging, as the package does).
 */
function prebuiltNets(root: string, bodySha256: string): MatchNets {
  const bytes = madeForBody(englishTaggerNetsPath(root), bodySha256);
  if (bytes === undefined) return {};
  let nets: MatchNets;
  try {
    nets = deserialize(bytes) as MatchNets;
  } catch {
    return {};
  }
  if (nets.net === undefined || nets.secondNet === undefined) return {};
  // V8's serialisation gives every object Object.prototype: buildNet made these two without one.
  for (const net of [nets.net, nets.secondNet]) for (const part of [net.index, net.hookOrder]) if (part !== undefined) Object.setPrototypeOf(part, null);
  return nets;
}

/**
 * The text of the prebuilt tagger's match nets under `root` (its header and V8's serialisation of
 * both nets), compiled by the tagger itself while `warmUp` tags with it. Undefined when there is no
 * intact prebuilt tagger for `key` or it compiled no nets.
 */
export function englishTaggerNets(root: string, key: string | null, warmUp: (tagger: EnglishTagger) => void): Buffer | undefined {
  const path = englishTaggerPath(root);
  const verified = verifiedBody(path, key);
  if (verified === undefined) return undefined;
  const nets: MatchNets = {};
  const { tagger } = runPrebuilt(path, verified.body, undefined, nets);
  if (tagger === undefined) return undefined;
  warmUp(tagger);
  if (nets.net === undefined || nets.secondNet === undefined) return undefined;
  return Buffer.concat([Buffer.from(codeCacheHeader(verified.bodySha256)), serialize(nets)]);
}

/**
 * The text of V8's code cache of the prebuilt tagger under `root` (its header and V8's bytes),
 * made after `warmUp` has run with the tagger: call it in a process with the flags soz runs with
 * (`scripts/build-english-tagger.mjs`). Undefined when there is no intact prebuilt tagger for `key`.
 */
export function englishTaggerCodeCache(root: string, key: string | null, warmUp: (tagger: EnglishTagger) => void): Buffer | undefined {
  const path = englishTaggerPath(root);
  const verified = verifiedBody(path, key);
  if (verified === undefined) return undefined;
  const { script, tagger } = runPrebuilt(path, verified.body, undefined, prebuiltNets(root, verified.bodySha256));
  if (tagger === undefined) return undefined;
  warmUp(tagger);
  return Buffer.concat([Buffer.from(codeCacheHeader(verified.bodySha256)), script.createCachedData()]);
}
