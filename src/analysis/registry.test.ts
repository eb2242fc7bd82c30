import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import { ANALYSES, analysisData, runAnalyses } from './registry.js';

const doc = (() => {
  const b = new DocumentBuilder({ sha256: 'c'.repeat(64), name: 'c.txt' }, 'text');
  b.add({ id: 'p0', text: 'Бүгүн жолугушуу эртеңге жылдырылды. Сегодня встреча перенесена на завтра.', part: 'body' });
  b.add({ id: 'p1', text: 'The meeting moved to tomorrow, the meeting is short.', part: 'body' });
  return b.build();
})();

describe('analysis registry', () => {
  it('names every analysis once and returns results in registry order with each module\'s version', () => {
    const names = ANALYSES.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    const results = runAnalyses([doc], { lexicons: [], queries: ['meeting'] });
    expect(results.map((r) => r.analysis)).toEqual(names.filter((name) => name !== 'keyness' && name !== 'profile' && name !== 'org-list'));
    for (const result of results) expect(result.version).toBe(ANALYSES.find((m) => m.name === result.analysis)?.version);
  });

  it('runs only the analyses asked for, and the corpus tools see the same tokens as the overview', () => {
    const results = runAnalyses([doc], { lexicons: [], analyses: ['language-overview', 'wordlist'] });
    expect(results.map((r) => r.analysis)).toEqual(['language-overview', 'wordlist']);
    const overview = analysisData(results, 'language-overview');
    const words = analysisData(results, 'wordlist');
    expect(overview?.totals.words).toBe(words?.tokens);
    expect(words?.rows.find((row) => row.item === 'meeting')?.frequency).toBe(2);
    expect(analysisData(results, 'profile')).toBeUndefined();
  });
});
