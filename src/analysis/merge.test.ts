// Mergeable analyses (issue 17): runs fed disjoint sets of documents, their states passed through
// structured clone (as between worker threads) and merged, give the bytes of one run fed them all.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/seeded-random.mjs';
import { canonicalJson } from '../core/canonical-json.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { SozDocument } from '../core/document.js';
import { corpusUnits, NgramCounter, Vocabulary } from './corpus.js';
import { selectSegments } from './filters.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons, loadProfileLists } from './lexicon-files.js';
import type { OrgList } from './org-list.js';
import { readOrgListYaml } from './org-list.js';
import type { ProfileLists } from './profile-schema.js';
import type { AnalysisOptions } from './registry.js';
import { ANALYSES, runAnalyses, startAnalyses } from './registry.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ORG_LIST = `${ROOT}corpora/lists/fictional-example.yaml`;

// Fictional chat lines written for this test (the organisation is from the fictional example list).
const LINES: readonly [string, string][] = [
  ['Айгуль', 'Мы должны их уничтожить, сказал он. Встреча завтра в школе.'],
  ['Бакыт', 'Встреча завтра, не забудьте тетради. Братство хранителей кедровой шишки опять пишет.'],
  ['Бакыт', 'Эртең жолугушуу болот. Мектепте жолугушуу.'],
  ['Айгуль', 'Бейте их! Встреча завтра в школе, приходите все.'],
  ['Данияр', 'The meeting is tomorrow at school. The meeting is short.'],
  ['Данияр', 'We must all come to the meeting. Brotherhood of Cedar-Cone Keepers is not welcome.'],
  ['Айгуль', 'Все на встречу! Мы победим, они проиграют.'],
  ['Бакыт', 'Биз баарыбыз жолугушууга барабыз, алар келбейт.'],
];

/** Eight documents of two to five messages drawn from the lines, in a fixed pseudo-random way. */
function documents(): SozDocument[] {
  const random = mulberry32(17);
  return Array.from({ length: 8 }, (_, d) => {
    const name = `${String.fromCharCode(104 - d)}-chat.txt`;
    const b = new DocumentBuilder({ sha256: (d + 16).toString(16).repeat(32), name }, 'whatsapp-txt');
    for (let i = 0, n = 2 + Math.floor(random() * 4); i < n; i++) {
      const [author, text] = LINES[Math.floor(random() * LINES.length)] as [string, string];
      b.add({ id: `m${i}`, text, part: 'message', author, message: { platform: 'whatsapp', chatId: name, chatName: name, messageId: `m${i}`, author: { name: author }, timestamp: { iso: `2024-05-0${1 + (i % 3)}T10:00:00`, offset: 'unknown', raw: '' }, role: 'authored' } });
    }
    return b.build();
  });
}

let options: AnalysisOptions;
let docs: SozDocument[] = [];
beforeAll(async () => {
  const lexicons: Lexicon[] = (await loadLexicons(ROOT)).lexicons;
  const profileLists: ProfileLists[] = (await loadProfileLists(ROOT)).lists;
  const list = readOrgListYaml(ORG_LIST, readFileSync(ORG_LIST, 'utf8')).list as OrgList;
  docs = documents();
  const reference = docs.slice(0, 2);
  options = { lexicons, profileLists, reference, orgList: { list, sha256: '0'.repeat(64) }, queries: ['встреча', 'meeting'], limit: 4, filter: { since: '2024-05-02' } };
});

describe('merged analysis runs', () => {
  it('every analysis of the registry runs in this test', () => {
    expect(runAnalyses(docs, options).map((result) => result.analysis)).toEqual(ANALYSES.map((module) => module.name));
  });

  it('give the bytes of one run fed every document, for random splits into one to three runs', () => {
    const serial = canonicalJson(runAnalyses(docs, options), true);
    const random = mulberry32(2026);
    for (let trial = 0; trial < 6; trial++) {
      const runs = Array.from({ length: 1 + (trial % 3) }, () => startAnalyses(options));
      for (const doc of docs) runs[Math.floor(random() * runs.length)]?.add(doc);
      const [first, ...rest] = runs;
      // The order of merging is free as well: here the last run merges the others.
      const target = rest.length > 0 ? (rest.pop() as typeof first) : first;
      for (const run of [first, ...rest]) if (run && run !== target) target?.merge(structuredClone(run.state()));
      expect(canonicalJson(target?.finish(), true)).toBe(serial);
    }
  });

  it('refuse to merge runs that started different analyses', () => {
    const words = startAnalyses({ ...options, analyses: ['wordlist'] });
    expect(() => startAnalyses(options).merge(words.state())).toThrow(/different analyses/);
  });
});

describe('n-gram counters', () => {
  const units = (doc: SozDocument) => corpusUnits(selectSegments([doc]).segments);

  it('merged from vocabularies of their own give the table of one counter', () => {
    const one = new NgramCounter(2, new Vocabulary(), Infinity);
    const [left, right] = [new NgramCounter(2, new Vocabulary(), Infinity), new NgramCounter(2, new Vocabulary(), Infinity)];
    docs.forEach((doc, i) => {
      one.addDocument(units(doc));
      (i % 2 === 0 ? left : right)?.addDocument(units(doc));
    });
    right?.merge(structuredClone(left?.state() as ReturnType<NgramCounter['state']>));
    expect(right?.table(1)).toEqual(one.table(1));
  });

  it('still prune past the cap after a merge, and say so', () => {
    const left = new NgramCounter(2, new Vocabulary(), Infinity);
    const right = new NgramCounter(2, new Vocabulary(), 4);
    left.addDocument(units(docs[0] as SozDocument));
    right.merge(left.state());
    expect(right.table(1).types).toBeLessThanOrEqual(2);
    expect(right.table(1).prunedAtOrBelow).toBeGreaterThan(0);
  });
});
