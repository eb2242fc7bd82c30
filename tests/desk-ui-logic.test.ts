import { describe, expect, it } from 'vitest';
import { applyFilters, optionCounts, undatedCount } from '../desk-ui/filters.js';
import { perDocument, perMonth } from '../desk-ui/frequency.js';
import { keyAction } from '../desk-ui/keys.js';
import type { Candidate, Concordance, Finding } from '../src/desk/wire.js';

// The page's pure parts (no DOM): which key does what on Latin and Cyrillic layouts, and the filters' counts.

const press = (key: string, code = '') => ({ key, code, ctrlKey: false, metaKey: false, altKey: false });

describe('keyAction', () => {
  it('reads the physical key, so every layout works', () => {
    expect(['KeyJ', 'KeyK', 'KeyA', 'KeyR', 'KeyV', 'KeyU'].map((code) => keyAction(press('?', code)))).toEqual(['next', 'previous', 'accept', 'reject', 'voice', 'undo']);
  });

  it('reads the Latin or ЙЦУКЕН character when the browser gives no code', () => {
    expect(['j', 'k', 'a', 'r', 'v', 'u'].map((key) => keyAction(press(key)))).toEqual(['next', 'previous', 'accept', 'reject', 'voice', 'undo']);
    expect(['о', 'л', 'ф', 'к', 'м', 'г'].map((key) => keyAction(press(key)))).toEqual(['next', 'previous', 'accept', 'reject', 'voice', 'undo']);
    expect(keyAction(press('Ф'))).toBe('accept');
  });

  it('leaves shortcuts with modifiers and other keys to the browser', () => {
    expect(keyAction({ ...press('a', 'KeyA'), ctrlKey: true })).toBeNull();
    expect(keyAction(press('x', 'KeyX'))).toBeNull();
  });
});

function candidate(id: string, category: string, status: Candidate['status'], countervailing: string[] = [], examinerVoice?: string): Candidate {
  const finding = { id, category, voice: 'own', countervailing, place: { evidenceName: 'chat.json' } } as unknown as Finding;
  return { finding, status, questionIds: [], ...(examinerVoice ? { examinerVoice } : {}) };
}

describe('filters', () => {
  const list = [candidate('F1', 'threat', 'open', ['quoted', 'negated']), candidate('F2', 'threat', 'accepted', [], 'quotation'), candidate('F3', 'us-them', 'open')];

  it('keeps the candidates that match every chosen filter, in order', () => {
    expect(applyFilters(list, { category: 'threat' }).map((c) => c.finding.id)).toEqual(['F1', 'F2']);
    expect(applyFilters(list, { category: 'threat', status: 'open' }).map((c) => c.finding.id)).toEqual(['F1']);
    expect(applyFilters(list, { voice: 'quotation' }).map((c) => c.finding.id)).toEqual(['F2']);
    expect(applyFilters(list, { countervailing: 'negated' }).map((c) => c.finding.id)).toEqual(['F1']);
  });

  it('counts each option under the other filters, so the count is what choosing it shows', () => {
    expect(optionCounts(list, { status: 'open' }, 'category')).toEqual([['threat', 1], ['us-them', 1]]);
    expect(optionCounts(list, { category: 'threat' }, 'category')).toEqual([['threat', 2], ['us-them', 1]]);
    expect(optionCounts(list, {}, 'countervailing')).toEqual([['negated', 1], ['quoted', 1], ['—', 2]]);
  });
});

describe('the date filter', () => {
  const dated = (id: string, date?: string): Candidate => ({ ...candidate(id, 'threat', 'open'), ...(date !== undefined ? { date } : {}) });
  const list = [dated('F1', '2021-03-01T09:00:00'), dated('F2', '2021-03-15T23:59:00'), dated('F3'), dated('F4', '2021-04-02T00:00:00+06:00')];

  it('keeps the days from and to, both included, on the date as recorded', () => {
    expect(applyFilters(list, { dateFrom: '2021-03-15', dateTo: '2021-04-02', hideUndated: true }).map((c) => c.finding.id)).toEqual(['F2', 'F4']);
    expect(applyFilters(list, { dateTo: '2021-03-01', hideUndated: true }).map((c) => c.finding.id)).toEqual(['F1']);
  });

  it('never hides a candidate without a date silently: it stays unless unticked, and is counted either way', () => {
    expect(applyFilters(list, { dateFrom: '2021-03-02' }).map((c) => c.finding.id)).toEqual(['F2', 'F3', 'F4']);
    expect(undatedCount(list, { dateFrom: '2021-03-02' })).toBe(1);
    expect(undatedCount(list, { dateFrom: '2021-03-02', hideUndated: true })).toBe(1);
    expect(undatedCount(list, { category: 'us-them' })).toBe(0);
  });
});

describe('the frequency charts\' counts', () => {
  const data = {
    dispersion: {
      documents: [
        { id: 'd1', evidenceName: 'chat.json', length: 20_000 },
        { id: 'd2', evidenceName: 'leaflet.pdf', length: 5_000 },
        { id: 'd3', evidenceName: 'empty.txt', length: 0 },
      ],
      points: [
        { documentId: 'd1', offset: 1, length: 20_000, time: '2021-11-30T23:00:00+06:00' },
        { documentId: 'd1', offset: 9, length: 20_000, time: '2022-02-01T08:00:00' },
        { documentId: 'd1', offset: 50, length: 20_000, time: '2022-02-03T08:00:00' },
        { documentId: 'd2', offset: 3, length: 5_000 },
      ],
    },
  } as unknown as Concordance;

  it('counts hits per document, with the rate per 10,000 characters, documents without a hit included', () => {
    expect(perDocument(data).map((doc) => [doc.evidenceName, doc.hits, doc.per10k])).toEqual([
      ['chat.json', 3, 1.5],
      ['leaflet.pdf', 1, 2],
      ['empty.txt', 0, 0],
    ]);
  });

  it('counts hits per month as recorded, every month between shown (across a year end), the undated apart', () => {
    expect(perMonth(data)).toEqual({
      months: [
        { month: '2021-11', hits: 1 },
        { month: '2021-12', hits: 0 },
        { month: '2022-01', hits: 0 },
        { month: '2022-02', hits: 2 },
      ],
      undated: 1,
    });
  });
});
