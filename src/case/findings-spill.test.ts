import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { encodeAnalysis } from './derived-format.js';
import { FindingsSpill } from './findings-spill.js';

const SHA = 'c3'.repeat(32);
/** The text of an encoded file's parts (strings, or UTF-8 bytes copied from the spill). */
const textOf = (parts: Iterable<string | Uint8Array>) => Buffer.concat([...parts].map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part))).toString('utf8');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fictional finding; `reason` varies per finding so the rule's shared reason depends on which comes first. */
function finding(ruleId: string, evidenceName: string, documentId: string, at: number): Finding {
  return {
    id: `F-${documentId}-${ruleId}-${at}`,
    analysis: 'indicators',
    ruleId,
    category: 'call-to-action',
    reason: `Imperative verb form at ${documentId}:${at}`,
    place: { documentId, evidenceSha256: SHA, evidenceName, segmentId: `s${at}`, part: 'message', range: [at, at + 4], line: 1, column: at + 1 },
    actual: 'келгиле',
    context: { left: 'Баары ', right: ' эртең.' },
    voice: 'own',
    countervailing: [],
    citation: { lexicon: 'ky.call-to-action', lexiconVersion: '1.0.0', entryId: ruleId, source: 'Fictional grammar, 2024' },
  };
}

/** Findings of three documents, each list sorted as the indicators stream hands it over. */
const perDocument: Finding[][] = [
  [finding('r.b', 'b.json', 'doc-b', 2), finding('r.a', 'b.json', 'doc-b', 9)],
  [finding('r.a', 'a.txt', 'doc-a', 5), finding('r.a', 'a.txt', 'doc-a', 30), finding('r.c', 'a.txt', 'doc-a', 40)],
  [finding('r.b', 'a.txt', 'doc-a2', 1)],
];

function spillOf(order: readonly number[]): FindingsSpill {
  const dir = mkdtempSync(join(tmpdir(), 'soz-spill-'));
  dirs.push(dir);
  const spill = new FindingsSpill(join(dir, 'scratch', 'indicators.ndjson'));
  for (const index of order) spill.add(perDocument[index]!);
  spill.add([]);
  return spill;
}

describe('findings spilled to disk while a run goes', () => {
  const result: AnalysisResult = { analysis: 'indicators', version: '2.0.0', parameters: {}, data: { counts: {} }, findings: [] };
  const sorted = perDocument.flat().sort(compareFindings);
  const inMemory = [...encodeAnalysis({ ...result, findings: sorted })].join('');

  it('writes the same bytes as the findings held in memory, whatever order documents came in', () => {
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      const spill = spillOf(order);
      expect(spill.count).toBe(sorted.length);
      expect([...spill.findings()].map((f) => f.id)).toEqual(sorted.map((f) => f.id));
      expect(textOf(encodeAnalysis(result, spill))).toBe(inMemory);
      spill.remove();
    }
  });

  it('names the shared members of the first finding in reading order, not of the first to arrive', () => {
    const spill = spillOf([0, 2, 1]);
    const rules = spill.shared.shared().rules;
    expect(rules['r.a']?.['reason']).toBe('Imperative verb form at doc-a:5');
    expect(rules['r.b']?.['reason']).toBe('Imperative verb form at doc-a2:1');
    spill.remove();
  });

  it('reads back any number of times and leaves no file once removed', () => {
    const spill = spillOf([1, 0, 2]);
    expect([...spill.findings()]).toEqual([...spill.findings()]);
    const path = join(dirs[0]!, 'scratch', 'indicators.ndjson');
    expect(existsSync(path)).toBe(true);
    spill.remove();
    expect(existsSync(path)).toBe(false);
  });

  it('copies the blocks written as they came when every block met the final shared members, else writes them afresh: the same bytes', () => {
    // Each document's text holds its findings' contexts, so the lines keep context ranges.
    const texts = new Map(['doc-a', 'doc-a2', 'doc-b'].map((id) => [id, `${'Баары келгиле эртең. '.repeat(3)}`]));
    const withContexts = perDocument.map((list) => list.map((f) => ({ ...f, place: { ...f.place, range: [27, 34] as [number, number], line: 1, column: 28 }, context: { left: texts.get(f.place.documentId)!.slice(0, 27), right: texts.get(f.place.documentId)!.slice(34) } })).sort(compareFindings));
    const all = withContexts.flat().sort(compareFindings);
    const lookup = (id: string) => texts.get(id);
    const expected = [...encodeAnalysis({ ...result, findings: all }, undefined, lookup)].join('');
    expect(expected).toContain('"context":[');
    // Reading order is doc-a (1), doc-a2 (2), doc-b (0); a block is copied when no finding of its
    // rules that comes earlier in reading order arrived after it (the reason differs per finding).
    const orders: [number[], boolean][] = [[[1, 2, 0], true], [[2, 1, 0], true], [[0, 1, 2], false], [[1, 0, 2], false]];
    for (const [order, copied] of orders) {
      const dir = mkdtempSync(join(tmpdir(), 'soz-spill-'));
      dirs.push(dir);
      const spill = new FindingsSpill(join(dir, 'scratch', 'indicators.ndjson'));
      for (const index of order) spill.add(withContexts[index]!, texts.get(withContexts[index]![0]!.place.documentId));
      expect(spill.encodedLines(lookup) !== undefined).toBe(copied);
      expect(textOf(encodeAnalysis(result, spill, lookup))).toBe(expected);
      expect([...spill.findings(lookup)]).toEqual(all);
      // Written with text, read without: afresh (contexts written out), as the encoder does.
      expect(spill.encodedLines(undefined)).toBeUndefined();
      spill.remove();
    }
  });
});
