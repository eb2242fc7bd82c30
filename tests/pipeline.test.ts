import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logChainProblems } from '../src/core/case.js';
import type { LogEntry } from '../src/core/case.js';
import { checkReportDigest } from '../src/report/markdown.js';
import { REAL_CORPORA } from './support/adapter-invariants.js';
import { fileSha256, snapshotTree, soz, tempDir } from './support/cli.js';
import { derivedAnalysis } from './support/derived.js';

const DEMO_MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;
const demoFiles = () => readdirSync(DEMO_MATERIALS).map((name) => join(DEMO_MATERIALS, name));

function tree(dir: string, sub: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotTree(join(dir, sub))));
}

describe('soz run: files to a hash-stamped report', () => {
  it('produces byte-identical derived artefacts and report in different folders at different times', async () => {
    const a = join(tempDir(), 'first');
    const b = join(tempDir(), 'second');
    const c = join(tempDir(), 'third');
    const first = await soz(['run', ...demoFiles(), '--out', a, '--language', 'en'], { now: new Date('2026-01-01T00:00:00Z') });
    const second = await soz(['run', ...demoFiles().reverse(), '--out', b, '--language', 'en'], { now: new Date('2031-07-15T13:14:15Z') });
    const third = await soz(['run', ...demoFiles(), '--out', c, '--language', 'en'], { now: new Date('2031-07-15T13:14:15Z') });
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(third.code, third.stderr).toBe(0);
    expect(tree(b, 'derived')).toEqual(tree(a, 'derived'));
    expect(tree(c, 'reports')).toEqual(tree(a, 'reports'));
    // Files added in another order give another custody log, so the report's record head (and
    // with it the digest line) differs; every other line is the same.
    const lines = (dir: string) => readFileSync(join(dir, 'reports', 'report.en.md'), 'utf8').split('\n');
    const differing = lines(a).filter((line, index) => line !== lines(b)[index]);
    expect(differing).toHaveLength(2);
    expect(differing[0]).toMatch(/record head .*`\d+:[0-9a-f]{64}`$/);
    expect(differing[1]).toMatch(/^Report digest/);
    expect(readFileSync(join(a, 'evidence.json'), 'utf8')).toBe(readFileSync(join(b, 'evidence.json'), 'utf8'));
    // Times live only in the log.
    expect(readFileSync(join(a, 'log.jsonl'), 'utf8')).not.toBe(readFileSync(join(b, 'log.jsonl'), 'utf8'));
  });

  it('prints the report digest, which matches the report body, and lists each evidence hash', async () => {
    const out = join(tempDir(), 'case');
    const result = await soz(['run', ...demoFiles(), '--out', out, '--language', 'ru']);
    expect(result.code, result.stderr).toBe(0);
    const report = readFileSync(join(out, 'reports', 'report.ru.md'), 'utf8');
    const { claimed, actual } = checkReportDigest(report);
    expect(claimed).toBe(actual);
    expect(result.stdout).toContain(`report digest: ${actual}`);
    for (const file of demoFiles()) expect(report).toContain(fileSha256(file));
    expect(report).toContain(fileSha256(join(out, 'derived', 'manifest.json')));
    const log = readFileSync(join(out, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
    expect(log.map((entry) => entry.action)).toEqual(['case.init', 'evidence.add', 'evidence.add', 'evidence.add', 'analysis.run', 'report.render']);
    expect(logChainProblems(log)).toEqual([]);
  });

  it('records everything that produced the result in the manifest', async () => {
    const out = join(tempDir(), 'case');
    await soz(['run', ...demoFiles(), '--out', out]);
    const manifest = JSON.parse(readFileSync(join(out, 'derived', 'manifest.json'), 'utf8'));
    expect(manifest.tool.name).toBe('soz');
    expect(manifest.runtime.node).toBe(process.version);
    expect(manifest.lockfileSha256).toBe(fileSha256(new URL('../package-lock.json', import.meta.url).pathname));
    expect(manifest.dependencies.franc).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.data.map((file: { path: string }) => file.path)).toContain('templates/conclusion.md.hbs');
    expect(manifest.inputs).toHaveLength(3);
    for (const output of manifest.outputs) expect(fileSha256(join(out, output.path))).toBe(output.sha256);
  });

  it('detects the language of each demo text', async () => {
    const out = join(tempDir(), 'case');
    await soz(['run', ...demoFiles(), '--out', out]);
    const overview = derivedAnalysis(out, 'language-overview') as { data: { documents: { evidenceName: string; language: string }[] } };
    const byName = Object.fromEntries(overview.data.documents.map((doc: { evidenceName: string; language: string }) => [doc.evidenceName, doc.language]));
    expect(byName).toEqual({ 'leaflet_ru.txt': 'ru', 'post_ky.txt': 'ky', 'letter_en.txt': 'en' });
  });
});

describe('bad input: one-line error naming the file, exit 2, case unchanged', () => {
  async function caseWithOneFile(): Promise<string> {
    const out = join(tempDir(), 'case');
    const result = await soz(['run', demoFiles()[0]!, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    return out;
  }

  const cases: [string, string, Uint8Array | string, RegExp][] = [
    ['corrupt PDF', 'broken.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref', /broken\.pdf/],
    ['corrupt DOCX', 'broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), /broken\.docx/],
  ];
  for (const [label, name, content, message] of cases) {
    it(label, async () => {
      const out = await caseWithOneFile();
      const file = join(tempDir(), name);
      writeFileSync(file, content);
      const before = snapshotTree(out);
      const result = await soz(['add', out, file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(snapshotTree(out)).toEqual(before);
    });
  }

  it('a report before analysis says what to run', async () => {
    const out = join(tempDir(), 'case');
    await soz(['init', out, '--case-number', 'X', '--ordering-body', 'Y', '--examiner', 'Z']);
    const result = await soz(['report', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/soz analyze/);
  });
});

describe('real seized-document formats', () => {
  const real = (folder: string) => readdirSync(join(REAL_CORPORA, folder)).map((name) => join(REAL_CORPORA, folder, name));

  it('runs on every real PDF and DOCX and reports each SHA-256 as sha256sum would', async () => {
    const files = [...real('pdf'), ...real('docx')];
    const out = join(tempDir(), 'case');
    // The scanned pages stay unread here (over a one-pixel OCR limit) to keep this test quick;
    // tests/ocr-case.test.ts reads them by OCR.
    const result = await soz(['run', ...files, '--out', out, '--language', 'en', '--max-ocr-pixels', '1']);
    expect(result.code, result.stderr).toBe(0);
    const report = readFileSync(join(out, 'reports', 'report.en.md'), 'utf8');
    for (const file of files) expect(report).toContain(fileSha256(file));
    expect(report).toContain('pdf.needs-ocr');
  });
});

describe('selection by author, role and dates', () => {
  it('restricts the analyses and says in the report what was left out', async () => {
    const chat = join(REAL_CORPORA, 'whatsapp', 'ru_android_group_kz_school.pseudonymised.txt');
    const out = join(tempDir(), 'case');
    const result = await soz(['run', chat, '--out', out, '--language', 'en', '--role', 'authored', '--since', '2020-09-25']);
    expect(result.code, result.stderr).toBe(0);
    const indicators = derivedAnalysis(out, 'indicators') as unknown as { parameters: { selection: { considered: number; kept: number; byRole: number; outsideDates: number } }; findings: { place: { messageId?: string } }[] };
    const { considered, kept, byRole, outsideDates } = indicators.parameters.selection;
    expect(considered).toBeGreaterThan(kept);
    expect(byRole).toBeGreaterThan(0);
    expect(outsideDates).toBeGreaterThan(0);
    for (const finding of indicators.findings) expect(finding.place.messageId).toBeDefined();
    expect((await soz(['export', out, '--format', 'csv'])).code).toBe(0);
    const csv = readFileSync(join(out, 'reports', 'tables', 'indicators.csv'), 'utf8').trimEnd().split('\r\n');
    // The byte-order mark tells Excel on a cp1251 Windows that the file is UTF-8.
    expect(csv[0]).toMatch(/^\uFEFFid,category,ruleId,reason,evidenceName,evidenceSha256,documentId,segmentId,part,page,messageId,start,end,/);
    expect(csv.filter((line) => /^F[0-9a-f]{12},/.test(line))).toHaveLength(indicators.findings.length);
    const report = readFileSync(join(out, 'reports', 'report.en.md'), 'utf8');
    expect(report).toContain(`role=authored; since=2020-09-25. segments analysed ${kept} / ${considered}; left out: by author 0, by role ${byRole}, outside the dates ${outsideDates}`);
    const manifest = JSON.parse(readFileSync(join(out, 'derived', 'manifest.json'), 'utf8'));
    expect(manifest.parameters.filter).toEqual({ roles: ['authored'], since: '2020-09-25' });
  });

  it('rejects an unknown role before creating anything', async () => {
    const out = join(tempDir(), 'case');
    const result = await soz(['run', demoFiles()[0]!, '--out', out, '--role', 'liked']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--role liked: unknown role/);
    expect(existsSync(out)).toBe(false);
  });
});
