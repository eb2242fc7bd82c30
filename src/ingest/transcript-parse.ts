/**
 * Parsing of examiner transcripts of audio and video, pure and line-based. Three forms:
 * - SubRip (`.srt`): blocks of an optional number, `00:01:02,500 --> 00:01:05,000`, text lines;
 * - WebVTT (`.vtt`): `WEBVTT` first, cues with an optional identifier and `00:01.000 --> 00:02.000`
 *   (settings after the times ignored), `NOTE` blocks kept as comments, `STYLE`/`REGION` counted;
 * - time-coded text: a line starting `[hh:mm:ss]`, `[mm:ss]`, with optional `.mmm`/`,mmm`, or a
 *   range `[00:01:23 - 00:01:30]` (also `–` or `-->`); lines without a time code continue the cue.
 * A speaker is `<v Name>` (WebVTT) or a leading `Name: ` of at most three words and 40 characters.
 * Times are milliseconds from the start of the media.
 */

export type TranscriptForm = 'srt' | 'vtt' | 'timecoded';

/** One passage of a transcript with the 1-based line where it starts in the file. */
export interface TranscriptCue {
  /** `cue`: timed speech; `note`: a WebVTT NOTE or header; `untimed`: a block without a time code. */
  readonly kind: 'cue' | 'note' | 'untimed';
  readonly text: string;
  readonly line: number;
  readonly startMs?: number;
  readonly endMs?: number;
  readonly speaker?: string;
}

export interface ParsedTranscript {
  readonly form: TranscriptForm;
  readonly cues: readonly TranscriptCue[];
  /** WebVTT STYLE and REGION blocks: layout, not speech; counted so nothing is dropped in silence. */
  readonly layoutBlocks: readonly { readonly kind: string; readonly line: number }[];
}

const TIME = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?`;
const TIMING_LINE = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s.*)?$`, 'u');
const TIMECODED_LINE = new RegExp(String.raw`^\s*\[${TIME}(?:\s*(?:-->|–|-)\s*${TIME})?\]\s*(.*)$`, 'u');
const SPEAKER_PREFIX = /^([^\s:<>[\]\d][^:<>[\]\n]{0,39}?):[ \t]+(\S[\s\S]*)$/u;
const VOICE_TAG = /^<v(?:\.[^\s>]*)?\s+([^>]{1,80})>/u;

/** The transcript form of a text, judged from its first lines; undefined for other text. */
export function transcriptForm(text: string): TranscriptForm | undefined {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u, 200);
  if (/^WEBVTT(?:[ \t].*)?$/u.test(lines[0] ?? '')) return 'vtt';
  const filled = lines.filter((line) => line.trim() !== '').slice(0, 10);
  if (filled.length === 0) return undefined;
  // SubRip: a cue number, then a timing line.
  if (/^\s*\d{1,9}\s*$/u.test(filled[0] ?? '') && TIMING_LINE.test(filled[1] ?? '')) return 'srt';
  const timed = filled.filter((line) => TIMECODED_LINE.test(line)).length;
  // Time-coded: at least half the first lines carry a time code; a heading may come first.
  return timed * 2 >= filled.length && (timed >= 2 || TIMECODED_LINE.test(filled[0] ?? '')) ? 'timecoded' : undefined;
}

/** Parses a transcript of a known form; every non-blank line ends up in a cue or is counted. */
export function parseTranscript(text: string, form: TranscriptForm): ParsedTranscript {
  const lines = text.split(/\r\n|\r|\n/u);
  return form === 'timecoded' ? parseTimecoded(lines) : parseBlocks(lines, form);
}

