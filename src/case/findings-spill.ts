/**
 * Findings of a run spilled to a temporary file as each document's are found (issue 17): the
 * compact analysis file names each rule's shared members in its first line, before any finding, so
 * without a spill every finding of the case would be held until the end of the run. The spill
 * holds one block of canonical-JSON lines per document; only the blocks' places and the shared
 * members (one per rule and per document) stay in memory. At the end the blocks are read back in
 * reading order, which is `compareFindings` order, one block at a time.
 */
import { canonicalJsonShaped } from '../core/canonical-json.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { BlockSpill } from './block-spill.js';
import type { FindingSource } from './derived-format.js';
import { SharedFindingMembers } from './derived-format.js';
import { FINDING_SHAPE } from './derived-shapes.js';

/** What `compareFindings` reads of a document's first finding: its block's sort key. */
type FirstFinding = Pick<Finding, 'id' | 'ruleId'> & { readonly place: Pick<Finding['place'], 'evidenceName' | 'documentId' | 'range'> };

/** A spill file being written (`add`), then read back (`findings`, any number of times), then removed. */
export class FindingsSpill implements FindingSource {
  readonly shared = new SharedFindingMembers();
  private readonly blocks: BlockSpill<FirstFinding>;
  private total = 0;

  /** Opens a new spill file at `path` (its folder is made; a file left there is replaced). */
  constructor(path: string) {
    this.blocks = new BlockSpill(path);
  }

  /** How many findings were added. */
  get count(): number {
    return this.total;
  }

  /** Adds one document's findings, sorted with `compareFindings` (as the indicators stream hands them over). */
  add(findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    const { id, ruleId, place } = findings[0]!;
    this.blocks.add(structuredClone({ id, ruleId, place: { evidenceName: place.evidenceName, documentId: place.documentId, range: place.range } }), findings.map((finding) => `${canonicalJsonShaped(finding, FINDING_SHAPE)}\n`).join(''));
    this.total += findings.length;
    for (const finding of findings) this.shared.add(finding);
  }

  /** Every finding added, in `compareFindings` order; one document's block is read at a time. */
  *findings(): Generator<Finding> {
    for (const text of this.blocks.texts((a, b) => compareFindings(a as Finding, b as Finding))) {
      const lines = text.split('\n');
      lines.pop();
      for (const line of lines) yield JSON.parse(line) as Finding;
    }
  }

  /** Closes and removes the spill file. */
  remove(): void {
    this.blocks.remove();
  }
}
