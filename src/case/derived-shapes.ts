/**
 * The declared shapes of what `derived/` writes once per segment or finding
 * (issue 17): canonical JSON of these is written in the shape's member order, fixed here once,
 * instead of sorting every object's keys (`canonicalJsonShaped`). Each shape lists every member
 * of its type (the compiler holds the lists to the types); a member added to a type but not here
 * still gives the same bytes, through the generic rule, only slower.
 */
import type { ShapeMembers as Members } from '../core/canonical-json.js';
import { ANY_JSON, jsonShape } from '../core/canonical-json.js';
import type { MediaItem, MessageInfo, Party, Reaction, Segment, SourceAnchor, Timestamp } from '../core/document.js';
import type { Citation, Finding, ImagePlace, MediaPlace, Place } from '../core/finding.js';

/** Key of a compact line listing the members of its base it does not have (see `derived-format.ts`). */
const ABSENT = { '-': ANY_JSON } as const;

const PARTY = jsonShape({ name: ANY_JSON, id: ANY_JSON } satisfies Members<Party>);
const TIMESTAMP = jsonShape({ iso: ANY_JSON, offset: ANY_JSON, raw: ANY_JSON } satisfies Members<Timestamp>);
const MEDIA_ITEM = jsonShape({ type: ANY_JSON, fileName: ANY_JSON, inExport: ANY_JSON } satisfies Members<MediaItem>);
const REACTION = jsonShape({ emoji: ANY_JSON, count: ANY_JSON, from: [PARTY] } satisfies Members<Reaction>);

const MESSAGE_MEMBERS = {
  platform: ANY_JSON,
  chatId: ANY_JSON,
  chatName: ANY_JSON,
  messageId: ANY_JSON,
  author: PARTY,
  timestamp: TIMESTAMP,
  role: ANY_JSON,
  forwardedFrom: PARTY,
  replyTo: ANY_JSON,
  reactionTo: ANY_JSON,
  edited: ANY_JSON,
  media: [MEDIA_ITEM],
  reactions: [REACTION],
  action: ANY_JSON,
  signature: ANY_JSON,
  viaBot: ANY_JSON,
} satisfies Members<MessageInfo>;

const ANCHOR_MEMBERS = {
  evidenceSha256: ANY_JSON,
  entry: ANY_JSON,
  part: ANY_JSON,
  page: ANY_JSON,
  paragraph: ANY_JSON,
  line: ANY_JSON,
  messageId: ANY_JSON,
  startMs: ANY_JSON,
  endMs: ANY_JSON,
  mediaSha256: ANY_JSON,
  imageSha256: ANY_JSON,
  imageEntry: ANY_JSON,
} satisfies Members<SourceAnchor>;

/** A segment line of a document file: a segment less what its base says, its message and anchor likewise. */
export const SEGMENT_LINE_SHAPE = jsonShape({
  ...ABSENT,
  id: ANY_JSON,
  range: ANY_JSON,
  anchor: jsonShape({ ...ANCHOR_MEMBERS, ...ABSENT }),
  author: ANY_JSON,
  message: jsonShape({ ...MESSAGE_MEMBERS, ...ABSENT }),
  words: ANY_JSON,
} satisfies Members<Segment> & typeof ABSENT);

const PLACE_MEMBERS = {
  documentId: ANY_JSON,
  evidenceSha256: ANY_JSON,
  evidenceName: ANY_JSON,
  segmentId: ANY_JSON,
  part: ANY_JSON,
  range: ANY_JSON,
  line: ANY_JSON,
  column: ANY_JSON,
  page: ANY_JSON,
  messageId: ANY_JSON,
  entry: ANY_JSON,
  media: jsonShape({ sha256: ANY_JSON, name: ANY_JSON, startMs: ANY_JSON, endMs: ANY_JSON } satisfies Members<MediaPlace>),
  image: jsonShape({ sha256: ANY_JSON, page: ANY_JSON, entry: ANY_JSON, box: ANY_JSON } satisfies Members<ImagePlace>),
} satisfies Members<Place>;

const FINDING_MEMBERS = {
  id: ANY_JSON,
  analysis: ANY_JSON,
  ruleId: ANY_JSON,
  category: ANY_JSON,
  reason: ANY_JSON,
  subcategory: ANY_JSON,
  place: jsonShape(PLACE_MEMBERS),
  actual: ANY_JSON,
  context: jsonShape({ left: ANY_JSON, right: ANY_JSON }),
  author: ANY_JSON,
  originalAuthor: ANY_JSON,
  voice: ANY_JSON,
  countervailing: ANY_JSON,
  note: ANY_JSON,
  mainstreamMeaning: ANY_JSON,
  citation: jsonShape({ lexicon: ANY_JSON, lexiconVersion: ANY_JSON, entryId: ANY_JSON, source: ANY_JSON } satisfies Members<Citation>),
  matched: jsonShape({ form: ANY_JSON, rule: ANY_JSON }),
  unit: ANY_JSON,
  accompanying: [jsonShape({ ruleId: ANY_JSON, category: ANY_JSON, actual: ANY_JSON, range: ANY_JSON })],
  normalisations: ANY_JSON,
} satisfies Members<Finding>;

/** A finding as the findings spill holds it. */
export const FINDING_SHAPE = jsonShape(FINDING_MEMBERS);

/** A finding line of an analysis file: a finding less what its base says, its place likewise; its context an object or a range. */
export const FINDING_LINE_SHAPE = jsonShape({ ...FINDING_MEMBERS, ...ABSENT, context: ANY_JSON, place: jsonShape({ ...PLACE_MEMBERS, ...ABSENT }) });
