/**
 * The generated table of all lexicon entries (`docs/lexicons.md`). A test asserts that the
 * committed file equals what this function produces, so the docs cannot drift from the data.
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { Lexicon } from './lexicon-check.js';
import type { LexiconEntry } from './lexicon-schema.js';

/** Path of the generated table, relative to the project root. */
export const LEXICON_DOCS_PATH = 'docs/lexicons.md';

function cell(value: string | undefined): string {
  return (value ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

function matchOf(entry: LexiconEntry): string {
  if (entry.pattern?.type === 'regex') return `regex \`${entry.pattern.regex.replace(/`/g, "'")}\``;
  if (entry.pattern?.type === 'sequence') {
    const items = entry.pattern.items.map((t) => {
      const parts: string[] = [];
      if (t.lemma) parts.push(`lemma ${t.lemma}`);
      if (t.words) parts.push(t.words.join('/'));
      if (t.prefixes) parts.push(`${t.prefixes.join('/')}…`);
      if (t.suffixes) parts.push(`…-${t.suffixes.join('/-')}`);
      if (t.wordClass) parts.push(`${t.wordClass} (word class)${t.knownVerbs ? `, also ${t.knownVerbs.join('/')}` : ''}`);
      if (t.grammemes) parts.push(`(${t.grammemes.join(',')}${t.requireDictionary ? ', dictionary words only' : ' when in the dictionary'})`);
      return parts.join(' ');
    });
      const except = (entry.exclusions ?? []).map((x) => x.note);
    return `${entry.pattern.sentenceInitial ? 'sentence start: ' : ''}${entry.pattern.onlyAfter ? `after ${entry.pattern.onlyAfter.join('/')}: ` : ''}${entry.pattern.afterComma === true ? 'after a comma: ' : ''}${items.join(entry.pattern.acrossDash === true ? ' + (—) + ' : ' + ')}${entry.pattern.addressed ? ' + comma or !' : ''}${entry.pattern.beforeComma === true ? ' + comma' : ''}${entry.pattern.commaThen !== undefined ? ` + comma + ${entry.pattern.commaThen.join('/')}` : ''}${except.length > 0 ? `; except: ${except.join(' ')}` : ''}`;
  }
  const words = [entry.lemma, ...(entry.variants ?? [])].filter((w): w is string => w !== undefined);
  const forms = entry.forms ?? [];
  // Russian words the dictionary knows match by lexeme; everything else by stem.
  const how = entry.language === 'ru' ? 'lexeme (else stem) of' : 'stem of';
  const matches = [words.length ? `${how} ${words.join(', ')}` : '', forms.length ? `forms ${forms.join(', ')}` : ''].filter(Boolean).join('; ');
  const except = (entry.exclusions ?? []).map((x) => x.note);
  return except.length > 0 ? `${matches}; except: ${except.join(' ')}` : matches;
}

/** Markdown table of every entry, grouped by file, with a summary of counts per category × language. */
export function lexiconTable(lexicons: readonly Lexicon[]): string {
  const sorted = [...lexicons].sort((a, b) => compareCodeUnits(a.path, b.path));
  const lines: string[] = [
    '# Lexicons',
    '',
    '<!-- Generated from sop/lexicons by lexiconTable() in src/analysis/lexicon-docs.ts. Do not edit by hand. -->',
    '',
    'Every match is a *candidate for the examiner*, never a conclusion. Entries are neutral dictionary',
    'vocabulary or morphological rules, each with its published source.',
    '',
  ];
  const languages = [...new Set(sorted.map((l) => l.language))].sort(compareCodeUnits);
  const categories = [...new Set(sorted.map((l) => l.category))].sort(compareCodeUnits);
  lines.push(`| category | ${languages.join(' | ')} |`, `|---|${languages.map(() => '---:').join('|')}|`);
  for (const category of categories) {
    const counts = languages.map((language) => String(sorted.filter((l) => l.language === language && l.category === category).reduce((n, l) => n + l.entries.length, 0)));
    lines.push(`| ${category} | ${counts.join(' | ')} |`);
  }
  lines.push('');
  for (const lexicon of sorted) {
    lines.push(`## ${lexicon.lexicon} (version ${lexicon.version})`, '', `File: \`${lexicon.path}\`. ${cell(lexicon.description)}`, '');
    if (lexicon.needsLabUpdate) lines.push(`**Needs the lab's current list.** ${cell(lexicon.instructions)}`, '');
    if (lexicon.exclusions?.length) lines.push(`Never for any entry: ${cell(lexicon.exclusions.map((x) => x.note).join(' '))}`, '');
    const concern = lexicon.concern;
    if (concern) {
      const of = [concern.categories.join(', '), concern.entries?.join(', '), concern.words?.join(', '), concern.prefixes?.map((p) => `${p}…`).join(', ')].filter(Boolean).join('; ');
      lines.push(`**Bare calls** (${concern.bare.join(', ')}) accompany a candidate or are withheld unless their sentence holds: ${cell(of)} (source \`${concern.source}\`). ${cell(concern.note)}${concern.targetsOfConcernOnly === true ? ' A pronoun beside calls alone stands as their target only where a call is of concern by this list (not the object of an ordinary instruction).' : ''}`, '');
    }
    lines.push('Sources:', '');
    for (const source of lexicon.sources) lines.push(`- \`${source.id}\`: ${cell(source.citation)}`);
    lines.push('');
    if (lexicon.entries.length === 0) {
      lines.push('*No entries.*', '');
      continue;
    }
    lines.push('| id | matches | subcategory / label | note | mainstream meaning | source |', '|---|---|---|---|---|---|');
    for (const entry of lexicon.entries) {
      const sub = [entry.subcategory ?? entry.marker, entry.label].filter(Boolean).join(': ');
      lines.push(`| \`${entry.id}\` | ${cell(matchOf(entry))} | ${cell(sub)} | ${cell(entry.note)} | ${cell(entry.mainstreamMeaning)} | ${cell(entry.source + (entry.locator ? `, ${entry.locator}` : ''))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
