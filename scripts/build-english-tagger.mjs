#!/usr/bin/env node
// Part of `npm run build` (through scripts/build-data-cache.mjs, after tsc): the English tagger with
// its part-of-speech model computed once, here, instead of on every run that meets English
// (src/language/english-tagger.ts says when soz uses it).
//
// compromise computes its tagger's model while the module `2-two/preTagger/model/index.js` is
// evaluated: it unpacks the packed lexicon, uncompresses the conjugation models and expands the
// lexicon (every verb conjugated, adjectives inflected, plurals added). This script evaluates that
// module as the package ships it, keeps the parts it computed as JSON, and bundles the package's
// own ES modules (src/three.js, what `require('compromise')` is built from) with esbuild, that one
// module replaced by one that takes the computed parts ready and every other part from the
// package's module as before. Nothing in node_modules is changed. Before writing, the assembled
// tagger is compared with `require('compromise')`: the whole model after every plugin (key order,
// regular expressions and all) and the tags and offsets of sample sentences; a difference stops the
// build.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { englishTaggerCodeCache, englishTaggerCodeCachePath, englishTaggerKey, englishTaggerNets, englishTaggerNetsPath, englishTaggerPath, englishTaggerText, loadPrebuiltEnglishTagger } from '../dist/language/english-tagger.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(here, 'package.json'));

/** Fictional sentences the assembled tagger must read as the package does (tags and offsets). */
export const SAMPLE_SENTENCES = [
  'Gather your brothers and burn their shops.',
  'Brothers, do not kill. He wrote: drive them out!',
  "Look, I don't know; the meeting moved to 9:30 on Tuesday, March 3rd.",
  'Storm damages roofs as attack helicopters flew over the 3 bridges.',
  "She's been running faster than the others couldn't've, wouldn't she?",
  'Dr. Smith paid $40.50 for twenty-two books in New York City #reading @friend :)',
];

/** compromise's package folder and the module whose evaluation computes the tagger's model. */
function compromisePaths() {
  const pkg = join(dirname(require.resolve('compromise')), '..', '..');
  return { pkg, entry: join(pkg, 'src', 'three.js'), tagger: join(pkg, 'src', '2-two', 'preTagger'), model: join(pkg, 'src', '2-two', 'preTagger', 'model'), postTagger: join(pkg, 'src', '2-two', 'postTagger', 'compute', 'index.js') };
}

/**
 * The package's postTagger/compute/index.js with its two match nets open to the loader: compromise
 * compiles its match rules into them (`buildNet`, about 150 ms) on the first tagging and keeps
 * them in the module. Here a net given in `sozPrebuiltNets` (an argument of the function
 * `english-tagger.ts` wraps the script in) is taken instead of compiling, and a net compiled is
 * put there, so the build can keep the nets the tagger itself compiled (`englishTaggerNets`).
 * Nothing else of the module changes; a package whose text differs stops the build.
 */
function postTaggerModule(text) {
  const replacements = [
    ['let net = null\nlet secondNet = null\n', "// soz: the nets may be given compiled (scripts/build-english-tagger.mjs).\nconst sozNets = typeof sozPrebuiltNets === 'object' && sozPrebuiltNets !== null ? sozPrebuiltNets : {}\nlet net = sozNets.net ?? null\nlet secondNet = sozNets.secondNet ?? null\n"],
    ['  secondNet ||= methods.one.buildNet(secondPassRules, world)\n', '  secondNet ||= methods.one.buildNet(secondPassRules, world)\n  sozNets.secondNet = secondNet\n'],
    ['  net ||= methods.one.buildNet(model.two.matches, world)\n', '  net ||= methods.one.buildNet(model.two.matches, world)\n  sozNets.net = net\n'],
  ];
  return replacements.reduce((changed, [from, to]) => {
    if (!changed.includes(from)) throw new Error(`english tagger: compromise's postTagger/compute/index.js no longer holds «${from.trim()}»`);
    return changed.replace(from, to);
  }, text);
}

