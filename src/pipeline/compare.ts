/**
 * `soz compare CASE --library LIB`: every passage of the case's documents that reproduces text of
 * a library item. Read (checked library, analysed case) → assemble (pure text reuse) → write
 * `compare/matches.json` and `.csv` in one logged commit that records the library's head
 * hash. Each match states what matches what and cites the decision; it is not a conclusion.
 */
import type { SozDocument, SourceAnchor } from '../core/document.js';
import { canonicalJson } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { recordsToCsv } from '../analysis/csv.js';
import { markedPassage } from '../analysis/reuse/marked.js';
import type { PassageOptions } from '../analysis/reuse/passages.js';
import { DEFAULT_PASSAGE_OPTIONS, coveredShare, findPassages } from '../analysis/reuse/passages.js';
import type { MatchWords } from '../analysis/reuse/words.js';
import { matchWords } from '../analysis/reuse/words.js';
import type { Provenance } from '../library/item.js';
import { openLibrary } from './library.js';
import { readDerivedDocuments } from '../case/records.js';

/**
 * Where `soz compare` writes (case-relative): beside `derived/`, not in it, because `soz analyze`
 * replaces `derived/` as a whole and `soz verify` re-runs the analysis, not the comparison.
 */
export const COMPARE_FILES = { json: `${CaseFiles.compareDir}/matches.json`, csv: `${CaseFiles.compareDir}/matches.csv` } as const;

/** One side of a passage. Offsets are 0-based UTF-16 code units, ranges half-open. */
export interface PassagePlace {
  readonly documentId: string;
  readonly range: readonly [number, number];
  /** Word indices `[start, end)` among the document's matched words. */
  readonly words: readonly [number, number];
  /** Share (0–1) of the document's words inside this passage. */
  readonly share: number;
  /** The passage as written, differing words marked (see `analysis/reuse/marked.ts`). */
  readonly text: string;
}

/** One reused passage, with both places and the decision the library records for the item. */
export interface ReuseMatch {
  readonly evidence: PassagePlace & {
    readonly evidenceName: string;
    readonly evidenceSha256: string;
    /** Where the passage starts in the evidence file (page, paragraph, message…). */
    readonly anchor: SourceAnchor | null;
  };
  readonly library: PassagePlace & { readonly itemSha256: string; readonly originalName: string; readonly provenance: Provenance };
  /** Words paired as the same word (exactly, or within OCR-noise distance, or across scripts). */
  readonly sameWords: number;
  /** Words of either side marked as differing (inserted, dropped, or spelled differently). */
  readonly differingWords: number;
}

/** Per evidence document: how much of it reproduces library text (union of its passages). */
export interface DocumentCoverage {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly words: number;
  readonly matches: number;
  readonly share: number;
}

/** What `matches.json` holds. */
export interface CompareResult {
  readonly schema: 'soz.compare/1';
  readonly libraryHead: string;
  readonly parameters: { readonly k: number; readonly w: number; readonly minWords: number };
  readonly documents: readonly DocumentCoverage[];
  readonly matches: readonly ReuseMatch[];
}

function anchorAt(doc: SozDocument, offset: number): SourceAnchor | null {
  return doc.segments.find((segment) => segment.range[0] <= offset && offset < segment.range[1])?.anchor ?? null;
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
  const coverage: DocumentCoverage[] = [];
  for (const doc of documents) {
    const words = matchWords(doc.text, cache);
    const passages = findPassages(words.keys, library.index, (n) => itemOf(n).words.keys, options);
    for (const passage of passages) {
      const item = itemOf(passage.item);
      const evidenceRange = charRange(words, passage.evidenceWords);
      const itemRange = charRange(item.words, passage.itemWords);
      const marked = markedPassage(passage.ops, { text: doc.text, words, range: passage.evidenceWords }, { text: item.text, words: item.words, range: passage.itemWords });
      matches.push({
        evidence: {
          documentId: doc.id,
          evidenceName: doc.evidenceName,
          evidenceSha256: doc.evidenceSha256,
          range: evidenceRange,
          words: passage.evidenceWords,
          anchor: anchorAt(doc, evidenceRange[0]),
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
      });
    }
    coverage.push({ documentId: doc.id, evidenceName: doc.evidenceName, words: words.keys.length, matches: passages.length, share: coveredShare(passages.map((p) => p.evidenceWords), words.keys.length) });
  }
  return { schema: 'soz.compare/1', libraryHead: library.state.head, parameters: { ...library.index.parameters, minWords: options.minWords }, documents: coverage, matches };
}

/** One CSV row per match: both places, the decision cited, both texts with differences marked. */
export function compareCsv(result: CompareResult): string {
  const columns = ['evidence_name', 'evidence_document', 'evidence_start', 'evidence_end', 'evidence_page', 'evidence_message', 'evidence_share', 'library_item', 'library_sha256', 'library_start', 'library_end', 'library_share', 'court', 'decision_date', 'decision_number', 'list', 'entry', 'same_words', 'differing_words', 'evidence_text', 'library_text'];
  return recordsToCsv(
    columns,
    result.matches.map((m) => ({
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
      details: { libraryHead: result.libraryHead, libraryItems: library.state.items.length, minWords: result.parameters.minWords, matches: result.matches.length },
    },
    moves,
  );
  return result;
}
