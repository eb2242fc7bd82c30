import type { LabelKey } from './labels.js';
import type { EvidenceDateOrder, EvidenceRecord } from '../core/case.js';
import type { SozDocument } from '../core/document.js';
import type { MediaPlace } from '../core/finding.js';
import { formatTimecode } from '../core/timecode.js';

/**
 * What the object list says about an item beyond name, type and size: the duration of audio or
 * video and the transcripts that cover it (with who made them), the media a transcript covers
 * (or that it is not in custody), the examiner's reason for keeping a damaged file, and the
 * day/month order the examiner set for a chat export.
 */
export interface MediaSummary {
  /** `hh:mm:ss.mmm`, from the container headers. */
  readonly duration?: string;
  readonly transcripts?: readonly { readonly name: string; readonly sha256: string; readonly transcriber: string }[];
  /** For a transcript; `name` absent when the media is not in custody. */
  readonly transcribes?: { readonly sha256: string; readonly name?: string; readonly transcriber: string };
  readonly unreadableReason?: string;
  /** The day/month order the examiner set for a chat export whose dates the file cannot settle. */
  readonly dateOrder?: EvidenceDateOrder;
}

/** The summary of one evidence item, or undefined when there is nothing beyond the basics. */
export function mediaSummary(record: EvidenceRecord, evidence: readonly EvidenceRecord[], documents: readonly Pick<SozDocument, 'evidenceSha256' | 'properties'>[]): MediaSummary | undefined {
  const seconds = documents.find((doc) => doc.evidenceSha256 === record.sha256)?.properties['durationSeconds'];
  const transcripts = evidence
    .filter((other) => other.transcribes?.mediaSha256 === record.sha256)
    .map((other) => ({ name: other.originalName, sha256: other.sha256, transcriber: other.transcribes?.transcriber ?? '' }));
  const link = record.transcribes;
  const mediaName = link ? evidence.find((other) => other.sha256 === link.mediaSha256)?.originalName : undefined;
  const summary: MediaSummary = {
    ...(typeof seconds === 'number' ? { duration: formatTimecode(seconds * 1000) } : {}),
    ...(transcripts.length > 0 ? { transcripts } : {}),
    ...(link ? { transcribes: { sha256: link.mediaSha256, ...(mediaName !== undefined ? { name: mediaName } : {}), transcriber: link.transcriber } } : {}),
    ...(record.unreadable ? { unreadableReason: record.unreadable.reason } : {}),
    ...(record.dateOrder ? { dateOrder: record.dateOrder } : {}),
  };
  return Object.keys(summary).length > 0 ? summary : undefined;
}

/** The record with its summary under `media` when there is one (the object list of the report). */
export function withMediaSummary(record: EvidenceRecord, evidence: readonly EvidenceRecord[], documents: readonly Pick<SozDocument, 'evidenceSha256' | 'properties'>[]): EvidenceRecord & { media?: MediaSummary } {
  const media = mediaSummary(record, evidence, documents);
  return media ? { ...record, media } : record;
}

/** The summary in words of the report language (`label` looks a key up in its labels). */
export function mediaSummaryText(summary: MediaSummary, label: (key: LabelKey) => string): string {
  const parts: string[] = [];
  if (summary.duration !== undefined) parts.push(`${label('mediaDuration')} ${summary.duration}`);
  for (const transcript of summary.transcripts ?? []) parts.push(`${label('mediaTranscript')}: ${transcript.name} (${label('mediaTranscriber')}: ${transcript.transcriber})`);
  const link = summary.transcribes;
  if (link) parts.push(`${label('mediaTranscriptOf')} ${link.name ?? label('mediaNotInCustody')} (SHA-256 ${link.sha256}; ${label('mediaTranscriber')}: ${link.transcriber})`);
  if (summary.unreadableReason !== undefined) parts.push(`${label('mediaKeptUnreadable')}: ${summary.unreadableReason}`);
  if (summary.dateOrder !== undefined) parts.push(label(summary.dateOrder === 'day-first' ? 'mediaDateOrderDayFirst' : 'mediaDateOrderMonthFirst'));
  return parts.join('; ');
}

/** Where a transcript finding lies in its media: name, hash and time code (`hh:mm:ss.mmm–…`). */
export function mediaPlaceText(media: MediaPlace, label: (key: LabelKey) => string): string {
  const file = [media.name, media.sha256 !== undefined ? `SHA-256 ${media.sha256}` : undefined].filter((part) => part !== undefined).join(', ');
  const time = `${formatTimecode(media.startMs)}${media.endMs !== undefined ? `–${formatTimecode(media.endMs)}` : ''}`;
  return `${label('mediaAt')} ${time}${file !== '' ? ` (${file})` : ''}`;
}