/**
 * The module put in place of preTagger/model/index.js: the same object, built in the same order,
 * its computed parts (`built`) ready and the others imported from the package's modules.
 */
function modelModule(built) {
  return `import irregularPlurals from './irregulars/plurals.js'
import frozenLex from './lexicon/frozenLex.js'
import clues from './clues/index.js'
import suffixPatterns from './patterns/suffixes.js'
import prefixPatterns from './patterns/prefixes.js'
import endsWith from './patterns/endsWith.js'
import neighbours from './patterns/neighbours.js'
import regexNormal from './regex/regex-normal.js'
import regexText from './regex/regex-text.js'
import regexNumbers from './regex/regex-numbers.js'
import orgWords from './orgWords.js'
import placeWords from './placeWords.js'
// Computed at build time by the package's own model/index.js (scripts/build-english-tagger.mjs).
const built = JSON.parse(${JSON.stringify(JSON.stringify(built))})
export default {
  one: { _multiCache: built._multiCache, lexicon: built.lexicon, frozenLex },
  two: { irregularPlurals, models: built.models, suffixPatterns, prefixPatterns, endsWith, neighbours, regexNormal, regexText, regexNumbers, switches: built.switches, clues, uncountable: built.uncountable, orgWords, placeWords },
}
`;
}

/** The assembled tagger's CommonJS text (strict, as the package's own builds are). */
async function bundle() {
  const paths = compromisePaths();
  const { default: model } = await import(pathToFileURL(join(paths.model, 'index.js')).href);
  const built = { lexicon: model.one.lexicon, _multiCache: model.one._multiCache, switches: model.two.switches, uncountable: model.two.uncountable, models: model.two.models };
  const prebuiltModel = {
    name: 'prebuilt-english-model',
    setup(build) {
      build.onResolve({ filter: /^\.\/model\/index\.js$/ }, (args) => (args.importer === join(paths.tagger, 'plugin.js') ? { path: 'prebuilt-model', namespace: 'prebuilt' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'prebuilt' }, () => ({ contents: modelModule(built), resolveDir: paths.model, loader: 'js' }));
      build.onLoad({ filter: /postTagger[\\/]compute[\\/]index\.js$/ }, (args) =>
        args.path === paths.postTagger ? { contents: postTaggerModule(readFileSync(args.path, 'utf8')), resolveDir: dirname(args.path), loader: 'js' } : undefined,
      );
    },
  };
  const result = await esbuild.build({
    entryPoints: [paths.entry],
    absWorkingDir: here,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: '"use strict";' },
    legalComments: 'inline',
    write: false,
    logLevel: 'silent',
    plugins: [prebuiltModel],
  });
  return result.outputFiles[0].text;
}

/** A value as comparable text: key order kept; expressions, sets, functions and undefined named. */
export function fingerprint(value) {
  return JSON.stringify(value, (key, v) => {
    if (v instanceof RegExp) return { regexp: String(v) };
    if (v instanceof Set) return { set: [...v] };
    if (v instanceof Map) return { map: [...v] };
    if (typeof v === 'function') return { function: true };
    if (v === undefined) return { undefined: true };
    return v;
  });
}

/**
 * What soz can read of the tagger's document of `text`: every term's text, spacing, normal form,
 * tags, chunk and offset (its `id` holds a random digit and is never read), less the fields named
 * in `unread` (`['chunk']` for soz's `tagEnglish`, which leaves the chunker out).
 */
export function taggerReading(nlp, text, unread = []) {
  const doc = nlp(text);
  doc.compute('offset');
  const read = (term) => {
    const copy = { ...term, id: undefined };
    // Deleted, not set to undefined: a field set later stands later in the key order.
    for (const field of unread) delete copy[field];
    return copy;
  };
  return fingerprint(doc.document.map((terms) => terms.map(read)));
}

/**
 * Why the assembled tagger `built` differs from the package's `nlp`; null when it does not. Both
 * must be unused: the first tagging parses the match rules into the model.
 */
