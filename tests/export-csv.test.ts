/**
 * `soz export --format csv` (issue 17, schema 3): the CSV tables are not in `derived/`; they are
 * written on demand from the `.ndjson` results into `reports/tables/` with a log entry, or into a
 * folder outside the case, byte-identical run to run; `soz verify` exports them again from its
 * re-run and names a changed table. The text is fictional.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../src/core/case.js';
import { fileSha256, soz, tempDir } from './support/cli.js';

const TEXT = 'Вставайте все на борьбу! Мы требуем ответа. Они нас не слышат.\nСобрание завтра в десять, приходите.\n';
let analysed = '';

const logOf = (dir: string) => readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);

beforeAll(async () => {
  const inputs = tempDir('soz-csv-export-in-');
  writeFileSync(join(inputs, 'leaflet.txt'), TEXT);
  analysed = join(tempDir('soz-csv-export-'), 'case');
  const made = await soz(['run', join(inputs, 'leaflet.txt'), '--out', analysed, '--language', 'en']);
  expect(made.code, made.stderr).toBe(0);
}, 60_000);

/** A private copy of the analysed case. */
function copyCase(): string {
  const dir = join(tempDir('soz-csv-copy-'), 'case');
  cpSync(analysed, dir, { recursive: true });
  return dir;
}

describe('CSV tables on demand', () => {
  it('leaves derived/ without CSV files', () => {
    expect(readdirSync(join(analysed, 'derived', 'analyses')).filter((name) => name.endsWith('.csv'))).toEqual([]);
  });

  it('writes reports/tables/ with one log entry recording every table, and the same bytes to a folder outside the case', async () => {
    const dir = copyCase();
    const exported = await soz(['export', dir, '--format', 'csv', '--actor', 'Examiner (fictional)'], { now: new Date('2026-03-10T09:00:00Z') });
    expect(exported.code, exported.stderr).toBe(0);
    const entry = logOf(dir).at(-1)!;
    expect(entry.action).toBe('tables.export');
    expect(entry.actor).toBe('Examiner (fictional)');
    expect(entry.inputs.map((file) => file.path)).toEqual(['derived/manifest.json']);
    const tables = readdirSync(join(dir, 'reports', 'tables')).sort();
    expect(tables).toContain('indicators.csv');
    expect(entry.outputs.map((file) => file.path).sort()).toEqual(tables.map((name) => `reports/tables/${name}`));
    for (const file of entry.outputs) expect(fileSha256(join(dir, ...file.path.split('/')))).toBe(file.sha256);
    // The byte-order mark tells Excel on a cp1251 Windows that the file is UTF-8.
    expect(readFileSync(join(dir, 'reports', 'tables', 'indicators.csv'), 'utf8')).toMatch(/^\uFEFFid,category,ruleId,/);

    const outside = join(tempDir('soz-csv-out-'), 'tables');
    const logBefore = readFileSync(join(dir, 'log.jsonl'));
    const copied = await soz(['export', dir, '--format', 'csv', '-o', outside], { now: new Date('2031-01-01T00:00:00Z') });
    expect(copied.code, copied.stderr).toBe(0);
    expect(readFileSync(join(dir, 'log.jsonl')).equals(logBefore)).toBe(true);
    for (const file of entry.outputs) {
      const name = file.path.slice('reports/tables/'.length);
      expect(fileSha256(join(outside, name)), name).toBe(file.sha256);
      expect(copied.stdout).toContain(file.sha256);
    }
  });

  it('refuses a folder inside the case and a case not analysed', async () => {
    const dir = copyCase();
    const inside = await soz(['export', dir, '--format', 'csv', '-o', join(dir, 'loose')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/inside the case/);
    const empty = join(tempDir(), 'case');
    expect((await soz(['init', empty, '--case-number', '1', '--ordering-body', 'Court (fictional)', '--examiner', 'Examiner (fictional)'])).code).toBe(0);
    const none = await soz(['export', empty, '--format', 'csv']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('run soz analyze');
  });

  it('is reproduced by soz verify, which names a changed table and calls tables older than the analysis stale', async () => {
    const dir = copyCase();
    expect((await soz(['export', dir, '--format', 'csv'])).code).toBe(0);
    const clean = await soz(['verify', dir]);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(/CSV tables: \d+ exported again from the re-run, 0 differ/);

    const table = join(dir, 'reports', 'tables', 'indicators.csv');
    writeFileSync(table, readFileSync(table, 'utf8').replace('id,category', 'id,kategory'));
    const tampered = await soz(['verify', dir]);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stdout).toMatch(/FIRST DIFFERENCE: reports\/tables\/indicators\.csv/);

    const fresh = copyCase();
    expect((await soz(['export', fresh, '--format', 'csv'])).code).toBe(0);
    expect((await soz(['analyze', fresh])).code).toBe(0);
    const stale = await soz(['verify', fresh]);
    expect(stale.stdout).toMatch(/stale: CSV tables of entry \d+ — exported before the last analysis/);
  }, 120_000);
});
