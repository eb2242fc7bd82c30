import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../core/case.js';
import { mediaPlaceText, mediaSummary, mediaSummaryText } from './media-summary.js';

const label = (key: string) => `<${key}>`;
const record = (name: string, sha: string, extra: Partial<EvidenceRecord> = {}): EvidenceRecord => ({ sha256: sha.repeat(64), md5: '0'.repeat(32), size: 1, originalName: name, mediaType: 'x/y', copy: `evidence/${name}`, ...extra });

describe('media in the object list and in findings', () => {
  const audio = record('call.wav', 'a');
  const transcript = record('call.srt', 'b', { transcribes: { mediaSha256: 'a'.repeat(64), transcriber: 'Fictional Examiner' } });
  const evidence = [audio, transcript];

  it('gives a recording its duration and the transcripts covering it, and a transcript its media', () => {
    const documents = [{ evidenceSha256: audio.sha256, properties: { durationSeconds: 3723.5 } }];
    expect(mediaSummary(audio, evidence, documents)).toEqual({ duration: '01:02:03.500', transcripts: [{ name: 'call.srt', sha256: transcript.sha256, transcriber: 'Fictional Examiner' }] });
    const linked = mediaSummary(transcript, evidence, documents);
    expect(linked).toEqual({ transcribes: { sha256: audio.sha256, name: 'call.wav', transcriber: 'Fictional Examiner' } });
    expect(mediaSummaryText(linked ?? {}, label)).toBe(`<mediaTranscriptOf> call.wav (SHA-256 ${audio.sha256}; <mediaTranscriber>: Fictional Examiner)`);
  });

  it('says when a transcript has no media in the case, and gives the reason a damaged file was kept', () => {
    const orphan = mediaSummary(transcript, [transcript], []);
    expect(mediaSummaryText(orphan ?? {}, label)).toContain('<mediaTranscriptOf> <mediaNotInCustody>');
    const kept = mediaSummary(record('broken.pdf', 'c', { unreadable: { reason: 'seized so', error: 'no xref' } }), [], []);
    expect(mediaSummaryText(kept ?? {}, label)).toBe('<mediaKeptUnreadable>: seized so');
    expect(mediaSummary(record('plain.txt', 'd'), [], [])).toBeUndefined();
  });

  it('cites a transcript finding by media name, hash and time code', () => {
    expect(mediaPlaceText({ sha256: 'a'.repeat(64), name: 'call.wav', startMs: 1000, endMs: 3500 }, label)).toBe(`<mediaAt> 00:00:01.000–00:00:03.500 (call.wav, SHA-256 ${'a'.repeat(64)})`);
    expect(mediaPlaceText({ startMs: 61_000 }, label)).toBe('<mediaAt> 00:01:01.000');
  });
});