export function taggerDifference(built, nlp, sentences = SAMPLE_SENTENCES) {
  const [a, b] = [built._world, nlp._world];
  if (fingerprint(a.model) !== fingerprint(b.model)) return 'the model after every plugin differs';
  if (fingerprint(a.hooks) !== fingerprint(b.hooks)) return 'the hooks differ';
  for (const part of ['methods', 'compute']) if (fingerprint(a[part]) !== fingerprint(b[part])) return `the ${part} differ`;
  const sentence = sentences.find((text) => taggerReading(built, text) !== taggerReading(nlp, text));
  return sentence === undefined ? null : `the tags of «${sentence}» differ`;
}

/**
 * Writes the prebuilt tagger under the project root `root` (dist/data-cache/english-tagger.js) and
 * returns its path; throws, writing nothing, when the assembled tagger differs from the package's.
 */
export async function writeEnglishTagger(root) {
  const key = englishTaggerKey();
  if (key === null) throw new Error('english tagger: the installed compromise cannot be identified');
  const path = englishTaggerPath(root);
  rmSync(path, { force: true });
  rmSync(englishTaggerCodeCachePath(root), { force: true });
  rmSync(englishTaggerNetsPath(root), { force: true });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, englishTaggerText(key, await bundle()));
  const built = loadPrebuiltEnglishTagger(root, key);
  const difference = built === undefined ? 'it does not load' : taggerDifference(built, freshPackage());
  if (difference !== null) {
    rmSync(path, { force: true });
    throw new Error(`english tagger: the assembled compromise is not the package's (${difference}); none written`);
  }
  writeNets(root, key);
  writeCodeCacheAsSozRuns(root);
  return path;
}

/** compromise loaded afresh: its first tagging compiles its match rules in its model, so a used one differs. */
export function freshPackage() {
  delete require.cache[require.resolve('compromise')];
  return require('compromise');
}

/**
 * The match nets the prebuilt tagger compiles on its first tagging, kept beside it
 * (english-tagger.nets), then the tagger that takes them compared with the package again. Speed
 * only: if they cannot be made, or the comparison fails, none are written and each run compiles
 * them as before.
 */
function writeNets(root, key) {
  const nets = englishTaggerNets(root, key, (nlp) => nlp(SAMPLE_SENTENCES[0]));
  if (nets === undefined) return console.warn('english tagger: no prebuilt match nets (the tagger compiled none)');
  writeFileSync(englishTaggerNetsPath(root), nets);
  const difference = taggerDifference(loadPrebuiltEnglishTagger(root, key), freshPackage());
  if (difference === null) return undefined;
  rmSync(englishTaggerNetsPath(root), { force: true });
  return console.warn(`english tagger: no prebuilt match nets (with them, ${difference})`);
}

/**
 * V8's code cache of the tagger just written, made in a child process with the V8 flags every soz
 * command sets first (its heap policy): V8 refuses a cache made under other flags. Speed only; if
 * it cannot be made, soz compiles the tagger from its text as before.
 */
function writeCodeCacheAsSozRuns(root) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--code-cache', root], { encoding: 'utf8' });
  if (child.status !== 0) console.warn(`english tagger: no code cache (${(child.stderr || child.stdout).trim()})`);
}

/** The child's part: the heap policy of `soz`, the sample sentences tagged, then the cache written. */
async function writeCodeCache(root) {
  const { useHeapPolicy } = await import('../dist/cli/heap-policy.js');
  useHeapPolicy('analysis');
  const cache = englishTaggerCodeCache(root, englishTaggerKey(), (nlp) => {
    for (const sentence of SAMPLE_SENTENCES) nlp(sentence).compute('offset');
  });
  if (cache === undefined) throw new Error('the prebuilt tagger does not load');
  writeFileSync(englishTaggerCodeCachePath(root), cache);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] === '--code-cache') await writeCodeCache(process.argv[3]);
  else console.log(`data cache: ${relative(here, await writeEnglishTagger(here))}`);
}
