/**
 * The declared shape of a document's row of the language overview, written once per document as
 * canonical JSON in this member order (issue 17; see `canonicalJsonShaped` and `case/derived-shapes.ts`).
 */
import type { ShapeMembers as Members } from '../core/canonical-json.js';
import { ANY_JSON, jsonShape } from '../core/canonical-json.js';
import type { DocumentOverview, SegmentOverview, SpanCounts } from './language-overview.js';

const SPAN_MEMBERS = { characters: ANY_JSON, tokens: ANY_JSON, words: ANY_JSON, language: ANY_JSON, languageReason: ANY_JSON } satisfies Members<SpanCounts>;

/** A document's row of the language overview. */
export const DOCUMENT_OVERVIEW_SHAPE = jsonShape({
  ...SPAN_MEMBERS,
  documentId: ANY_JSON,
  evidenceName: ANY_JSON,
  format: ANY_JSON,
  segmentCount: ANY_JSON,
  segments: [jsonShape({ ...SPAN_MEMBERS, segmentId: ANY_JSON } satisfies Members<SegmentOverview>)],
} satisfies Members<DocumentOverview>);
