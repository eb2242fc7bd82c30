import { describe, expect, it } from 'vitest';
import type { HashedFile, LogEntry } from '../core/case.js';
import { lastReportEntries, renderBatchStart, staleReports } from './log-records.js';

const file = (path: string): HashedFile => ({ path, sha256: 'a'.repeat(64) });

/** A log of fictional entries; only action, outputs and details matter here. */
function log(entries: { action: string; outputs?: string[]; details?: Record<string, unknown> }[]): LogEntry[] {
  return entries.map((entry, index) => ({
    seq: index + 1,
    time: '2026-03-11T10:00:00.000Z',
    actor: 'Examiner (fictional)',
    action: entry.action,
    inputs: [],
    outputs: (entry.outputs ?? []).map(file),
    details: entry.details ?? {},
    previousHash: '0'.repeat(64),
    hash: String(index).repeat(64).slice(0, 64),
  }));
}

const render = (format: string, model: string) => ({
  action: format === 'md' ? 'report.render' : 'report.export',
  outputs: [`reports/report.ru.${format}`],
  details: { language: 'ru', modelDigest: model },
});

describe('renderBatchStart', () => {
  it('finds the Markdown render whose model an export came from', () => {
    const entries = log([{ action: 'analysis.run', outputs: ['derived/manifest.json'] }, render('md', 'm1'), render('html', 'm1'), render('pdf', 'm1')]);
    expect(renderBatchStart(entries, entries[3]!).seq).toBe(2);
    expect(renderBatchStart(entries, entries[1]!).seq).toBe(2);
  });

  it('does not reach over other work to an earlier render', () => {
    const entries = log([render('md', 'm1'), { action: 'review.decide', outputs: ['examiner/review.json'] }, render('html', 'm1')]);
    expect(renderBatchStart(entries, entries[2]!).seq).toBe(3);
  });
});

describe('staleReports', () => {
  it('names the first later entry that changed what a report was rendered from', () => {
    const entries = log([
      { action: 'analysis.run', outputs: ['derived/manifest.json'] },
      render('md', 'm1'),
      render('html', 'm1'),
      { action: 'seal.create', outputs: ['seals/abc.json'] },
      { action: 'sop.record', outputs: ['examiner/sop.json'] },
      { action: 'review.decide', outputs: ['examiner/review.json'] },
    ]);
    const stale = staleReports(entries, lastReportEntries(entries));
    expect([...stale].map(([path, entry]) => `${path} ${entry.seq}`)).toEqual(['reports/report.ru.html 5', 'reports/report.ru.md 5']);
  });

  it('leaves a report rendered after the examiner work alone', () => {
    const entries = log([{ action: 'analysis.run', outputs: ['derived/manifest.json'] }, { action: 'question.add', outputs: ['examiner/questions.json'] }, render('md', 'm1'), { action: 'practice.grade', outputs: ['practice/grade.json'] }]);
    expect(staleReports(entries, lastReportEntries(entries)).size).toBe(0);
  });
});
