/**
 * Findings of a run spilled to a temporary file as each document's are found (issue 17): the
 * compact analysis file names each rule's shared members in its first line, before any finding, so
 * without a spill every finding of the case would be held until the end of the run. The spill
 * holds one block of canonical-JSON lines per document; only the blocks' places and the shared
 * members (one per rule and per document) stay in memory. At the end the blocks are read back in
 * reading order, which is `compareFindings` order, one block at a time.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from '../core/canonical-json.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { InternalError } from '../core/errors.js';
import type { FindingSource } from './derived-format.js';
import { SharedFindingMembers } from './derived-format.js';

/** One document's findings in the spill file: where its lines are, and its first finding's sort key. */
interface Block {
  readonly first: Pick<Finding, 'id' | 'ruleId'> & { readonly place: Pick<Finding['place'], 'evidenceName' | 'documentId' | 'range'> };
  readonly offset: number;
  readonly length: number;
}

/** A spill file being written (`add`), then read back (`findings`, any number of times), then removed. */
export class FindingsSpill implements FindingSource {
  readonly shared = new SharedFindingMembers();
  private readonly fd: number;
  private readonly blocks: Block[] = [];
  private size = 0;
  private total = 0;

  /** Opens a new spill file at `path` (its folder is made; a file left there is replaced). */
  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w+');
  }

  /** How many findings were added. */
  get count(): number {
    return this.total;
  }

  /** Adds one document's findings, sorted with `compareFindings` (as the indicators stream hands them over). */
  add(findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    const bytes = Buffer.from(findings.map((finding) => `${canonicalJson(finding)}\n`).join(''), 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    const { id, ruleId, place } = findings[0]!;
    this.blocks.push({ first: structuredClone({ id, ruleId, place: { evidenceName: place.evidenceName, documentId: place.documentId, range: place.range } }), offset: this.size, length: bytes.length });
    this.size += bytes.length;
    this.total += findings.length;
    for (const finding of findings) this.shared.add(finding);
  }

  /** Every finding added, in `compareFindings` order; one document's block is read at a time. */
  *findings(): Generator<Finding> {
    const ordered = [...this.blocks].sort((a, b) => compareFindings(a.first as Finding, b.first as Finding));
    for (const block of ordered) {
      const bytes = Buffer.alloc(block.length);
      for (let read = 0; read < block.length; ) {
        const got = readSync(this.fd, bytes, read, block.length - read, block.offset + read);
        if (got === 0) throw new InternalError(`${this.path}: the findings spill file ends early`);
        read += got;
      }
      const lines = bytes.toString('utf8').split('\n');
      lines.pop();
      for (const line of lines) yield JSON.parse(line) as Finding;
    }
  }

  /** Closes and removes the spill file. */
  remove(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}
