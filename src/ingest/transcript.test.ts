import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, inputFromBytes } from './adapter.js';
import { segmentText } from '../core/document.js';
import { formatTimecode } from '../core/timecode.js';
import { parseTranscript, transcriptForm } from './transcript-parse.js';
import { linkTranscript, transcriptAdapter, transcriptDocument } from './transcript.js';

import { FICTIONAL_SRT as SRT, FICTIONAL_TIMECODED as TIMECODED, FICTIONAL_VTT as VTT } from '../../tests/support/transcripts.js';

const SHA = 'cd'.repeat(32);

function doc(text: string) {
  return transcriptDocument({ name: 't.txt', sha256: SHA, limits: DEFAULT_LIMITS }, new TextEncoder().encode(text));
}

describe('transcript forms', () => {
  it('recognises SubRip, WebVTT and time-coded text, and not prose or a WhatsApp export', () => {
    expect([transcriptForm(SRT), transcriptForm(VTT), transcriptForm(TIMECODED)]).toEqual(['srt', 'vtt', 'timecoded']);
    expect(transcriptForm('Обычный текст.\n[00:01] ссылка в середине\nещё строка\nи ещё\n')).toBeUndefined();
    expect(transcriptForm('[12.03.24, 10:15:00] Иван: привет\n')).toBeUndefined();
  });

  it('SubRip: speaker, start and end on every cue; inline markup removed, lines kept', () => {
    const { cues } = parseTranscript(SRT, 'srt');
    expect(cues).toEqual([
      { kind: 'cue', line: 1, text: 'Саламатсызбы, баары жакшыбы?', speaker: 'Айбек', startMs: 1500, endMs: 4000 },
      { kind: 'cue', line: 5, text: 'Бүгүн жолугабыз.\nЭртең эмес.', startMs: 4200, endMs: 7000 },
    ]);
  });

  it('WebVTT: header and NOTE kept as notes, STYLE counted, voice tag as speaker, short times', () => {
    const parsed = parseTranscript(VTT, 'vtt');
    expect(parsed.cues).toEqual([
      { kind: 'note', line: 1, text: '- fictional call' },
      { kind: 'note', line: 6, text: 'transcribed by hand' },
      { kind: 'cue', line: 8, text: 'Добрый день & до свидания', speaker: 'Мария', startMs: 1000, endMs: 3250 },
      { kind: 'cue', line: 12, text: 'Bye.', startMs: 5000, endMs: 6000 },
    ]);
    expect(parsed.layoutBlocks).toEqual([{ kind: 'STYLE', line: 3 }]);
  });

  it('time-coded text: ranges, continuation lines, hours, and a heading kept untimed', () => {
    expect(parseTranscript(TIMECODED, 'timecoded').cues).toEqual([
      { kind: 'untimed', line: 1, text: 'Запись разговора (вымышленная)' },
      { kind: 'cue', line: 2, text: 'Где встречаемся?', speaker: 'Иван', startMs: 3000 },
      { kind: 'cue', line: 3, text: 'У магазина.\nпотом пойдём дальше', speaker: 'Пётр', startMs: 7000, endMs: 9000 },
      { kind: 'cue', line: 5, text: 'Хорошо.', speaker: 'Иван', startMs: 3_723_500 },
    ]);
    expect(formatTimecode(3_723_500)).toBe('01:02:03.500');
  });
});

describe('transcript adapter', () => {
  it('is detected before plain text and builds cue segments with time codes and speakers', () => {
    const input = inputFromBytes(new TextEncoder().encode(SRT), { name: 'call.srt', sha256: SHA, mediaType: 'text/plain', limits: DEFAULT_LIMITS });
    expect(transcriptAdapter.detect(input)).toBe(true);
    const built = doc(SRT);
    expect(built.format).toBe('transcript');
    expect(built.segments.map((segment) => [segment.anchor.part, segment.anchor.startMs, segment.anchor.endMs, segment.author, segmentText(built, segment)])).toEqual([
      ['cue', 1500, 4000, 'Айбек', 'Саламатсызбы, баары жакшыбы?'],
      ['cue', 4200, 7000, undefined, 'Бүгүн жолугабыз.\nЭртең эмес.'],
    ]);
    expect(built.properties).toMatchObject({ transcriptForm: 'srt', cues: 2 });
  });

  it('counts what it does not read and notes blocks without a time code', () => {
    expect(doc(VTT).notices.map((notice) => notice.code)).toEqual(['transcript.not-read']);
    expect(doc(TIMECODED).notices.map((notice) => notice.message)).toEqual(['t.txt: 1 block(s) without a time code, kept as text (first at line 1); findings there cannot cite a time in the media']);
  });

  it('a linked transcript carries the media hash on every segment, and says when the media is not in the case', () => {
    const link = { mediaSha256: 'ef'.repeat(32), transcriber: 'Fictional Examiner' };
    const linked = linkTranscript(doc(SRT), link, 'call.wav');
    expect(linked.segments.every((segment) => segment.anchor.mediaSha256 === link.mediaSha256)).toBe(true);
    expect(linked.properties).toMatchObject({ transcribesSha256: link.mediaSha256, transcribesName: 'call.wav', transcriber: 'Fictional Examiner' });
    expect(linked.notices).toEqual([]);
    expect(linkTranscript(doc(SRT), link, undefined).notices.map((notice) => notice.code)).toEqual(['transcript.media-not-in-custody']);
  });
});
