/**
 * The lab's list of organisations banned by courts: its format, its import from YAML or CSV with
 * problems naming the file and the row, and the search for its names in the documents. The lab
 * keeps the list itself (soz ships no real names); `soz lists import` records it in a case.
 * Names are found over the language layer's matching keys (homoglyphs folded, lower case,
 * Cyrillic and Latin meeting in one transliteration key), so a name is found in either script
 * and in Uzbek written either way; a word of five letters or more may differ in its last two
 * (an inflected name: «Братства» for «Братство»). Pure: the text comes in, findings go out.
 */
import { parseYaml } from '../core/yaml.js';
import { z } from 'zod';
import { isoDateTimeProblem } from '../core/calendar.js';
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { contextAround, findingId, placeOfRange } from '../core/finding.js';
import { LEXICON_LANGUAGES } from './lexicon-codes.js';
import { matchWords } from './reuse/words.js';

/** Schema tag of a list as soz keeps it. */
export const ORG_LIST_SCHEMA = 'soz.org-list/1';
/** Analysis name of the findings of names on the list. */
export const ORG_LIST_ANALYSIS = 'org-list';
/** Version of the matching; bump when what is found changes. */
export const ORG_LIST_VERSION = '1.0.0';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((value) => isoDateTimeProblem(value) === null, 'not a calendar date');

/** One organisation: its names per language (any script), abbreviations, and the decision. */
const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case Latin letters, digits and hyphens'),
  /** Full names and their variants (transliterations, other spellings) per language code. */
  names: z.partialRecord(z.enum(LEXICON_LANGUAGES), z.array(nonEmpty).min(1)),
  /** Abbreviations in any language and script, matched as whole words. */
  abbreviations: z.array(nonEmpty).default([]),
  court: nonEmpty,
  decisionNumber: nonEmpty,
  decisionDate: isoDate,
  note: z.string().default(''),
});

/** The list file: name, version and date of the last update, and the entries. */
export const orgListSchema = z.strictObject({
  schema: z.literal(ORG_LIST_SCHEMA).default(ORG_LIST_SCHEMA),
  name: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use MAJOR.MINOR.PATCH'),
  updated: isoDate,
  entries: z.array(entrySchema),
});

/** A validated list. */
export type OrgList = z.infer<typeof orgListSchema>;
export type OrgListEntry = OrgList['entries'][number];

/** The list's header when read from CSV, which holds only the entries. */
export interface OrgListHeader {
  readonly name?: string;
  readonly version?: string;
  readonly updated?: string;
}

/** The columns of a CSV list, one row per name: `language` is a language code or `abbreviation`. */
export const ORG_LIST_CSV_COLUMNS = ['id', 'language', 'name', 'court', 'decision_number', 'decision_date', 'note'] as const;

/** Result of reading a list: the list, or the first problems, each naming the file and the place. */
export type OrgListRead = { readonly list: OrgList; readonly problems: readonly [] } | { readonly list: null; readonly problems: readonly string[] };

