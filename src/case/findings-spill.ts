/**
 * Findings of a run spilled to a temporary file as each document's are found (issue 17): the
 * compact analysis file names each rule's shared members in its first line, before any finding, so
 * without a spill every finding of the case would be held until the end of the run. The spill
 * holds one block per document; only the blocks' places, sort keys and the members they were
 * written against stay in memory. At the end the blocks are read back in reading order, which is
 * `compareFindings` order, one block at a time.
 *
 * A block is written as the finding lines of the analysis file already (`encodeFindingLines`, with
 * the document's text for the context ranges), against the shared members known when it comes. The
 * lines depend on nothing else but the line before the block, which names another document; so
 * when every block was written against the members the header names at the end — the rule's first
 * finding in reading order came before (the usual case: documents arrive in reading order), or
 * shares its members — the blocks are the file's lines as they are, copied, not encoded again at
 * the end of the run. Otherwise the blocks are decoded and the lines written afresh: the same bytes.
 */
import { canonicalJson } from '../core/canonical-json.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { InternalError } from '../core/errors.js';
import { BlockSpill } from './block-spill.js';
import type { AnalysisFileHeader, DocumentTexts, FindingSource, SharedLookup } from './derived-format.js';
import { ANALYSIS_FILE_SCHEMA, decodeFindings, encodeFindingLines, SharedFindingMembers } from './derived-format.js';

type Members = Record<string, unknown>;

/** What `compareFindings` reads of a document's first finding: its block's sort key. */
type FirstFinding = Pick<Finding, 'id' | 'ruleId'> & { readonly place: Pick<Finding['place'], 'evidenceName' | 'documentId' | 'range'> };

/** A block's sort key and what its lines were written against. */
interface BlockKey {
  readonly first: FirstFinding;
  /** The document of its last line (the next block's first line must name another). */
  readonly lastDocumentId: string;
  /** Shared members of each rule and document as they were when the block was written. */
  readonly rules: ReadonlyMap<string, Members | undefined>;
  readonly places: ReadonlyMap<string, Members | undefined>;
  /** Whether the block was written with its document's text (context as ranges). */
  readonly withText: boolean;
}

/** A spill file being written (`add`), then read back (`findings`, `encodedLines`, any number of times), then removed. */
export class FindingsSpill implements FindingSource {
  readonly shared = new SharedFindingMembers();
  private readonly blocks: BlockSpill<BlockKey>;
  private total = 0;

  /** Opens a new spill file at `path` (its folder is made; a file left there is replaced). */
  constructor(path: string) {
    this.blocks = new BlockSpill(path);
  }

  /** How many findings were added. */
  get count(): number {
    return this.total;
  }

  /**
   * Adds one document's findings, sorted with `compareFindings` (as the indicators stream hands
   * them over); `text` is the document's text as it is written into `derived/` (undefined: not at hand).
   */
  add(findings: readonly Finding[], text?: string): void {
    if (findings.length === 0) return;
    for (const finding of findings) this.shared.add(finding);
    const rules = new Map<string, Members | undefined>();
    const places = new Map<string, Members | undefined>();
    const lookup: SharedLookup = {
      rule: (ruleId) => remembered(rules, ruleId, () => this.shared.ruleMembers(ruleId)),
      place: (documentId) => remembered(places, documentId, () => this.shared.placeMembers(documentId)),
    };
    const lines = [...encodeFindingLines(findings, lookup, text === undefined ? undefined : () => text)].join('');
    const { id, ruleId, place } = findings[0]!;
    const first = structuredClone({ id, ruleId, place: { evidenceName: place.evidenceName, documentId: place.documentId, range: place.range } });
    this.blocks.add({ first, lastDocumentId: findings[findings.length - 1]!.place.documentId, rules, places, withText: text !== undefined }, lines);
    this.total += findings.length;
  }

  encodedLines(texts: DocumentTexts | undefined): Iterable<Uint8Array> | undefined {
    const keys = this.blocks.keys(byFirstFinding);
    let lastDocumentId: string | undefined;
    for (const key of keys) {
      if (key.withText !== (texts !== undefined) || key.first.place.documentId === lastDocumentId) return undefined;
      for (const [ruleId, members] of key.rules) if (!sameMembers(members, this.shared.ruleMembers(ruleId))) return undefined;
      for (const [documentId, members] of key.places) if (!sameMembers(members, this.shared.placeMembers(documentId))) return undefined;
      lastDocumentId = key.lastDocumentId;
    }
    return this.blocks.bytes(byFirstFinding);
  }

  /** Every finding added, in `compareFindings` order; one document's block is read at a time. `texts`: of blocks written with their document's text. */
  *findings(texts?: DocumentTexts): Generator<Finding> {
    for (const { key, text } of this.blocks.keyed(byFirstFinding)) {
      // Only the shared members are read of a header when its finding lines are decoded.
      const header: AnalysisFileHeader = { schema: ANALYSIS_FILE_SCHEMA, result: { analysis: '', version: '', parameters: {}, data: null }, shared: { rules: recordOf(key.rules), places: recordOf(key.places) } };
      const lines = text.split('\n');
      lines.pop();
      const documentText = (documentId: string): string => {
        const found = texts?.(documentId);
        if (found === undefined) throw new InternalError(`the spilled findings of ${documentId} hold context ranges, but its text is not at hand`);
        return found;
      };
      yield* decodeFindings(header, lines.map((line) => JSON.parse(line) as Members), documentText);
    }
  }

  /** Closes and removes the spill file. */
  remove(): void {
    this.blocks.remove();
  }
}

function byFirstFinding(a: BlockKey, b: BlockKey): number {
  return compareFindings(a.first as Finding, b.first as Finding);
}

/** `key`'s value in `seen`, taken from `get` the first time it is asked for. */
function remembered(seen: Map<string, Members | undefined>, key: string, get: () => Members | undefined): Members | undefined {
  if (!seen.has(key)) seen.set(key, get());
  return seen.get(key);
}

/** Whether two sets of shared members write the same (the same object, or the same canonical JSON). */
function sameMembers(a: Members | undefined, b: Members | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
}

function recordOf(members: ReadonlyMap<string, Members | undefined>): Record<string, Members> {
  const record: Record<string, Members> = {};
  for (const [key, value] of members) if (value !== undefined) record[key] = value;
  return record;
}
