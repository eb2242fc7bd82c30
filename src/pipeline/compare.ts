/**
 * `soz compare CASE --library LIB`: every passage of the case's documents that reproduces text of
 * a library item. Read (checked library, analysed case) → assemble (pure text reuse) → write
 * `compare/matches.json` and `.csv` in one logged commit that records the library's head
 * hash. Each match states what matches what and cites the decision; it is not a conclusion.
 */
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { contextAround, findingId, placeOfRange, segmentAt } from '../core/finding.js';
import type { CompareResult, DocumentCoverage, ReuseMatch } from '../core/known-material.js';
import { COMPARE_SCHEMA, KNOWN_MATERIAL_ANALYSIS, KNOWN_MATERIAL_CATEGORY } from '../core/known-material.js';
import { canonicalJson } from '../core/canonical-json.js';
import { InternalError, UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { recordsToCsv } from '../analysis/csv.js';
import { markedPassage } from '../analysis/reuse/marked.js';
import type { PassageOptions } from '../analysis/reuse/passages.js';
import { DEFAULT_PASSAGE_OPTIONS, coveredShare, findPassages } from '../analysis/reuse/passages.js';
import type { MatchWords } from '../analysis/reuse/words.js';
import { matchWords } from '../analysis/reuse/words.js';
import { installFacts } from './install.js';
import { openLibrary } from './library.js';
import { readDerivedDocuments } from '../case/records.js';

import { COMPARE_FILES } from '../case/layout.js';

/** Rule id of a match: the library item it reproduces. */
function knownRuleId(itemSha256: string): string {
  return `library:${itemSha256.slice(0, 12)}`;
}

/** Characters of context shown left and right of a matched passage in its finding. */
const CONTEXT_CHARS = 60;

/**
 * The candidate finding of one match: placed like any finding (segment, page or message, line),
 * its rule the library item, its citation the court decision. The passage is the finding's text;
 * whose words it is stays for the examiner (the voice of its place is not known here).
 */
function matchFinding(doc: SozDocument, match: Omit<ReuseMatch, 'findingId'>, id: string): Finding {
  const range: [number, number] = [match.evidence.range[0], match.evidence.range[1]];
  const place = placeOfRange(doc, range);
  if (place === null) throw new InternalError(`${doc.id}: a passage was found in a document without segments`);
  const p = match.library.provenance;
  return {
    id,
    analysis: KNOWN_MATERIAL_ANALYSIS,
    ruleId: knownRuleId(match.library.itemSha256),
    category: KNOWN_MATERIAL_CATEGORY,
    reason: `Passage reproduces ${match.library.originalName} [${match.library.range[0]}, ${match.library.range[1]})`,
    place,
    actual: doc.text.slice(range[0], range[1]),
    context: contextAround(doc.text, range, CONTEXT_CHARS),
    voice: 'unknown',
    countervailing: [],
    citation: { lexicon: p.list, lexiconVersion: `${p.court}, ${p.decisionDate} No. ${p.decisionNumber}`, entryId: p.entry, source: `${match.library.originalName} (SHA-256 ${match.library.itemSha256})` },
  };
}

function charRange(words: MatchWords, range: readonly [number, number]): [number, number] {
  return [words.starts[range[0]]!, words.ends[range[1] - 1]!];
}

/** Compares documents against an opened library (pure apart from reading library texts). */
export function compareDocuments(documents: readonly SozDocument[], library: ReturnType<typeof openLibrary>, options: PassageOptions): CompareResult {
  const cache = new Map<string, string>();
  const itemWords = new Map<number, { words: MatchWords; text: string; entry: ReturnType<typeof library.entry> }>();
  const itemOf = (n: number) => {
    let known = itemWords.get(n);
    if (!known) {
      const entry = library.entry(n);
      itemWords.set(n, (known = { words: matchWords(entry.text, cache), text: entry.text, entry }));
    }
    return known;
  };
  const matches: ReuseMatch[] = [];
  const findings: Finding[] = [];
  const coverage: DocumentCoverage[] = [];
  for (const doc of documents) {
    const words = matchWords(doc.text, cache);
    const passages = findPassages(words.keys, library.index, (n) => itemOf(n).words.keys, options);
    for (const passage of passages) {
      const item = itemOf(passage.item);
      const evidenceRange = charRange(words, passage.evidenceWords);
      const itemRange = charRange(item.words, passage.itemWords);
      const marked = markedPassage(passage.ops, { text: doc.text, words, range: passage.evidenceWords }, { text: item.text, words: item.words, range: passage.itemWords });
      const found: Omit<ReuseMatch, 'findingId'> = {
        evidence: {
          documentId: doc.id,
          evidenceName: doc.evidenceName,
          evidenceSha256: doc.evidenceSha256,
          range: evidenceRange,
          words: passage.evidenceWords,
          anchor: segmentAt(doc, evidenceRange[0])?.anchor ?? null,
          share: coveredShare([passage.evidenceWords], words.keys.length),
          text: marked.a,
        },
        library: {
          itemSha256: item.entry.item.sha256,
          originalName: item.entry.item.originalName,
          documentId: item.entry.documentId,
          range: itemRange,
          words: passage.itemWords,
          share: coveredShare([passage.itemWords], item.words.keys.length),
          text: marked.b,
          provenance: item.entry.item.provenance,
        },
        sameWords: passage.sameWords,
        differingWords: marked.differingWords,
      };
      const id = findingId(KNOWN_MATERIAL_ANALYSIS, knownRuleId(found.library.itemSha256), doc.id, evidenceRange);
      matches.push({ findingId: id, ...found });
      findings.push(matchFinding(doc, found, id));
    }
    const itemNumbers = [...new Set(passages.map((passage) => passage.item))].sort((a, b) => a - b);
    const items = itemNumbers.map((n) => {
      const item = itemOf(n);
      const own = passages.filter((passage) => passage.item === n);
      return {
        itemSha256: item.entry.item.sha256,
        libraryDocumentId: item.entry.documentId,
        itemShare: coveredShare(own.map((p) => p.itemWords), item.words.keys.length),
        documentShare: coveredShare(own.map((p) => p.evidenceWords), words.keys.length),
      };
    });
    coverage.push({ documentId: doc.id, evidenceName: doc.evidenceName, words: words.keys.length, matches: passages.length, share: coveredShare(passages.map((p) => p.evidenceWords), words.keys.length), items });
  }
  return { schema: COMPARE_SCHEMA, libraryHead: library.state.head, libraryItems: library.state.items.length, parameters: { ...library.index.parameters, minWords: options.minWords }, documents: coverage, matches, findings };
}

/** One CSV row per match: both places, the decision cited, both texts with differences marked. */
export function compareCsv(result: CompareResult): string {
  const columns = ['finding', 'evidence_name', 'evidence_document', 'evidence_start', 'evidence_end', 'evidence_page', 'evidence_message', 'evidence_share', 'library_item', 'library_sha256', 'library_start', 'library_end', 'library_share', 'court', 'decision_date', 'decision_number', 'list', 'entry', 'same_words', 'differing_words', 'evidence_text', 'library_text'];
  return recordsToCsv(
    columns,
    result.matches.map((m) => ({
      finding: m.findingId,
      evidence_name: m.evidence.evidenceName,
      evidence_document: m.evidence.documentId,
      evidence_start: m.evidence.range[0],
      evidence_end: m.evidence.range[1],
      evidence_page: m.evidence.anchor?.page,
      evidence_message: m.evidence.anchor?.messageId,
      evidence_share: Number(m.evidence.share.toFixed(4)),
      library_item: m.library.originalName,
      library_sha256: m.library.itemSha256,
      library_start: m.library.range[0],
      library_end: m.library.range[1],
      library_share: Number(m.library.share.toFixed(4)),
      court: m.library.provenance.court,
      decision_date: m.library.provenance.decisionDate,
      decision_number: m.library.provenance.decisionNumber,
      list: m.library.provenance.list,
      entry: m.library.provenance.entry,
      same_words: m.sameWords,
      differing_words: m.differingWords,
      evidence_text: m.evidence.text,
      library_text: m.library.text,
    })),
  );
}

/** Runs the comparison on an analysed case and commits the result with a `compare.run` log entry. */
export function compareCase(workspace: CaseWorkspace, libraryDir: string, options: { minWords?: number; clock: Clock; actor: string }): CompareResult {
  if (!workspace.derivedIsCommitted()) throw new UserError(`${workspace.dir}: the case has no committed analysis; run "soz analyze ${workspace.dir}" first`, 'compare.not-analysed', undefined, { key: 'error.not-analysed-compare', params: { dir: workspace.dir } });
  const library = openLibrary(libraryDir);
  const result = compareDocuments(readDerivedDocuments(workspace), library, { ...DEFAULT_PASSAGE_OPTIONS, minWords: options.minWords ?? DEFAULT_PASSAGE_OPTIONS.minWords });
  const files = [
    { path: COMPARE_FILES.json, text: canonicalJson(result, true) },
    { path: COMPARE_FILES.csv, text: compareCsv(result) },
  ];
  const moves = files.map((file) => workspace.stageFile(file.path, file.text));
  workspace.commit(
    options.clock,
    {
      actor: options.actor,
      action: 'compare.run',
      inputs: [workspace.hashedFile(CaseFiles.manifest)],
      outputs: files.map((file) => ({ path: file.path, sha256: sha256(file.text) })),
      details: { libraryHead: result.libraryHead, libraryItems: result.libraryItems, sozVersion: installFacts().version, minWords: result.parameters.minWords, matches: result.matches.length },
    },
    moves,
  );
  return result;
}
