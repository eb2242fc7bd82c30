// The spilled findings are written back as the same bytes as a result held in memory.
import { Buffer } from 'node:buffer';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicons } from '../analysis/lexicon-files.js';
import type { Lexicon } from '../analysis/lexicon-check.js';
import { runAnalyses } from '../analysis/registry.js';
import { canonicalJson } from '../core/canonical-json.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { SozDocument } from '../core/document.js';
import { findingsCsv } from '../report/csv-tables.js';
import { FindingsSpill } from './findings-spill.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

// Fictional text written for this test (a lone surrogate and a formula-like cell included).
function doc(name: string, ...texts: string[]): SozDocument {
  const b = new DocumentBuilder({ sha256: name.charCodeAt(0).toString(16).padStart(2, '0').repeat(32), name }, 'text');
  texts.forEach((text, i) => b.add({ id: `p${i}`, text, part: 'body' }));
  return b.build();
}

// Compared as the bytes a file gets (a lone surrogate is written as U+FFFD either way).
const bytes = (parts: Iterable<string | Uint8Array> | string) => Buffer.concat([...(typeof parts === 'string' ? [parts] : parts)].map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));

describe('FindingsSpill', () => {
  it('writes indicators.json and its CSV as the same bytes as from memory, whatever order documents came in', () => {
    const docs = [doc('b.txt', 'Бейте их! Они враги \uD800 народа.', '=Убить их всех'), doc('a.txt', 'Мы должны уничтожить их дома.')];
    const held = runAnalyses(docs, { lexicons, analyses: ['indicators'] })[0];
    const scratch = join(mkdtempSync(join(tmpdir(), 'soz-spill-test-')), '.scratch');
    const spill = new FindingsSpill(scratch);
    try {
      const result = runAnalyses([...docs].reverse(), { lexicons, analyses: ['indicators'], onDocumentFindings: (findings) => spill.add(findings) })[0];
      if (!held || !result) throw new Error('no indicators result');
      expect(held.findings?.length).toBeGreaterThan(2);
      expect(bytes(spill.json(result))).toEqual(bytes(canonicalJson(held, true)));
      expect(bytes(spill.csv())).toEqual(bytes(findingsCsv(held.findings ?? [])));
    } finally {
      spill.close();
      expect(existsSync(scratch)).toBe(false);
    }
  });

  it('writes a result without findings as it is', () => {
    const scratch = join(mkdtempSync(join(tmpdir(), 'soz-spill-test-')), '.scratch');
    const spill = new FindingsSpill(scratch);
    try {
      const result = runAnalyses([doc('c.txt', 'Встреча завтра.')], { lexicons, analyses: ['indicators'], onDocumentFindings: (findings) => spill.add(findings) })[0];
      if (!result) throw new Error('no indicators result');
      expect(bytes(spill.json(result))).toEqual(bytes(canonicalJson(result, true)));
      expect(bytes(spill.csv())).toEqual(bytes(findingsCsv([])));
    } finally {
      spill.close();
      expect(existsSync(scratch)).toBe(false);
    }
  });
});
