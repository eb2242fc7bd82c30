/**
 * The report's two lists that grow with the case — the unreviewed candidates and their source
 * excerpts, each kept as canonical JSON with its Markdown beside it — made in parts on several
 * threads (issue 17): the case's documents, in reading order, are cut into consecutive parts of
 * about the same weight of finding lines; each part's findings are decoded, viewed, excerpted and
 * written by a thread of its own (the first by the calling thread), and the parts' files are read
 * one after the other as one list. The findings of an analysis file are in finding order, document
 * by document, so a part is a byte range of each file.
 *
 * The one pass over all findings (`assembleConclusionParts` with `keepPairs`) stays the reference:
 * the parts are used only where they must give the same bytes, checked after they are made — every
 * finding line read once (each file's count), each part's last finding before the next part's first
 * in finding order and of another document (a document's run never spans two parts) — and only
 * with no decision recorded and no finding but the analyses' (no comparison, none added by the
 * examiner). Anything else (or any error of a part, whose message would name a line by its byte)
 * leaves the lists to the one pass, which makes them or raises the error as always.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import type { AnalysisFile, DocumentSpans, FindingLineStarts } from '../case/records.js';
import type { ListFiles, ListSpill } from '../case/list-spill.js';
import { joinedLists, keepPairsIn } from '../case/list-spill.js';
import { workerStart } from '../analysis/parallel.js';
import type { ConclusionLabels } from '../report/labels.js';
import type { FindingView, MadeLists } from '../report/model.js';
import type { SourceExcerpt } from '../report/excerpts.js';
import { candidateRunsWithExcerpts } from '../report/model.js';
import type { MarkdownListTexts, RenderedMarkdownLists } from '../report/markdown-lists.js';
import { FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE } from '../report/view-shapes.js';
import { mergedFindings } from './examiner.js';

/** The byte range of one part's lines in each analysis file with findings (in `analysisFiles` order). */
export type PartRanges = readonly (readonly [number, number])[];

/** What one part made: its files written, and what the join checks and adds up. */
export interface PartMade {
  /** Its candidates (all unreviewed). */
  readonly candidates: number;
  /** Non-empty chunks of each list (unreviewed, excerpts): its Markdown's count. */
  readonly chunks: readonly [number, number];
  /** Finding lines read of each file. */
  readonly lines: readonly number[];
  /** Its first and last finding in finding order; null when it has none. */
  readonly first: Finding | null;
  readonly last: Finding | null;
}

/** What a list thread is given: the case, the files and ranges of its part, the Markdown's template and labels, where to write. */
export interface ListThreadData {
  readonly dir: string;
  /** Case-relative paths of the analysis files with findings, in `analysisFiles` order. */
  readonly files: readonly string[];
  readonly ranges: PartRanges;
  readonly template: string;
  readonly labels: ConclusionLabels;
  readonly out: readonly [ListFiles, ListFiles];
}

/** What a list thread sends back: its part, or that it failed (the one pass then makes the lists, and raises the error as always). */
export type FromListThread = { readonly kind: 'made'; readonly part: PartMade } | { readonly kind: 'failed' };

/**
 * Share of the finding lines' bytes the calling thread takes (the rest dealt equally to the list
 * threads). Measured on the 200 MB export: both threads make a part at the same speed, and a list
 * thread starts ≈ 0.3 s late (its modules loaded), which half of 14 s of lists about makes up for.
 */
const CALLING_THREAD_SHARE = 0.5;

/** Young generation of a list thread (MiB): as the report thread's, for the same reason (see `REPORT_YOUNG_MB`). */
const LIST_THREAD_YOUNG_MB = 192;

/** How many parts the lists are made in on this machine: one per core, at most two (the report needs no more). */
export function listPartsWanted(): number {
  return Math.min(2, availableParallelism());
}

