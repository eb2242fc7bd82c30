/**
 * `--date-order dmy|mdy` for WhatsApp exports whose dates the file cannot settle: given on
 * `soz add` / `soz run`, or set for an item in custody with `soz evidence date-order`; logged,
 * applied by the extractor through the case (so `soz verify` reproduces it), and reported.
 * Fixture: tests/fixtures/chats/whatsapp_nbsp_ambiguous.txt (MIT, joweich/chat-miner; see its SOURCES.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import { soz, tempDir } from './support/cli.js';
import { derivedDocumentList } from './support/derived.js';

const AMBIGUOUS = join(import.meta.dirname, 'fixtures', 'chats', 'whatsapp_nbsp_ambiguous.txt');
const CASE = ['--case-number', '1', '--ordering-body', 'Court (fictional)', '--examiner', 'Examiner (fictional)', '--language', 'en', '--quiet'];

function documents(dir: string): SozDocument[] {
  return derivedDocumentList(dir);
}

function firstIso(dir: string): string | null {
  return documents(dir)[0]!.segments.find((segment) => segment.message)!.message!.timestamp.iso;
}

describe('WhatsApp date order', () => {
  it('names the option in the notice when the file cannot settle the order', async () => {
    const out = join(tempDir(), 'case');
    const result = await soz(['run', AMBIGUOUS, '--out', out, ...CASE]);
    expect(result.code).toBe(0);
    const notice = documents(out)[0]!.notices.find((candidate) => candidate.code === 'whatsapp.date-order-ambiguous');
    expect(notice?.message).toContain('--date-order dmy|mdy');
    expect(notice?.message).toContain('soz evidence date-order CASE');
    expect(firstIso(out)).toBeNull();
  });

  it('is set for an item in custody, logged, applied by analyze, reported and reproduced by verify', async () => {
    const out = join(tempDir(), 'case');
    expect((await soz(['run', AMBIGUOUS, '--out', out, ...CASE])).code).toBe(0);
    const set = await soz(['evidence', 'date-order', out, 'whatsapp_nbsp_ambiguous.txt', 'dmy']);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const last = JSON.parse(readFileSync(join(out, 'log.jsonl'), 'utf8').trim().split('\n').at(-1)!) as { action: string; details: Record<string, unknown> };
    expect(last.action).toBe('evidence.date-order');
    expect(last.details['dateOrder']).toBe('day-first');
    expect((JSON.parse(readFileSync(join(out, 'evidence.json'), 'utf8')) as { dateOrder?: string }[])[0]!.dateOrder).toBe('day-first');
    expect((await soz(['analyze', out, '--quiet'])).code).toBe(0);
    expect(firstIso(out)).toMatch(/^2022-10-09T/);
    expect((await soz(['report', out])).code).toBe(0);
    expect(readFileSync(join(out, 'reports', 'report.en.md'), 'utf8')).toContain("dates read day first at the examiner's decision");
    const verified = await soz(['verify', out]);
    expect(verified.stdout).toMatch(/re-run: \d+ artefact\(s\) compared, all identical/);
    expect(verified.code).toBe(0);
  });

  it('is given on soz run, and soz add of the same file refuses it, pointing to soz evidence date-order', async () => {
    const out = join(tempDir(), 'case');
    expect((await soz(['run', AMBIGUOUS, '--out', out, '--date-order', 'mdy', ...CASE])).code).toBe(0);
    expect(firstIso(out)).toMatch(/^2022-09-10T/);
    const again = await soz(['add', out, AMBIGUOUS, '--date-order', 'dmy', '--quiet']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`soz evidence date-order ${out} "whatsapp_nbsp_ambiguous.txt" dmy`);
  });

  it('refuses a file that is no WhatsApp export and a value that is no order', async () => {
    const work = tempDir();
    const note = join(work, 'note.txt');
    writeFileSync(note, 'A fictional note without dates.\n');
    expect((await soz(['init', join(work, 'case'), ...CASE.slice(0, -1)])).code).toBe(0);
    const notChat = await soz(['add', join(work, 'case'), note, '--date-order', 'dmy', '--quiet']);
    expect(notChat.code).toBe(2);
    expect(notChat.stderr).toContain('--date-order is for WhatsApp chat exports');
    const wrong = await soz(['run', AMBIGUOUS, '--out', join(work, 'other'), '--date-order', 'ymd', ...CASE]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--date-order ymd: give dmy');
  });
});