function parseTimecoded(lines: readonly string[]): ParsedTranscript {
  const cues: Mutable<TranscriptCue>[] = [];
  lines.forEach((line, index) => {
    const match = TIMECODED_LINE.exec(line);
    if (match) {
      const startMs = millis(match.slice(1, 5));
      const endMs = match[6] !== undefined ? millis(match.slice(5, 9)) : undefined;
      cues.push({ kind: 'cue', line: index + 1, ...withSpeaker(match[9] ?? ''), startMs, ...(endMs !== undefined ? { endMs } : {}) });
      return;
    }
    if (line.trim() === '') return;
    const last = cues[cues.length - 1];
    if (last) last.text = last.text === '' ? line.trim() : `${last.text}\n${line.trim()}`;
    else cues.push({ kind: 'untimed', line: index + 1, text: line.trim() });
  });
  return { form: 'timecoded', cues, layoutBlocks: [] };
}

function parseBlocks(lines: readonly string[], form: 'srt' | 'vtt'): ParsedTranscript {
  const cues: TranscriptCue[] = [];
  const layoutBlocks: { kind: string; line: number }[] = [];
  for (const block of blocksOf(lines)) {
    const first = block.lines[0] ?? '';
    if (form === 'vtt' && block.line === 1) {
      // The WEBVTT signature line is the format's name; header lines after it are kept.
      const header = [first.replace(/^\uFEFF?WEBVTT[ \t]*/u, ''), ...block.lines.slice(1)].filter((line) => line.trim() !== '');
      if (header.length > 0) cues.push({ kind: 'note', line: 1, text: header.join('\n') });
      continue;
    }
    if (form === 'vtt' && /^(STYLE|REGION)\s*$/u.test(first)) {
      layoutBlocks.push({ kind: first.trim(), line: block.line });
      continue;
    }
    if (form === 'vtt' && /^NOTE(?:\s|$)/u.test(first)) {
      cues.push({ kind: 'note', line: block.line, text: [first.slice(4).trim(), ...block.lines.slice(1)].filter((line) => line !== '').join('\n') });
      continue;
    }
    const timing = block.lines.findIndex((line) => TIMING_LINE.test(line));
    const match = timing >= 0 && timing <= 1 ? TIMING_LINE.exec(block.lines[timing] ?? '') : null;
    if (!match) {
      cues.push({ kind: 'untimed', line: block.line, text: block.lines.join('\n') });
      continue;
    }
    const spoken = block.lines.slice(timing + 1).join('\n');
    cues.push({ kind: 'cue', line: block.line, ...withSpeaker(spoken, form), startMs: millis(match.slice(1, 5)), endMs: millis(match.slice(5, 9)) });
  }
  return { form, cues, layoutBlocks };
}

/** Runs of non-blank lines with the 1-based line each starts on. */
function blocksOf(lines: readonly string[]): { line: number; lines: string[] }[] {
  const blocks: { line: number; lines: string[] }[] = [];
  let open: { line: number; lines: string[] } | undefined;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      open = undefined;
      return;
    }
    if (!open) blocks.push((open = { line: index + 1, lines: [] }));
    open.lines.push(line);
  });
  return blocks;
}

/** Splits off the speaker and, for WebVTT and SubRip, the inline markup (kept words only). */
function withSpeaker(raw: string, form?: 'srt' | 'vtt'): { text: string; speaker?: string } {
  let text = raw.trim();
  const voice = form === 'vtt' ? VOICE_TAG.exec(text) : null;
  if (form !== undefined) text = stripMarkup(text);
  if (voice?.[1] !== undefined) return { text, speaker: voice[1].trim() };
  const prefix = SPEAKER_PREFIX.exec(text);
  if (prefix?.[1] !== undefined && prefix[2] !== undefined && prefix[1].trim().split(/\s+/u).length <= 3) return { text: prefix[2], speaker: prefix[1].trim() };
  return { text };
}

/** Removes cue tags (`<i>`, `<c.x>`, `<v Name>`, inline times) and decodes the four entities. */
function stripMarkup(text: string): string {
  return text
    .replace(/<\/?(?:[a-z]+(?:\.[^\s>]*)?(?:\s[^>]*)?|\d[\d:.]*)>/giu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&nbsp;/gu, '\u00a0')
    .replace(/&amp;/gu, '&')
    .trim();
}

function millis([hours, minutes, seconds, fraction]: readonly (string | undefined)[]): number {
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + ms;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