/**
 * Makes one part's lists: the findings of `ranges` merged in finding order, viewed one document's
 * run at a time with their excerpts (`spans`: the documents' text), written to `out` with their
 * Markdown (`texts`, fresh for this part).
 */
export function makeListPart(files: readonly AnalysisFile[], ranges: PartRanges, spans: (documentId: string) => DocumentSpans | undefined, texts: MarkdownListTexts, out: readonly [ListFiles, ListFiles]): PartMade {
  const lines = ranges.map(() => 0);
  const sources = files.map((file, index) => () => file.parts!.findingsIn(ranges[index]!, (count) => (lines[index] = count)));
  let candidates = 0;
  let first: Finding | null = null;
  let last: Finding | null = null;
  function* counted(findings: Iterable<Finding>): Generator<Finding> {
    for (const finding of findings) {
      candidates += 1;
      first ??= finding;
      last = finding;
      yield finding;
    }
  }
  keepPairsIn(out, candidateRunsWithExcerpts(counted(mergedFindings(sources)), spans), [FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE], [texts.unreviewed, texts.excerpts]);
  return { candidates, chunks: [texts.unreviewed.chunks, texts.excerpts.chunks], lines, first, last };
}

/** What the lists' parts are made from in the calling thread. */
export interface ListSources {
  readonly dir: string;
  /** Every analysis file of the case (`analysisFiles`), read with `spans`' documents. */
  readonly files: readonly AnalysisFile[];
  /** Ids of the case's documents in reading order. */
  readonly documentIds: readonly string[];
  readonly spans: (documentId: string) => DocumentSpans | undefined;
  /** Fresh Markdown list texts (the installed template and labels), for this thread's part. */
  readonly texts: () => MarkdownListTexts;
}

/**
 * The two lists made in `count` parts (see the file's comment), with their Markdown, or undefined
 * when the one pass must make them: the findings cannot be cut (fewer than two parts with lines,
 * a file without parts, a document outside the case), or a part failed or did not join.
 */
export async function listsInParts(sources: ListSources, spill: ListSpill, count: number): Promise<{ made: MadeLists; rendered: RenderedMarkdownLists } | undefined> {
  const files = sources.files.filter((file) => file.findingCount > 0);
  if (count < 2 || files.length === 0 || files.some((file) => file.parts === undefined)) return undefined;
  const ranges = partRanges(files.map((file) => file.parts!.starts()), sources.documentIds, count);
  if (ranges === undefined) return undefined;
  // This thread's part's Markdown; a list thread makes its own of the same template and labels.
  const texts = sources.texts();
  const out = ranges.map(() => [spill.reserve(true), spill.reserve(true)] as const);
  const threads = ranges.slice(1).map((part, index) => inThread({ dir: sources.dir, files: files.map((file) => file.relative), ranges: part, template: texts.template, labels: texts.labels, out: out[index + 1]! }));
  let here: PartMade | undefined;
  try {
    here = makeListPart(files, ranges[0]!, sources.spans, texts, out[0]!);
  } catch {
    // The one pass makes the lists, and raises this error as it always did (naming the line).
    here = undefined;
  }
  const made = await Promise.all(threads);
  if (here === undefined || made.some((part) => part === undefined)) return undefined;
  return joined([here, ...(made as PartMade[])], files, out, texts, spill);
}

/**
 * Each part's byte range in each file: the documents (reading order) cut where the parts'
 * shares of all finding lines' bytes are nearest, the calling thread's part first
 * ({@link CALLING_THREAD_SHARE}); undefined when fewer than two parts would hold lines, or a file
 * names a document the case does not hold.
 */
