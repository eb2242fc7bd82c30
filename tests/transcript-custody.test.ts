import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { fileSha256, snapshotTree, soz, tempDir } from './support/cli.js';
import { caseWith, readLog } from './support/custody.js';
import { wav } from './support/media-files.js';
import { derivedAnalysis, derivedDocumentList } from './support/derived.js';

// A transcript linked to the recording it transcribes (issue 16). Recording and transcripts are
// fictional; the transcript text is a made-up quarrel written for this test.

const TRANSCRIPT = '1\n00:00:01,000 --> 00:00:03,500\nАзамат: Уходите отсюда, уничтожьте их всех!\n\n2\n00:00:04,000 --> 00:00:06,000\nБакыт: Не надо, успокойся.\n';

function write(name: string, content: string | Uint8Array): string {
  const file = join(tempDir('soz-transcript-'), name);
  writeFileSync(file, content);
  return file;
}

describe('transcripts linked to their media', () => {
  it('records the link and transcriber, cites media, hash and time code in findings, and lists both in the report', async () => {
    const dir = await caseWith([]);
    const recording = write('call.wav', wav(7));
    expect((await soz(['add', dir, recording])).code).toBe(0);
    const added = await soz(['add', dir, write('call.srt', TRANSCRIPT), '--transcribes', recording, '--transcriber', 'Fictional Examiner']);
    expect(added.code, added.stderr).toBe(0);
    const media = fileSha256(recording);
    const entry = readLog(dir).filter((logged) => logged.action === 'evidence.add')[1];
    expect(entry?.details['evidence']).toMatchObject({ originalName: 'call.srt', transcribes: { mediaSha256: media, transcriber: 'Fictional Examiner' } });

    expect((await soz(['analyze', dir])).code).toBe(0);
    const indicators = derivedAnalysis(dir, 'indicators') as { findings: readonly Finding[] };
    const inTranscript = indicators.findings.filter((finding) => finding.place.evidenceName === 'call.srt');
    expect(inTranscript.length).toBeGreaterThan(0);
    for (const finding of inTranscript) expect(finding.place.media).toMatchObject({ sha256: media, name: 'call.wav', startMs: expect.any(Number) as number, endMs: expect.any(Number) as number });

    const reported = await soz(['report', dir]);
    expect(reported.code, reported.stderr).toBe(0);
    const reportFile = readdirSync(join(dir, 'reports')).find((name) => name.endsWith('.md'));
    const report = readFileSync(join(dir, 'reports', reportFile ?? ''), 'utf8');
    expect(report).toContain('audio/wav; duration 00:00:07.000; transcript: call.srt (made by: Fictional Examiner)');
    expect(report).toContain(`text/plain; transcript of call.wav (SHA-256 ${media}; made by: Fictional Examiner)`);
  });

  it('accepts a transcript whose media is not in the case, and says so', async () => {
    const dir = await caseWith([]);
    const absent = 'ab'.repeat(32);
    expect((await soz(['add', dir, write('lost.srt', TRANSCRIPT), '--transcribes', absent, '--transcriber', 'Fictional Examiner'])).code).toBe(0);
    expect((await soz(['analyze', dir])).code).toBe(0);
    const [doc] = derivedDocumentList(dir);
    expect(doc?.notices.map((notice) => notice.code)).toEqual(['transcript.media-not-in-custody']);
  });

  it('refuses --transcribes on a file that is not a transcript, a missing transcriber, and an unknown hash prefix', async () => {
    const dir = await caseWith([]);
    const before = snapshotTree(dir);
    const prose = await soz(['add', dir, write('note.txt', 'Просто записка.\n'), '--transcribes', 'ab'.repeat(32), '--transcriber', 'X']);
    expect(prose.stderr).toMatch(/^soz: error: .*note\.txt: --transcribes is for a transcript .*reads as text\n$/);
    const noName = await soz(['add', dir, write('a.srt', TRANSCRIPT), '--transcribes', 'ab'.repeat(32)]);
    expect(noName.stderr).toMatch(/--transcribes MEDIA and --transcriber "name" go together/);
    const prefix = await soz(['add', dir, write('b.srt', TRANSCRIPT), '--transcribes', 'abababababab', '--transcriber', 'X']);
    expect(prefix.stderr).toMatch(/--transcribes abababababab: the hash prefix names no item in the case/);
    expect([prose.code, noName.code, prefix.code]).toEqual([2, 2, 2]);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
