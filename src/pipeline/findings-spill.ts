/**
 * Indicator findings of an analysis run kept on disk while the run goes on (issue 17): a whole
 * phone's chats can hold millions of findings, more than memory. Each document's findings are
 * written as they are found — their text as it stands in `indicators.json` and their CSV rows —
 * to a temporary file in the run's staging folder, and read back in reading order at the end, so the files
 * have the same bytes as when they were written from memory.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../core/analysis-result.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import type { Finding } from '../core/finding.js';
import { findingsCsv, findingsCsvRows } from '../report/csv-tables.js';

/** Where one document's findings lie in the spill file: [byte offset, byte length]. */
type Span = readonly [number, number];

interface Chunk {
  readonly evidenceName: string;
  readonly documentId: string;
  readonly json: Span;
  readonly csv: Span;
}

// Findings are array items two levels deep in a pretty-printed result.
const ITEM_INDENT = '\n    ';
const MARKER = '\u0000findings';

/** The findings of one run, spilled document by document; `close` removes the temporary file. */
export class FindingsSpill {
  private readonly fd: number;
  private offset = 0;
  private readonly chunks: Chunk[] = [];

  /** Spills into a new folder `dir` (the analysis run's scratch folder), which `close` removes. */
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.fd = openSync(join(dir, 'findings'), 'w+', 0o600);
  }

  /** Adds one document's findings, sorted with `compareFindings` (as `onDocumentFindings` gives them). */
  add(findings: readonly Finding[]): void {
    const first = findings[0];
    if (!first) return;
    const json = findings.map((f) => canonicalJson(f, true).trimEnd().replaceAll('\n', ITEM_INDENT)).join(`,${ITEM_INDENT}`);
    this.chunks.push({ evidenceName: first.place.evidenceName, documentId: first.place.documentId, json: this.append(json), csv: this.append(findingsCsvRows(findings)) });
  }

  /**
   * The text of `result` (the indicators result, its `findings` empty) with the spilled findings
   * in their place, in parts: equal to `canonicalJson` of the result holding them all.
   */
  *json(result: AnalysisResult): Generator<string | Uint8Array> {
    if (this.chunks.length === 0) {
      yield canonicalJson(result, true);
      return;
    }
    const text = canonicalJson({ ...result, findings: [MARKER] }, true);
    const marker = `"findings": [${ITEM_INDENT}${JSON.stringify(MARKER)}`;
    const at = text.indexOf(marker);
    yield text.slice(0, at + marker.length - JSON.stringify(MARKER).length);
    for (const [index, chunk] of this.ordered().entries()) {
      if (index > 0) yield `,${ITEM_INDENT}`;
      yield this.read(chunk.json);
    }
    yield text.slice(at + marker.length);
  }

  /** The findings CSV in parts: equal to `findingsCsv` of all the findings. */
  *csv(): Generator<string | Uint8Array> {
    yield findingsCsv([]);
    for (const chunk of this.ordered()) yield this.read(chunk.csv);
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Chunks in the order of `compareFindings`: evidence name, then document id. */
  private ordered(): Chunk[] {
    return [...this.chunks].sort((a, b) => compareCodeUnits(a.evidenceName, b.evidenceName) || compareCodeUnits(a.documentId, b.documentId));
  }

  private append(text: string): Span {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(this.fd, bytes, written, bytes.byteLength - written, this.offset + written);
    const span: Span = [this.offset, bytes.byteLength];
    this.offset += bytes.byteLength;
    return span;
  }

  private read([offset, length]: Span): Uint8Array {
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) read += readSync(this.fd, bytes, read, length - read, offset + read);
    return bytes;
  }
}
