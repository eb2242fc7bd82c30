// Streaming analyses (issue 17): documents one at a time, in any order, give the same bytes as a
// whole case at once; the n-gram cap says when it pruned; what outlives a document is a copy.
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { SozDocument } from '../core/document.js';
import { corpusUnits, KwicTally, kwic, NgramCounter, Vocabulary } from './corpus.js';
import { detachedString } from './detached.js';
import { selectSegments } from './filters.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons, loadProfileLists } from './lexicon-files.js';
import type { ProfileLists } from './profile-schema.js';
import { runAnalyses, startAnalyses } from './registry.js';
import type { DocumentOverview, LanguageOverview } from './language-overview.js';
import { compareOverviews } from './language-overview.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import { encodeAnalysis } from '../case/derived-format.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
let profileLists: ProfileLists[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
  profileLists = (await loadProfileLists(ROOT)).lists;
});

// Fictional chat lines written for this test.
function chat(name: string, lines: readonly [string, string][]): SozDocument {
  const b = new DocumentBuilder({ sha256: name.charCodeAt(0).toString(16).padStart(2, '0').repeat(32), name }, 'whatsapp-txt');
  lines.forEach(([author, text], i) => b.add({ id: `m${i}`, text, part: 'message', author, message: { platform: 'whatsapp', chatId: name, chatName: name, messageId: `m${i}`, author: { name: author }, timestamp: { iso: '2024-05-01T10:00:00', offset: 'unknown', raw: '' }, role: 'authored' } }));
  return b.build();
}

const docs = [
  chat('b-chat.txt', [['Айгуль', 'Мы должны их уничтожить, сказал он. Встреча завтра в школе.'], ['Бакыт', 'Встреча завтра, не забудьте тетради.']]),
  chat('a-chat.txt', [['Бакыт', 'Эртең жолугушуу болот. Мектепте жолугушуу.'], ['Айгуль', 'Бейте их! Встреча завтра в школе, приходите все.']]),
  chat('c-chat.txt', [['Данияр', 'The meeting is tomorrow at school. The meeting is short.']]),
];

describe('streaming analyses', () => {
  it('give the same bytes whatever order the documents come in, one at a time', () => {
    const options = { lexicons, profileLists, queries: ['встреча', 'meeting'], limit: 3 };
    const whole = canonicalJson(runAnalyses(docs, options), true);
    for (const order of [[2, 1, 0], [1, 0, 2]]) {
      const run = startAnalyses(options);
      for (const i of order) run.add(docs[i] as SozDocument);
      expect(canonicalJson(run.finish(), true)).toBe(whole);
    }
    const indicators = runAnalyses(docs, options).find((r) => r.analysis === 'indicators');
    expect(indicators?.findings?.length).toBeGreaterThan(0);
    expect(indicators?.findings?.map((f) => f.place.documentId)).toEqual([...(indicators?.findings ?? [])].map((f) => f.place.documentId).sort());
  });

  it('hand each document\'s findings to onDocumentFindings instead of holding them', () => {
    const given: string[][] = [];
    const results = runAnalyses(docs, { lexicons, analyses: ['indicators'], onDocumentFindings: (findings) => given.push(findings.map((f) => f.id)) });
    const held = runAnalyses(docs, { lexicons, analyses: ['indicators'] })[0];
    expect(results[0]?.findings).toEqual([]);
    expect(given.flat().sort()).toEqual((held?.findings ?? []).map((f) => f.id).sort());
    expect(results[0]?.data).toEqual(held?.data);
  });

  it('hand each document\'s language overview to onDocumentOverview, keeping only the totals, and the file from the rows is the same bytes', () => {
    const rows: DocumentOverview[] = [];
    const [streamed] = runAnalyses([...docs].reverse(), { lexicons, analyses: ['language-overview'], onDocumentOverview: (row) => rows.push(row) });
    const [held] = runAnalyses(docs, { lexicons, analyses: ['language-overview'] });
    const overview = held?.data as LanguageOverview;
    expect((streamed?.data as LanguageOverview).documents).toEqual([]);
    expect((streamed?.data as LanguageOverview).totals).toEqual(overview.totals);
    expect(rows.map((row) => row.documentId)).toEqual([...docs].reverse().map((doc) => doc.id));
    const inOrder = [...rows].sort(compareOverviews);
    expect(inOrder).toEqual(overview.documents);
    // Written from the rows given apart, the analysis file is byte for byte the one of the whole result.
    const fromRows = [...encodeAnalysis(streamed as AnalysisResult, undefined, undefined, inOrder.map((row) => canonicalJson(row)))].join('');
    expect(fromRows).toBe([...encodeAnalysis(held as AnalysisResult)].join(''));
  });

  it('KWIC keeps only the lines that can be among the first N, in reading order', () => {
    const perDocument = docs.map((doc) => corpusUnits(selectSegments([doc]).segments));
    const all = corpusUnits(selectSegments([...docs].sort((x, y) => (x.evidenceName < y.evidenceName ? -1 : 1))).segments);
    const tally = new KwicTally('встреча', {}, 3, 2);
    for (const units of [...perDocument].reverse()) tally.addDocument(units);
    expect(tally.lines()).toEqual(kwic(all, 'встреча', { window: 3 }).slice(0, 2));
    expect(tally.lines().map((line) => line.evidenceName)).toEqual(['a-chat.txt', 'b-chat.txt']);
  });
});

describe('n-gram cap', () => {
  const units = (doc: SozDocument) => corpusUnits(selectSegments([doc]).segments);
  const many = chat('d.txt', [['X', 'one two three one two three one two four five six seven eight nine ten']]);

  it('changes nothing while the distinct n-grams stay under it', () => {
    const capped = new NgramCounter(2, new Vocabulary(), 100);
    const free = new NgramCounter(2, new Vocabulary(), Infinity);
    capped.addDocument(units(many));
    free.addDocument(units(many));
    expect(capped.table(1)).toEqual(free.table(1));
    expect(capped.table(1).prunedAtOrBelow).toBeUndefined();
  });

  it('drops the rarest past it and says at or below which frequency', () => {
    const counter = new NgramCounter(2, new Vocabulary(), 6);
    counter.addDocument(units(many));
    const table = counter.table(1);
    expect(table.prunedAtOrBelow).toBe(1);
    expect(table.rows.map((row) => [row.item, row.frequency])).toEqual([['one two', 3], ['three one', 2], ['two three', 2]]);
    expect(table.total).toBe(14);
  });
});

describe('detachedString', () => {
  it('is equal to its input, lone surrogates included', () => {
    const long = 'Оригинальный текст документа \uD800 с одиночным суррогатом';
    expect(detachedString(long.slice(3, 40))).toBe(long.slice(3, 40));
    expect(detachedString('short')).toBe('short');
  });
});
