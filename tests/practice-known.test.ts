/**
 * The known-material practice case end to end: `soz practice start`, the fictional library built
 * from the case's `library/` with `soz library init/add`, `soz compare`, review and the report.
 * The leaflet retypes the library item with a new title and changed words; the forum post quotes
 * two of its sentences. Both are found with their places and the (fictional) decision.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../src/core/known-material.js';
import { soz, tempDir } from './support/cli.js';
import { comparedPracticeCase, KNOWN_CASE_SOURCE as CASE_SOURCE, knownProvenance } from './support/known-case.js';

describe('practice case ru-sosnovy-bor: known material', () => {
  it('finds the retyped leaflet and the quoting post with both places, the shares and the decision, in the report', async () => {
    const { caseDir } = await comparedPracticeCase(tempDir('soz-practice-known-'));
    const file = knownProvenance['file'];

    const result = JSON.parse(readFileSync(join(caseDir, 'compare', 'matches.json'), 'utf8')) as CompareResult;
    const item = readFileSync(join(CASE_SOURCE, 'library', file!), 'utf8');
    const leaflet = result.matches.find((match) => match.evidence.evidenceName === 'listovka.txt')!;
    const post = result.matches.find((match) => match.evidence.evidenceName === 'post-forum.txt')!;
    expect(result.matches).toHaveLength(2);

    // The leaflet: from the words after the changed greeting ("Друзья и соседи") to the end of the item.
    const leafletText = readFileSync(join(CASE_SOURCE, 'materials', 'listovka.txt'), 'utf8');
    expect(leafletText.slice(...leaflet.evidence.range)).toMatch(/^из посёлка Сосновый Бор!\nЛесной совет[\s\S]*спокойно и твёрдо$/);
    expect(item.slice(...leaflet.library.range)).toMatch(/Лесной совет[\s\S]*спокойно и твёрдо$/);
    expect(leaflet.library.share).toBeGreaterThan(0.85);
    expect(leaflet.evidence.text).toContain('⟦воскресенье⟧');
    expect(leaflet.library.text).toContain('⟦субботу⟧');
    expect(leaflet.library.provenance).toMatchObject({ court: 'Сосновоборский районный суд (вымышленный)', decisionNumber: '2-417/2025', entry: '17' });

    // The post: exactly the two quoted sentences.
    const postText = readFileSync(join(CASE_SOURCE, 'materials', 'post-forum.txt'), 'utf8');
    expect(postText.slice(...post.evidence.range)).toMatch(/^Мы призываем всех[\s\S]*собирает в ней шишки$/);
    expect(item.slice(...post.library.range)).toMatch(/^Мы призываем всех[\s\S]*собирает в ней шишки$/);
    expect(post.differingWords).toBe(0);
    expect(post.library.share).toBeGreaterThan(0.3);
    expect(post.library.share).toBeLessThan(0.5);

    // Both are candidates of their own kind: the trainee accepts one and rejects the other with reasons.
    expect((await soz(['review', caseDir, '--accept', leaflet.findingId, '--reason', 'Листовка воспроизводит обращение с изменениями'])).code).toBe(0);
    expect((await soz(['review', caseDir, '--reject', post.findingId, '--reason', 'Пост цитирует листовку, чтобы возразить ей'])).code).toBe(0);
    const reported = await soz(['report', caseDir, '--format', 'md,html']);
    expect(reported.code, reported.stderr).toBe(0);
    const report = readFileSync(join(caseDir, 'reports', 'report.ru.md'), 'utf8');
    const section = report.slice(report.indexOf('### 2.8 '), report.indexOf('## 3. '));
    expect(section).toContain('#### listovka.txt');
    expect(section).toContain('#### post-forum.txt');
    expect(section.match(/Решение, записанное в библиотеке: Сосновоборский районный суд \(вымышленный\), 2025-11-14, № 2-417\/2025; список: Учебный список решённых материалов \(вымышленный\), пункт 17/g)).toHaveLength(2);
    expect(section).toContain(`${leaflet.findingId}, принято экспертом`);
    expect(section).toContain(`${post.findingId}, отклонено экспертом`);
    const html = readFileSync(join(caseDir, 'reports', 'report.ru.html'), 'utf8');
    expect(html).toContain('<mark>⟦воскресенье⟧</mark>');
    expect((await soz(['verify', caseDir])).code).toBe(0);
  });
});
