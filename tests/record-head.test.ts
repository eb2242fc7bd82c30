/**
 * The record head (the custody log's head without its times, `core/log-head.ts`) in reports of
 * every format and in seals: the same commands at other times give the same report bytes and the
 * same record head; `verify --expect-head` takes it and says which head matched; a log cut short
 * together with its files is caught by comparing the head a report printed. Fictional material
 * only (corpora/demo/materials).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { soz, tempDir } from './support/cli.js';
import { readLog, rechainedLog } from './support/log-edit.js';
import { formatLogHead, recordHeadOf } from '../src/core/log-head.js';

const MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;
const materials = () => readdirSync(MATERIALS).sort().map((name) => join(MATERIALS, name));
const HEAD = /(\d+:[0-9a-f]{64})/;

async function ok(argv: readonly string[], now: Date) {
  const result = await soz(argv, { now });
  expect(result.code, `${argv.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
  return result;
}

/** A case made with the same commands at `now`: init, add, analyze, report (md, html, docx). */
async function analysedCase(now: Date): Promise<string> {
  const dir = join(tempDir('soz-record-head-'), 'case');
  await ok(['init', dir, '--case-number', 'ДЕЛО-21', '--ordering-body', 'Следственный отдел (вымышленный)', '--examiner', 'Эксперт В. Т.', '--language', 'ru'], now);
  await ok(['add', dir, ...materials()], now);
  await ok(['analyze', dir], now);
  await ok(['report', dir, '--format', 'md,html,docx'], now);
  return dir;
}

/** The record head line of a Markdown report. */
function reportHead(dir: string, name = 'report.ru.md'): string {
  const line = readFileSync(join(dir, 'reports', name), 'utf8').split('\n').find((text) => text.includes('soz verify --expect-head'));
  expect(line).toBeDefined();
  return HEAD.exec(line!)![1]!;
}

describe('the record head in reports', () => {
  it('is the same for the same commands run at other times, while the log heads differ; renders leave it as it was', async () => {
    const monday = await analysedCase(new Date('2026-03-09T08:00:00Z'));
    const friday = await analysedCase(new Date('2026-03-13T17:45:00Z'));
    for (const name of ['report.ru.md', 'report.ru.html', 'report.ru.docx']) {
      expect(readFileSync(join(friday, 'reports', name)).equals(readFileSync(join(monday, 'reports', name))), name).toBe(true);
    }
    expect(readLog(monday).at(-1)!.hash).not.toBe(readLog(friday).at(-1)!.hash);
    const log = readLog(monday);
    const beforeRender = log.slice(0, log.findIndex((entry) => entry.action === 'report.render'));
    expect(reportHead(monday)).toBe(formatLogHead(recordHeadOf(beforeRender)));
    expect(recordHeadOf(beforeRender)).toEqual(recordHeadOf(log));
    expect(readFileSync(join(monday, 'reports', 'report.ru.html'), 'utf8')).toContain(reportHead(monday));
    const docx = await JSZip.loadAsync(readFileSync(join(monday, 'reports', 'report.ru.docx')));
    expect(await docx.file('word/document.xml')!.async('string')).toContain(reportHead(monday));
  });

  it('is printed by verify beside the log head, and --expect-head accepts it, saying which head matched', async () => {
    const dir = await analysedCase(new Date('2026-03-09T08:00:00Z'));
    const verified = await ok(['verify', dir], new Date('2026-03-20T10:00:00Z'));
    expect(verified.stdout).toMatch(/^log head: \d+:[0-9a-f]{64}$/m);
    expect(verified.stdout).toContain(`record head: ${formatLogHead(recordHeadOf(readLog(dir)))} (the records of the log without times`);
    const head = reportHead(dir);
    const expected = await ok(['verify', dir, '--expect-head', head], new Date('2026-03-20T10:00:00Z'));
    expect(expected.stdout).toContain(`expected head ${head}: present as the record head, it is the last record`);
  });

  it('catches a log cut short together with the report it named', async () => {
    const now = new Date('2026-03-09T08:00:00Z');
    const dir = await analysedCase(now);
    const cutAt = readLog(dir).length;
    await ok(['report', dir, '--language', 'en'], now);
    expect(reportHead(dir, 'report.en.md')).toBe(formatLogHead(recordHeadOf(readLog(dir).slice(0, cutAt))));
    await ok(['question', 'add', dir, 'Какова коммуникативная направленность текста?'], now);
    await ok(['report', dir, '--language', 'ky'], now);
    const later = reportHead(dir, 'report.ky.md');

    writeFileSync(join(dir, 'log.jsonl'), rechainedLog(readLog(dir).slice(0, cutAt + 1)));
    rmSync(join(dir, 'examiner'), { recursive: true, force: true });
    rmSync(join(dir, 'reports', 'report.ky.md'));
    expect((await soz(['verify', dir], { now })).code).toBe(0);
    const caught = await soz(['verify', dir, '--expect-head', later], { now });
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(/FIRST DIFFERENCE: log\.jsonl: entry \d+ has log head [0-9a-f]{12}… and only \d+ records, fewer than a record head at \d+ needs, .* — the log was changed, cut short or replaced/);
  });
});
