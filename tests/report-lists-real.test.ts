/**
 * The report's kept lists on the candidates of two real Russian corpora (../shared/corpora-real, SOURCES.md):
 * each chunk of unreviewed candidates and of source excerpts, as the report's one pass makes them,
 * written by one `JSON.stringify` of the ordered chunk (`canonicalJsonShapedItems`) gives the bytes
 * of the generic canonical serialiser, and the candidate rows built as strings give the bytes
 * Handlebars gives for the template's row partials (issue 17, round 14).
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicons, runIndicators } from '../src/analysis/index.js';
import type { Lexicon } from '../src/analysis/index.js';
import { canonicalJson, canonicalJsonShapedItems } from '../src/core/canonical-json.js';
import type { SozDocument } from '../src/core/document.js';
import type { Finding } from '../src/core/finding.js';
import { compareFindings } from '../src/core/finding.js';
import { collectDocuments } from '../src/ingest/adapter.js';
import { adapterFor } from '../src/ingest/registry.js';
import { readLabels } from '../src/pipeline/report.js';
import { conclusionHandlebars } from '../src/report/helpers.js';
import { markdownAnswer, markdownCell } from '../src/report/markdown.js';
import { FINDING_UNITS_PARTIALS, markdownRows } from '../src/report/markdown-rows.js';
import { candidateRunsWithExcerpts } from '../src/report/model.js';
import { FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE } from '../src/report/view-shapes.js';
import { evidenceInputOf, REAL_CORPORA } from './support/adapter-invariants.js';

const ROOT = new URL('../', import.meta.url).pathname;
const CORPORA = {
  work: `${REAL_CORPORA}telegram/full_account_html_export_workgroup_ru/chats/chat_02/messages.html`,
  reuploads: `${REAL_CORPORA}telegram/guzel_reuploads_channel_ru.trimmed.result.json`,
};

describe.skipIf(!Object.values(CORPORA).every((file) => existsSync(file)))('the kept lists of real corpora', () => {
  let lexicons: Lexicon[] = [];
  beforeAll(async () => {
    lexicons = (await loadLexicons(ROOT)).lexicons;
  });

  for (const [name, file] of Object.entries(CORPORA)) {
    it(`${name}: every chunk's canonical JSON and candidate rows are the generic serialiser's and Handlebars' bytes`, async () => {
      const input = evidenceInputOf(new Uint8Array(readFileSync(file)), file.split('/').pop()!);
      const docs: SozDocument[] = await collectDocuments(adapterFor(input).extract(input));
      const findings: Finding[] = [...runIndicators(docs, { lexicons }).findings].sort(compareFindings);
      const byId = new Map(docs.map((doc) => [doc.id, doc]));
      const labels = readLabels('ru');
      const rows = markdownRows(labels, markdownCell);
      const handlebars = conclusionHandlebars(labels, { cell: markdownCell, answerText: markdownAnswer });
      const render = handlebars.compile(`${FINDING_UNITS_PARTIALS}{{> findingUnits list}}`, { noEscape: true, strict: false });
      let candidates = 0;
      for (const [views, excerpts] of candidateRunsWithExcerpts(findings, (id) => byId.get(id))) {
        candidates += views.length;
        expect(canonicalJsonShapedItems(views, FINDING_VIEW_SHAPE)).toBe(canonicalJson(views));
        expect(canonicalJsonShapedItems(excerpts, SOURCE_EXCERPT_SHAPE)).toBe(canonicalJson(excerpts));
        expect(rows(views)).toBe(render({ t: labels, list: views }));
      }
      expect(candidates).toBe(findings.length);
      expect(candidates).toBeGreaterThan(10);
    });
  }
});
