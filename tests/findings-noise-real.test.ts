// Issue 14 "less noise, nothing lost" on the real benign corpora of ../shared/corpora-real
// (SOURCES.md): the devotional Telegram channel and the payroll work chat. Bare us/them pronouns
// and bare obligation modals no longer stand alone, yet every candidate of the old behaviour is
// still somewhere: a candidate, a feature accompanying one, or a withheld feature.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../src/analysis/index.js';
import { loadLexicons, runIndicators } from '../src/analysis/index.js';
import { collectDocuments } from '../src/ingest/adapter.js';
import { adapterFor } from '../src/ingest/registry.js';
import { evidenceInputOf, REAL_CORPORA } from './support/adapter-invariants.js';

const ROOT = new URL('../', import.meta.url).pathname;
const CORPORA = {
  devotional: `${REAL_CORPORA}telegram/salaf_channel_ar_en.result.json`,
  work: `${REAL_CORPORA}telegram/full_account_html_export_workgroup_ru/chats/chat_02/messages.html`,
};

describe.skipIf(!Object.values(CORPORA).every((f) => existsSync(f)))('real benign corpora: fewer candidates, nothing lost', () => {
  let lexicons: Lexicon[] = [];
  beforeAll(async () => {
    lexicons = (await loadLexicons(ROOT)).lexicons;
  });

  for (const [name, file] of Object.entries(CORPORA)) {
    it(`${name}: pronouns accompany or are withheld, and the old candidates are all accounted for`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const input = evidenceInputOf(bytes, file.split('/').pop() as string);
      const docs = await collectDocuments(adapterFor(input).extract(input));
      const grouped = runIndicators(docs, { lexicons });
      const standalone = runIndicators(docs, { lexicons, standaloneFeatures: true });
      const attached = grouped.findings.reduce((n, f) => n + (f.accompanying?.length ?? 0), 0);
      expect(grouped.findings.length + attached + grouped.withheld.length).toBe(standalone.findings.length);
      const pronouns = (findings: readonly { category: string }[]) => findings.filter((f) => f.category === 'us-them').length;
      expect(pronouns(grouped.findings)).toBeLessThan(pronouns(standalone.findings) / 3);
      // Every candidate that is neither a pronoun nor a call is unchanged by the grouping; the calls
      // that no longer stand are bare obligations (no violence, group or target in their sentence).
      const others = (findings: readonly { category: string; id: string }[]) => findings.filter((f) => f.category !== 'us-them' && f.category !== 'call-to-action').map((f) => f.id);
      expect(others(grouped.findings)).toEqual(others(standalone.findings));
      const standing = new Set(grouped.findings.map((f) => f.id));
      const bareCalls = standalone.findings.filter((f) => f.category === 'call-to-action' && !standing.has(f.id));
      expect(bareCalls.length).toBeGreaterThan(0);
      expect(bareCalls.every((f) => f.subcategory === 'obligation' && !f.countervailing.includes('prayer'))).toBe(true);
    });
  }
});