function validated(file: string, raw: unknown, where: (path: readonly PropertyKey[]) => string): OrgListRead {
  const parsed = orgListSchema.safeParse(raw);
  if (!parsed.success) return { list: null, problems: parsed.error.issues.map((issue) => `${file}: ${where(issue.path)}: ${issue.message}`) };
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const [index, entry] of parsed.data.entries.entries()) {
    if (seen.has(entry.id)) problems.push(`${file}: ${where(['entries', index, 'id'])}: id ${entry.id} is used twice; give each organisation its own id`);
    seen.add(entry.id);
    if (Object.keys(entry.names).length === 0 && entry.abbreviations.length === 0) problems.push(`${file}: ${where(['entries', index, 'names'])}: give at least one name or abbreviation`);
  }
  const sorted = { ...parsed.data, entries: [...parsed.data.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  return problems.length > 0 ? { list: null, problems } : { list: sorted, problems: [] };
}

/** Reads a list written in YAML (the format of `orgListSchema`). */
export function readOrgListYaml(file: string, text: string): OrgListRead {
  let raw: unknown;
  try {
    raw = parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    return { list: null, problems: [`${file}: not valid YAML (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`] };
  }
  return validated(file, raw, (path) => path.map(String).join('.') || '(file)');
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/**
 * Reads a list written as CSV (columns {@link ORG_LIST_CSV_COLUMNS}, one row per name or
 * abbreviation, rows of one organisation sharing its id and decision); the header comes from the
 * caller. Problems name the row (1-based, the header is row 1).
 */
export function readOrgListCsv(file: string, text: string, header: OrgListHeader): OrgListRead {
  const [head, ...rows] = parseCsv(text);
  const columns = (head ?? []).map((cell) => cell.trim());
  const missing = ORG_LIST_CSV_COLUMNS.filter((column) => column !== 'note' && !columns.includes(column));
  if (missing.length > 0) return { list: null, problems: [`${file}: row 1: the header lacks the column(s) ${missing.join(', ')}; the columns are ${ORG_LIST_CSV_COLUMNS.join(',')}`] };
  const rowOf = new Map<string, number>();
  const entries = new Map<string, Record<string, unknown> & { names: Record<string, string[]>; abbreviations: string[] }>();
  const problems: string[] = [];
  rows.forEach((cells, index) => {
    const rowNumber = index + 2;
    const cell = (column: string) => (cells[columns.indexOf(column)] ?? '').trim();
    const id = cell('id');
    const language = cell('language');
    if (language !== 'abbreviation' && !(LEXICON_LANGUAGES as readonly string[]).includes(language)) {
      problems.push(`${file}: row ${rowNumber}: language "${language}": use one of ${LEXICON_LANGUAGES.join(', ')} or abbreviation`);
      return;
    }
    const decision = { court: cell('court'), decisionNumber: cell('decision_number'), decisionDate: cell('decision_date') };
    let entry = entries.get(id);
    if (!entry) {
      entry = { id, ...decision, note: cell('note'), names: {}, abbreviations: [] };
      entries.set(id, entry);
      rowOf.set(id, rowNumber);
    } else if (entry['court'] !== decision.court || entry['decisionNumber'] !== decision.decisionNumber || entry['decisionDate'] !== decision.decisionDate) {
      problems.push(`${file}: row ${rowNumber}: the decision differs from row ${rowOf.get(id)} of the same id ${id}; one organisation has one decision per id`);
    }
    if (language === 'abbreviation') entry.abbreviations.push(cell('name'));
    else (entry.names[language] ??= []).push(cell('name'));
  });
  if (problems.length > 0) return { list: null, problems };
  const ids = [...entries.keys()];
  return validated(file, { schema: ORG_LIST_SCHEMA, ...header, entries: [...entries.values()] }, (path) =>
    path[0] === 'entries' && typeof path[1] === 'number' ? `row ${rowOf.get(ids[path[1]]!)} (${path.slice(2).map(String).join('.')})` : path.map(String).join('.') || '(file)',
  );
}

/** How many names and abbreviations the list has per language (`abbreviation` for those). */
export function namesPerLanguage(list: OrgList): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(LEXICON_LANGUAGES.map((language) => [language, 0]));
  counts['abbreviation'] = 0;
  for (const entry of list.entries) {
    for (const [language, names] of Object.entries(entry.names)) counts[language]! += names.length;
    counts['abbreviation']! += entry.abbreviations.length;
  }
  return counts;
}

/** Two word keys name the same word: equal, or (five letters and more) equal but for the ending. */
function sameNameWord(name: string, text: string, exact: boolean): boolean {
  if (exact || name.length < 5) return name === text;
  const stem = name.slice(0, name.length - 2);
  return text.startsWith(stem) && text.length <= name.length + 3;
}

const CONTEXT_CHARS = 60;

/**
 * A search for the list's names, prepared once for a whole run (the names' matching keys and the
 * word-key cache are shared by every document): given a document, every place where a name or
 * abbreviation of the list occurs, as a candidate finding citing the list's version and the court
 * decision. Overlapping hits of one entry keep the longest; sorted by offset.
 */
export function orgNameFinder(list: OrgList): (doc: SozDocument) => Finding[] {
  const cache = new Map<string, string>();
  const patterns = list.entries.flatMap((entry) => [
    ...Object.values(entry.names).flatMap((names) => names.map((name) => ({ entry, name, keys: matchWords(name, cache).keys, exact: false }))),
    ...entry.abbreviations.map((name) => ({ entry, name, keys: matchWords(name, cache).keys, exact: true })),
  ]);
  return (doc) => {
    const findings: Finding[] = [];
    const words = matchWords(doc.text, cache);
    const hits: { entry: OrgListEntry; name: string; range: [number, number] }[] = [];
    for (const pattern of patterns) {
      if (pattern.keys.length === 0) continue;
      for (let at = 0; at + pattern.keys.length <= words.keys.length; at++) {
        if (!pattern.keys.every((key, i) => sameNameWord(key, words.keys[at + i]!, pattern.exact))) continue;
        hits.push({ entry: pattern.entry, name: pattern.name, range: [words.starts[at]!, words.ends[at + pattern.keys.length - 1]!] });
      }
    }
    hits.sort((a, b) => b.range[1] - b.range[0] - (a.range[1] - a.range[0]) || a.range[0] - b.range[0]);
    const kept: typeof hits = [];
    for (const hit of hits) if (!kept.some((other) => other.entry === hit.entry && other.range[0] < hit.range[1] && hit.range[0] < other.range[1])) kept.push(hit);
    for (const hit of kept.sort((a, b) => a.range[0] - b.range[0] || (a.entry.id < b.entry.id ? -1 : 1))) {
      const place = placeOfRange(doc, hit.range);
      if (place === null) continue;
      const ruleId = `list:${hit.entry.id}`;
      findings.push({
        id: findingId(ORG_LIST_ANALYSIS, ruleId, doc.id, hit.range),
        analysis: ORG_LIST_ANALYSIS,
        ruleId,
        category: 'banned-organisations',
        reason: `Name on the lab's list: ${hit.name}`,
        place,
        actual: doc.text.slice(hit.range[0], hit.range[1]),
        context: contextAround(doc.text, hit.range, CONTEXT_CHARS),
        voice: 'unknown',
        countervailing: [],
        ...(hit.entry.note !== '' ? { note: hit.entry.note } : {}),
        citation: { lexicon: list.name, lexiconVersion: `${list.version} (${list.updated})`, entryId: hit.entry.id, source: `${hit.entry.court}, ${hit.entry.decisionDate} No. ${hit.entry.decisionNumber}` },
        matched: { form: hit.name, rule: `${hit.entry.abbreviations.includes(hit.name) ? 'form' : 'variant'} ${hit.name}` },
      });
    }
    return findings;
  };
}
