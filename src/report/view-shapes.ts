/**
 * The declared shapes of the conclusion's streamed lists (issue 17): the report keeps its
 * unreviewed candidates and source excerpts as canonical JSON once per chunk, and with these
 * shapes each item is written in its members' code-unit order, fixed here once, instead of having
 * every object's keys sorted (`canonicalJsonShaped`). The compiler holds each list to its type; a
 * member added to a type but not here still gives the same bytes, through the generic rule.
 */
import type { ShapeMembers } from '../core/canonical-json.js';
import { ANY_JSON, jsonShape } from '../core/canonical-json.js';
import type { ExcerptPart, SourceExcerpt } from './excerpts.js';
import type { FindingView } from './model.js';

/** A candidate as the conclusion lists it. */
export const FINDING_VIEW_SHAPE = jsonShape({
  // In code-unit order, the order `findingView` builds a view in.
  actual: ANY_JSON, analysis: ANY_JSON, author: ANY_JSON, category: ANY_JSON, citation: ANY_JSON,
  column: ANY_JSON, countervailing: ANY_JSON, decisionReason: ANY_JSON, documentId: ANY_JSON,
  evidenceName: ANY_JSON, evidenceSha256: ANY_JSON, id: ANY_JSON, image: ANY_JSON, left: ANY_JSON,
  line: ANY_JSON, mainstreamMeaning: ANY_JSON, matched: ANY_JSON, media: ANY_JSON, messageId: ANY_JSON,
  note: ANY_JSON, originalAuthor: ANY_JSON, page: ANY_JSON, questionIds: ANY_JSON, range: ANY_JSON,
  reason: ANY_JSON, right: ANY_JSON, ruleId: ANY_JSON, segmentId: ANY_JSON, subcategory: ANY_JSON,
  unit: ANY_JSON, voice: ANY_JSON, voiceChange: ANY_JSON,
} satisfies ShapeMembers<FindingView>);

/** One unit's source with its candidates marked. */
export const SOURCE_EXCERPT_SHAPE = jsonShape({
  unit: ANY_JSON,
  evidenceName: ANY_JSON,
  documentId: ANY_JSON,
  page: ANY_JSON,
  messageId: ANY_JSON,
  author: ANY_JSON,
  originalAuthor: ANY_JSON,
  range: ANY_JSON,
  clipped: jsonShape({ before: ANY_JSON, after: ANY_JSON } satisfies ShapeMembers<SourceExcerpt['clipped']>),
  parts: [jsonShape({ text: ANY_JSON, findingIds: ANY_JSON } satisfies ShapeMembers<ExcerptPart>)],
} satisfies ShapeMembers<SourceExcerpt>);
