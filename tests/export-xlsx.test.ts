/**
 * `soz export --format xlsx`: every analysis table of the case (the same tables and columns as
 * the CSV export) in one workbook, byte-identical from run to run, whatever the clock says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analysisWorkbook } from '../src/report/xlsx-tables.js';
import { soz, tempDir } from './support/cli.js';
import { untouchedDemo } from './support/demo-case.js';
import { derivedAnalysis } from './support/derived.js';

let demo = '';

beforeAll(async () => {
  demo = await untouchedDemo();
}, 60_000);

/** Texts of the shared strings of a workbook (where write-excel-file puts every text cell). */
async function sheetTexts(bytes: Buffer): Promise<{ names: string[]; strings: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((match) => match[1]!);
  const shared = zip.file('xl/sharedStrings.xml');
  return { names, strings: shared ? await shared.async('string') : '' };
}

describe('XLSX export', () => {
  it('holds a sheet for every analysis CSV, with its header, and is the same bytes at another time', async () => {
    const work = tempDir();
    const first = join(work, 'a.xlsx');
    const second = join(work, 'b.xlsx');
    const exported = await soz(['export', demo, '--format', 'xlsx', '-o', first]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect((await soz(['export', demo, '--format', 'xlsx', '-o', second], { now: new Date('2031-07-01T23:59:59Z') })).code).toBe(0);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);

    const tables = join(work, 'tables');
    expect((await soz(['export', demo, '--format', 'csv', '-o', tables])).code).toBe(0);
    const csvs = readdirSync(tables).filter((name) => name.endsWith('.csv')).map((name) => name.slice(0, -4)).sort();
    const { names, strings } = await sheetTexts(readFileSync(first));
    expect([...names].sort()).toEqual(csvs.map((name) => name.slice(0, 31)));
    const findingsHeader = readFileSync(join(tables, 'indicators.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    for (const column of findingsHeader) expect(strings).toContain(`>${column}<`);
  });

  it('stamps no clock into the archive (entry dates fixed)', async () => {
    const folder = join(demo, 'derived', 'analyses');
    const results = readdirSync(folder).filter((name) => name.endsWith('.ndjson')).map((name) => derivedAnalysis(demo, name.slice(0, -'.ndjson'.length)));
    expect(results.length).toBeGreaterThan(0);
    const at = async (iso: string) => {
      vi.useFakeTimers({ now: new Date(iso), toFake: ['Date'] });
      try {
        return Buffer.from((await analysisWorkbook(results))!.bytes);
      } finally {
        vi.useRealTimers();
      }
    };
    expect((await at('2020-01-01T00:00:00Z')).equals(await at('2034-06-15T13:37:42Z'))).toBe(true);
  });

  it('asks for a file name, and refuses a case without analyses', async () => {
    expect((await soz(['export', demo, '--format', 'xlsx'])).code).toBe(2);
    const empty = join(tempDir(), 'case');
    expect((await soz(['init', empty, '--case-number', '1', '--ordering-body', 'Court (fictional)', '--examiner', 'Examiner (fictional)'])).code).toBe(0);
    const result = await soz(['export', empty, '--format', 'xlsx', '-o', join(tempDir(), 'x.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('run soz analyze');
  });
});
