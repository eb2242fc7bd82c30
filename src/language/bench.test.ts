import { describe, expect, it } from 'vitest';
import { bandOf, evaluateLangid, formatLangidReport, measureThroughput, piecesOf, typedPlainly, worstAccuracy } from './bench.js';

describe('langid benchmark helpers', () => {
  it('bands by length in UTF-16 code units', () => {
    expect([bandOf(14), bandOf(15), bandOf(39), bandOf(40)]).toEqual(['<15', '15-40', '15-40', '40+']);
  });

  it('tallies accuracy and confusions and prints a matrix', () => {
    const report = evaluateLangid([
      { language: 'ru', text: 'Сегодня мы долго разговаривали с соседями о школе.' },
      { language: 'ky', text: 'Сегодня мы долго разговаривали с соседями о школе.' }, // deliberately mislabelled
    ]);
    expect(report.ru['40+']).toEqual({ correct: 1, total: 1, confusions: {} });
    expect(report.ky['40+']).toEqual({ correct: 0, total: 1, confusions: { ru: 1 } });
    expect(worstAccuracy(report, '40+')).toBe(0);
    const text = formatLangidReport(report);
    expect(text).toContain('confusion matrix, 40+');
    expect(text).toMatch(/^ky\s+0\s+1(\s+0){7}$/m);
  });

  it('measures throughput with the clock it is given', () => {
    let t = 0;
    const r = measureThroughput(['салам дүйнө', 'hello world'], () => (t += 10), 100);
    expect(r.segments).toBeGreaterThan(0);
    expect(r.segmentsPerSecond).toBeCloseTo((r.segments * 1000) / r.milliseconds);
  });

  it('cuts a sentence into pieces of 15–39 characters at word boundaries', () => {
    const pieces = piecesOf('Бишкектин көчөсү «оңдоодон» өтүп жатат, эртең бүтөт — деди мэр, жана дагы бир нерсе');
    // The last piece, «нерсе», is too short and dropped.
    expect(pieces).toEqual(['Бишкектин көчөсү оңдоодон өтүп жатат,', 'эртең бүтөт деди мэр, жана дагы бир']);
    expect(pieces.every((p) => p.length >= 15 && p.length <= 39)).toBe(true);
    expect(piecesOf('Салам')).toEqual([]);
  });

  it('types a text plainly, keeping capitals', () => {
    expect(typedPlainly('Қазір Өскемен', { қ: 'к', і: 'и', ө: 'о' })).toBe('Казир Оскемен');
  });
});
