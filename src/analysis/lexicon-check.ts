/**
 * Pure validation of lexicon files: parse YAML text, apply the schema, then the rules a schema
 * cannot express (ids, sources, one matching method per entry, category-specific fields).
 * Every problem names the file, the entry and the fix.
 */
import { parseYaml } from '../core/yaml.js';
import type { LexiconEntry, LexiconFile } from './lexicon-schema.js';
import { ENTRY_SLUG, LEXICON_CATEGORIES, SUBCATEGORIES, lexiconFileSchema } from './lexicon-schema.js';
import { LEXICON_LANGUAGES } from './lexicon-codes.js';

/** A validated lexicon with the path (relative to the project root, `/`-separated) it came from. */
export interface Lexicon extends LexiconFile {
  readonly path: string;
}

/** Result of checking one file: the lexicon when sound, else the problems. */
export interface LexiconCheck {
  readonly lexicon?: Lexicon;
  readonly problems: string[];
}

/**
 * Parses and checks one lexicon file. `path` is relative to the project root and must look like
 * `sop/lexicons/<language>/<category>.yaml`.
 */
export function checkLexiconText(path: string, text: string): LexiconCheck {
  const problems: string[] = [];
  const where = (entry?: string): string => (entry ? `${path}: entry ${entry}:` : `${path}:`);
  const match = /(?:^|\/)([^/]+)\/([^/]+)\.yaml$/.exec(path);
  const dirLanguage = match?.[1];
  const fileCategory = match?.[2];
  if (!dirLanguage || !(LEXICON_LANGUAGES as readonly string[]).includes(dirLanguage)) {
    problems.push(`${where()} unknown language folder "${dirLanguage ?? ''}" — fix: move the file under one of ${LEXICON_LANGUAGES.join(', ')}`);
  }
  if (!fileCategory || !(LEXICON_CATEGORIES as readonly string[]).includes(fileCategory)) {
    problems.push(`${where()} unknown category file name "${fileCategory ?? ''}" — fix: name the file after one of ${LEXICON_CATEGORIES.join(', ')}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push(`${where()} malformed YAML: ${message} — fix: correct the YAML syntax at that line`);
    return { problems };
  }
  const parsed = lexiconFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const entryIndex = issue.path[0] === 'entries' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      const entryId = entryIndex !== undefined ? entryIdAt(raw, entryIndex) : undefined;
      const dotted = issue.path.join('.');
      problems.push(`${where(entryId)} ${dotted || '(file)'}: ${issue.message} — fix: ${fixFor(issue.code, dotted)}`);
    }
    return { problems };
  }
  const file = parsed.data;
  if (dirLanguage && file.language !== dirLanguage) {
    problems.push(`${where()} header language "${file.language}" differs from folder "${dirLanguage}" — fix: make them equal`);
  }
  if (fileCategory && file.category !== fileCategory) {
    problems.push(`${where()} header category "${file.category}" differs from file name "${fileCategory}" — fix: make them equal`);
  }
  if (file.lexicon !== `${file.language}.${file.category}`) {
    problems.push(`${where()} lexicon id "${file.lexicon}" — fix: set lexicon: ${file.language}.${file.category}`);
  }
  if (file.needsLabUpdate && !file.instructions) {
    problems.push(`${where()} needsLabUpdate without instructions — fix: add instructions saying how the lab fills the file`);
  }
  const sourceIds = new Set<string>();
  for (const source of file.sources) {
    if (sourceIds.has(source.id)) problems.push(`${where()} duplicate source id "${source.id}" — fix: give each source its own id`);
    sourceIds.add(source.id);
  }
  if (file.concern !== undefined) {
    if (file.category !== 'call-to-action') problems.push(`${where()} concern is only for call-to-action lexicons — fix: remove it`);
    if (!sourceIds.has(file.concern.source)) problems.push(`${where()} concern.source "${file.concern.source}" is not in the file's sources — fix: add it to sources or use one of ${[...sourceIds].join(', ')}`);
  }
  const ids = new Set<string>();
  const matchKeys = new Map<string, string>();
  for (const entry of file.entries) {
    problems.push(...checkEntry(file, entry, sourceIds).map((p) => `${where(entry.id)} ${p}`));
    if (ids.has(entry.id)) problems.push(`${where(entry.id)} duplicate id — fix: give the entry a new slug (never reuse or renumber ids)`);
    ids.add(entry.id);
    for (const key of matchKeysOf(entry)) {
      const other = matchKeys.get(key);
      if (other !== undefined && other !== entry.id) {
        problems.push(`${where(entry.id)} duplicate of ${other} (${key}) — fix: merge the two entries or delete one`);
      }
      matchKeys.set(key, entry.id);
    }
  }
  return problems.length > 0 ? { problems } : { lexicon: { ...file, path }, problems };
}

function checkEntry(file: LexiconFile, entry: LexiconEntry, sourceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const prefix = `${file.lexicon}.`;
  if (!entry.id.startsWith(prefix) || !ENTRY_SLUG.test(entry.id.slice(prefix.length))) {
    problems.push(`id must be "${prefix}<slug>" with a lower-case Latin slug — fix: rename to ${prefix}<slug> (ids are permanent: choose once)`);
  }
  if (entry.language !== file.language) problems.push(`language "${entry.language}" differs from the file's "${file.language}" — fix: move the entry to sop/lexicons/${entry.language}/`);
  if (entry.category !== file.category) problems.push(`category "${entry.category}" differs from the file's "${file.category}" — fix: move the entry to ${entry.category}.yaml`);
  if (!sourceIds.has(entry.source)) problems.push(`source "${entry.source}" is not in the file's sources — fix: add it to sources with its full citation or use one of ${[...sourceIds].join(', ')}`);
  const methods = (entry.lemma !== undefined ? 1 : 0) + (entry.forms !== undefined ? 1 : 0) + (entry.pattern !== undefined ? 1 : 0);
  if (methods === 0) problems.push('nothing to match — fix: give lemma, forms or pattern');
  if (entry.pattern !== undefined && methods > 1) problems.push('pattern together with lemma/forms — fix: split into two entries');
  if (entry.variants !== undefined && entry.lemma === undefined) problems.push('variants without lemma — fix: add the lemma the variants belong to');
  const allowed = SUBCATEGORIES[file.category];
  if (entry.subcategory !== undefined && !allowed.includes(entry.subcategory)) {
    problems.push(`subcategory "${entry.subcategory}" — fix: use one of ${allowed.join(', ') || '(none for this category)'}`);
  }
  if (file.category === 'context-markers') {
    if (entry.marker === undefined) problems.push(`context marker without marker kind — fix: add marker: reported | negation | conditional | scripture`);
    // The engine compiles a regex only as a scripture reference (the citation test); any other kind would never match.
    if (entry.pattern?.type === 'regex' && entry.marker !== undefined && entry.marker !== 'scripture') problems.push(`a regex pattern is read only for scripture markers, so this ${entry.marker} marker would never match — fix: give forms or a sequence pattern`);
  } else {
    if (entry.marker !== undefined || entry.position !== undefined) problems.push('marker/position are only for context-markers — fix: remove them');
    if (entry.pattern?.type === 'regex') problems.push('regex patterns are only for context-markers — fix: use a sequence pattern');
  }
  if (entry.subjectForms !== undefined) {
    if (file.category !== 'us-them') problems.push('subjectForms are only for us-them — fix: remove them');
    const forms = new Set(entry.forms ?? []);
    const strays = entry.subjectForms.filter((f) => !forms.has(f));
    if (strays.length > 0) problems.push(`subjectForms ${strays.join(', ')} are not among the entry's forms — fix: list them in forms too`);
  }
  if (entry.anaphoric !== undefined && file.category !== 'us-them') problems.push('anaphoric is only for us-them — fix: remove it');
  problems.push(...deadOnlyValues(entry));
  if (file.category === 'banned-organisations' && entry.legal === undefined) {
    problems.push('banned organisation without legal source — fix: add legal: {authority, decision, date, publishedIn}');
  }
  if (file.category !== 'banned-organisations' && entry.legal !== undefined) problems.push('legal is only for banned-organisations — fix: remove it');
  if (entry.pattern?.type === 'regex') {
    try {
      new RegExp(entry.pattern.regex, 'giu');
    } catch (error) {
      problems.push(`regex does not compile (${error instanceof Error ? error.message : String(error)}) — fix: correct the expression`);
    }
  }
  return problems;
}

/**
 * `only:` values of the entry's exclusions that name none of its lemma, variants or forms: the
 * matcher compares `only` with the word a rule was built from, never with the inflected word in
 * the text (slaughtered is matched by the lemma slaughter), so such a value never applies.
 */
function deadOnlyValues(entry: LexiconEntry): string[] {
  const origins = new Set([entry.lemma, ...(entry.variants ?? []), ...(entry.forms ?? [])].flatMap((w) => (w === undefined ? [] : [w.normalize('NFC').toLowerCase()])));
  const problems: string[] = [];
  for (const [i, exclusion] of (entry.exclusions ?? []).entries()) {
    const dead = (exclusion.only ?? []).filter((w) => !origins.has(w.normalize('NFC').toLowerCase()));
    if (dead.length > 0) problems.push(`exclusions.${i}.only: ${dead.join(', ')} ${dead.length === 1 ? 'is' : 'are'} none of the entry's lemma, variants or forms and never ${dead.length === 1 ? 'applies' : 'apply'} (only names the word a match was built from, not an inflected form) — fix: remove ${dead.length === 1 ? 'it' : 'them'} or name the lemma, variant or form instead`);
  }
  return problems;
}

function matchKeysOf(entry: LexiconEntry): string[] {
  const keys: string[] = [];
  const sub = entry.subcategory ?? '';
  for (const word of [entry.lemma, ...(entry.variants ?? [])]) if (word !== undefined) keys.push(`lemma "${word.toLowerCase()}" ${sub}`.trim());
  for (const form of entry.forms ?? []) keys.push(`form "${form.toLowerCase()}" ${sub}`.trim());
  return keys;
}

function entryIdAt(raw: unknown, index: number): string {
  const entries = (raw as { entries?: unknown[] } | null)?.entries;
  const entry = Array.isArray(entries) ? (entries[index] as { id?: unknown } | undefined) : undefined;
  return typeof entry?.id === 'string' ? entry.id : `#${index + 1}`;
}

function fixFor(code: string, path: string): string {
  if (code === 'invalid_type' && /\.source$/.test(path)) return 'add source: <id of a header source>';
  if (code === 'invalid_type') return `add or correct ${path || 'the field'}`;
  if (code === 'unrecognized_keys') return 'remove the unknown field or correct its spelling';
  if (code === 'invalid_value') return `use one of the allowed values for ${path}`;
  return `correct ${path || 'the file'} as the message says`;
}
