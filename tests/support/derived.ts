/**
 * Reading and writing `derived/` in tests the way soz does (the compact form of
 * `src/case/derived-format.ts`), so tests look at documents and findings, not at the file layout.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/core/analysis-result.js';
import type { SozDocument } from '../../src/core/document.js';
import { COMPACT_EXTENSION, encodeAnalysis } from '../../src/case/derived-format.js';
import { documentTextsIn, parsedAnalysis, parsedDocument } from '../../src/case/records.js';

/** The result of one analysis as `soz analyze` wrote it (`derived/analyses/<name>.ndjson`), contexts read from its documents. */
export function derivedAnalysis(caseDir: string, name: string): AnalysisResult {
  const relative = `derived/analyses/${name}${COMPACT_EXTENSION}`;
  return parsedAnalysis(relative, readFileSync(join(caseDir, ...relative.split('/'))), documentTextsIn(join(caseDir, 'derived', 'documents')));
}

/** Replaces the file of an analysis result with `result` (tests that plant or edit findings). */
export function writeDerivedAnalysis(caseDir: string, result: AnalysisResult): void {
  writeFileSync(join(caseDir, 'derived', 'analyses', `${result.analysis}${COMPACT_EXTENSION}`), [...encodeAnalysis(result)].join(''));
}

/** One derived document by its case-relative path (as the manifest lists it). */
export function derivedDocumentAt(caseDir: string, relative: string): SozDocument {
  return parsedDocument(relative, readFileSync(join(caseDir, ...relative.split('/'))));
}

/** Every derived document of a case, in file-name order. */
export function derivedDocumentList(caseDir: string): SozDocument[] {
  return readdirSync(join(caseDir, 'derived', 'documents'))
    .sort()
    .map((name) => derivedDocumentAt(caseDir, `derived/documents/${name}`));
}
