import type { Notice, SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { TranscriptLink } from '../core/case.js';
import type { EvidenceInput, IngestAdapter } from './adapter.js';
import { checkSegmentCount } from './docs/common.js';
import { decodeText } from './text-decode.js';
import { MEDIA_TYPES } from './sniff.js';
import { parseTranscript, transcriptForm } from './transcript-parse.js';
import type { TranscriptCue } from './transcript-parse.js';
import { UnreadTally } from './unread.js';

/**
 * The examiner's transcript of an audio or video item (SubRip, WebVTT or time-coded text; forms
 * in `transcript-parse.ts`). Each cue is a segment `c<N>` of part `cue` with its start and end in
 * the media (`anchor.startMs`/`endMs`) and its speaker as `author`; WebVTT notes are `comment`
 * segments and blocks without a time code `body` segments, with a notice.
 */
export const transcriptAdapter: IngestAdapter = {
  id: 'transcript',
  format: 'transcript',
  detect(input: EvidenceInput): boolean {
    return input.mediaType === MEDIA_TYPES.text && transcriptForm(decodeText(input.head.subarray(0, 16 * 1024)).text) !== undefined;
  },
  async *extract(input: EvidenceInput): AsyncIterable<SozDocument> {
    yield transcriptDocument(input, await input.bytes());
  },
};

/** Builds the transcript document from the whole file (pure; exported for tests). */
export function transcriptDocument(input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits'>, bytes: Uint8Array): SozDocument {
  const decoded = decodeText(bytes);
  const form = transcriptForm(decoded.text) ?? 'timecoded';
  const parsed = parseTranscript(decoded.text, form);
  checkSegmentCount(parsed.cues.length, input.limits, input.name);
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'transcript');
  let untimed = 0;
  parsed.cues.forEach((cue, index) => {
    if (cue.kind === 'untimed') untimed++;
    builder.add({ id: `c${index}`, text: cue.text, part: PARTS[cue.kind], anchor: anchorOf(cue), ...(cue.speaker !== undefined ? { author: cue.speaker } : {}) });
  });
  if (untimed > 0) {
    const first = parsed.cues.find((cue) => cue.kind === 'untimed');
    builder.notice({ code: 'transcript.untimed', severity: 'warning', message: `${input.name}: ${untimed} block(s) without a time code, kept as text (first at line ${first?.line ?? '?'}); findings there cannot cite a time in the media` });
  }
  const layout = new UnreadTally();
  for (const block of parsed.layoutBlocks) layout.note(`WebVTT ${block.kind} block(s) (layout, not speech)`, `line ${block.line}`);
  for (const notice of layout.notices(input.name, 'transcript')) builder.notice(notice);
  return builder.build({ transcriptForm: form, encoding: decoded.encoding, cues: parsed.cues.filter((cue) => cue.kind === 'cue').length });
}

const PARTS = { cue: 'cue', note: 'comment', untimed: 'body' } as const;

function anchorOf(cue: TranscriptCue): { line: number; startMs?: number; endMs?: number } {
  return { line: cue.line, ...(cue.startMs !== undefined ? { startMs: cue.startMs } : {}), ...(cue.endMs !== undefined ? { endMs: cue.endMs } : {}) };
}

/**
 * Ties a transcript's documents to the media item it transcribes: every segment anchor carries
 * the media hash, the document the media's name and the transcriber, and a transcript whose
 * media is not in custody says so in a notice. `mediaName` is undefined when not in custody.
 */
export function linkTranscript(doc: SozDocument, link: TranscriptLink, mediaName: string | undefined): SozDocument {
  const notices: Notice[] = [...doc.notices];
  if (mediaName === undefined) {
    notices.push({ code: 'transcript.media-not-in-custody', severity: 'warning', message: `${doc.evidenceName}: transcribes media with SHA-256 ${link.mediaSha256}, which is not in the case; add the media file so the transcript can be checked against it` });
  }
  return {
    ...doc,
    segments: doc.segments.map((segment) => ({ ...segment, anchor: { ...segment.anchor, mediaSha256: link.mediaSha256 } })),
    notices,
    properties: { ...doc.properties, transcribesSha256: link.mediaSha256, transcriber: link.transcriber, ...(mediaName !== undefined ? { transcribesName: mediaName } : {}) },
  };
}