export function partRanges(starts: readonly FindingLineStarts[], documentIds: readonly string[], count: number): PartRanges[] | undefined {
  const order = new Map(documentIds.map((id, index) => [id, index]));
  const weights = documentIds.map(() => 0);
  for (const file of starts) {
    for (const [at, document] of file.documents.entries()) {
      const index = order.get(document.documentId);
      if (index === undefined) return undefined;
      weights[index]! += (file.documents[at + 1]?.offset ?? file.end) - document.offset;
    }
  }
  // prefix[i]: the bytes of the documents before document i; each part starts at the document nearest its share.
  const prefix = [0];
  for (const weight of weights) prefix.push(prefix[prefix.length - 1]! + weight);
  const total = prefix[prefix.length - 1]!;
  const shares = Array.from({ length: count - 1 }, (_, part) => CALLING_THREAD_SHARE + (part * (1 - CALLING_THREAD_SHARE)) / (count - 1));
  const cuts = [0, ...shares.map((share) => nearest(prefix, share * total))];
  const parts = cuts.map((cut, part) =>
    starts.map((file): readonly [number, number] => {
      const at = (document: number) => (document === 0 ? file.first : (file.documents.find((start) => order.get(start.documentId)! >= document)?.offset ?? file.end));
      return [at(cut), part + 1 < count ? at(cuts[part + 1]!) : file.end];
    }),
  );
  return parts.filter((part) => part.some(([start, end]) => end > start)).length >= 2 ? parts : undefined;
}

/** The first index of a rising list whose value is nearest `target`. */
function nearest(values: readonly number[], target: number): number {
  let best = 0;
  for (const [index, value] of values.entries()) if (Math.abs(value - target) < Math.abs(values[best]! - target)) best = index;
  return best;
}

/** The parts joined as one pair of lists, or undefined when they do not join as the one pass would have made them. */
function joined(parts: readonly PartMade[], files: readonly AnalysisFile[], out: readonly (readonly [ListFiles, ListFiles])[], texts: MarkdownListTexts, spill: ListSpill): { made: MadeLists; rendered: RenderedMarkdownLists } | undefined {
  if (files.some((file, index) => parts.reduce((sum, part) => sum + part.lines[index]!, 0) !== file.findingCount)) return undefined;
  if (!seamsHold(parts)) return undefined;
  const unreviewed = joinedLists(out.map((part) => spill.kept<FindingView>(part[0])));
  const excerpts = joinedLists(out.map((part) => spill.kept<SourceExcerpt>(part[1])));
  const chunks = (list: 0 | 1) => parts.reduce((sum, part) => sum + part.chunks[list], 0);
  return {
    made: { candidates: parts.reduce((sum, part) => sum + part.candidates, 0), unreviewed, excerpts },
    rendered: { texts, lists: { unreviewed: { chunks: chunks(0), text: unreviewed.text! }, excerpts: { chunks: chunks(1), text: excerpts.text! } } },
  };
}

/** Whether each part with findings ends before the next one with findings begins, in finding order and in another document. */
export function seamsHold(parts: readonly Pick<PartMade, 'first' | 'last'>[]): boolean {
  const filled = parts.filter((part) => part.first !== null && part.last !== null);
  return filled.every((part, index) => {
    const next = filled[index + 1];
    return next === undefined || (compareFindings(part.last!, next.first!) < 0 && part.last!.place.documentId !== next.first!.place.documentId);
  });
}

const COMPILED_LIST_THREAD = new URL('./report-lists-worker.js', import.meta.url);

/** One part made on a list thread (`report-lists-worker.ts`); undefined when the thread failed. */
function inThread(data: ListThreadData): Promise<PartMade | undefined> {
  const { url, options } = workerStart(COMPILED_LIST_THREAD);
  return new Promise((resolve) => {
    const worker = new Worker(url, { workerData: { ...(options.workerData as object | undefined), ...data }, resourceLimits: { maxYoungGenerationSizeMb: LIST_THREAD_YOUNG_MB } });
    worker.on('message', (message: FromListThread) => resolve(message.kind === 'made' ? message.part : undefined));
    worker.on('error', () => resolve(undefined));
    // Settled already when it sent its part; else it stopped without one.
    worker.on('exit', () => resolve(undefined));
  });
}
