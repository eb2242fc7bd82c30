import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { logChainProblems } from '../src/core/case.js';
import type { LogEntry } from '../src/core/case.js';
import { checkReportDigest } from '../src/report/markdown.js';
import { fileSha256, tempDir } from './support/cli.js';
import { CASE_FACTS, analysedCase, sozx } from './sop-support.js';
import { derivedAnalysis, writeDerivedAnalysis } from './support/derived.js';

const MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;

const log = (dir: string) => readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);

describe('SOP, questions, review and the conclusion, end to end', () => {
  it('walks the procedure to a final conclusion in four formats', async () => {
    const { dir, ids } = await analysedCase();
    const run = (argv: string[]) => sozx(argv);

    const flagged = await run(['question', 'add', dir, 'Является ли текст листовки экстремистским?']);
    expect(flagged.stdout).toMatch(/flagged «экстремистским» \(ru\.extremist\)/);
    expect(flagged.stdout).toMatch(/suggested reformulation: /);
    expect((await run(['question', 'add', dir, 'Какова коммуникативная направленность текста?'])).stdout).not.toMatch(/flagged/);

    // dependsOn is enforced with a clear error; the case is unchanged.
    const before = readFileSync(join(dir, 'log.jsonl'), 'utf8');
    const blocked = await run(['sop', 'record', dir, 'acknowledgement', '--note', 'подписка дана']);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/depends on register-order/);
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe(before);

    const scan = join(tempDir(), 'order-scan.pdf');
    writeFileSync(scan, '%PDF-1.4 fictional order scan');
    const recorded = await run(['sop', 'record', dir, 'register-order', '--note', 'Постановление № 7 от 02.03.2026', '--file', scan]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const attached = `examiner/files/${fileSha256(scan)}.pdf`;
    expect(statSync(join(dir, attached)).mode & 0o222).toBe(0);
    // The attachment is written by the step's own command: an output of its entry, which verify checks.
    expect(log(dir).at(-1)!.outputs).toContainEqual({ path: attached, sha256: fileSha256(scan) });

    // Review: unknown ids and missing reasons are refused.
    expect((await run(['review', dir, '--accept', 'Fnothere', '--reason', 'x'])).stderr).toMatch(/unknown finding id\(s\) Fnothere/);
    expect((await run(['review', dir, '--accept', ids[0]!])).stderr).toMatch(/--reason/);
    expect((await run(['review', dir, '--accept', ids[0]!, '--question', 'Q2', '--reason', 'речь о споре с компанией'])).code).toBe(0);
    expect((await run(['review', dir, '--reject', ids[1]!, '--reason', 'бытовое упоминание документа'])).stdout).toMatch(/1 accepted, 1 rejected, 0 not reviewed/);

    // Draft: DRAFT marking and open steps; --final refused with the list.
    const draft = await run(['report', dir, '--format', 'md,html']);
    expect(draft.code, draft.stderr).toBe(0);
    const draftMd = readFileSync(join(dir, 'reports', 'report.ru.md'), 'utf8');
    expect(draftMd).toMatch(/\*\*ЧЕРНОВИК\*\*/);
    expect(draftMd).toMatch(/`acknowledgement`/);
    const refused = await run(['report', dir, '--final']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/step 2 acknowledgement is not done — record it with soz sop record DIR acknowledgement --note "…" --field institution=…/);

    const answer = join(tempDir(), 'Q2.md');
    writeFileSync(answer, 'Текст является информационным объявлением о собрании жильцов.\n');
    expect((await run(['sop', 'record', dir, 'context', '--note', 'x'])).stderr).toMatch(/no relation recorded for leaflet_ru\.txt, letter_en\.txt, post_ky\.txt; record each with soz sop relate DIR ITEM --relation/);
    expect((await run(['sop', 'relate', dir, 'nothere.txt', '--relation', 'authored', '--note', 'x'])).stderr).toMatch(/no evidence item "nothere\.txt"/);
    expect((await run(['sop', 'relate', dir, 'leaflet_ru.txt', '--relation', 'liked', '--note', 'x'])).stderr).toMatch(/--relation liked: use one of authored, forwarded, reaction, stored, unknown/);
    for (const name of readdirSync(MATERIALS)) expect((await run(['sop', 'relate', dir, name, '--relation', 'authored', '--note', 'Автор указан в постановлении'])).code).toBe(0);
    const steps: string[][] = [
      ['acknowledgement', '--note', 'Подписка дана', '--field', 'institution=Центр экспертиз (вымышленный)', '--field', 'qualification=филолог', '--field', 'experience=12 лет', '--field', 'place=г. Ак-Суу'],
      ['packaging', '--note', 'Конверт цел, печать не нарушена', '--field', 'present=никто'],
      ['language', '--note', 'Тексты на русском, кыргызском и английском', '--field', 'translator=-'],
      ['context', '--note', 'Листовка: авторский текст, открытое размещение'],
    ];
    for (const step of steps) expect((await run(['sop', 'record', dir, ...step])).code).toBe(0);
    expect((await run(['case', 'set', dir, ...CASE_FACTS])).code).toBe(0);
    expect((await run(['sop', 'record', dir, 'competence', '--note', 'проверено'])).stderr).toMatch(/Q1, Q2 have no decision/);
    expect((await run(['question', 'decide', dir, 'Q1', '--declined', '--reason', 'Вопрос о правовой квалификации'])).code).toBe(0);
    expect((await run(['question', 'decide', dir, 'Q2', '--answered'])).code).toBe(0);
    expect((await run(['question', 'answer', dir, 'Q2', '--file', answer])).code).toBe(0);
    expect((await run(['sop', 'rabat', dir, '--finding', ids[1]!, '--field', 'context=двор'])).stderr).toMatch(/are not accepted; a worksheet covers accepted findings only.*give the facts of every part: --field speaker=…/);
    expect((await run(['sop', 'rabat', dir, '--finding', ids[0]!, '--field', 'context=двор', '--field', 'speaker=совет жильцов', '--field', 'contentForm=объявление', '--field', 'extent=жители микрорайона'])).code).toBe(0);
    for (const step of [
      ['competence', '--note', 'Q1 — правовой, отклонён; Q2 — в компетенции'],
      ['review', '--note', 'Кандидаты рассмотрены'],
      ['linguistic-analysis', '--note', 'Речевой акт: приглашение'],
      ['psychological-analysis', '--note', 'Побуждение к участию в собрании'],
      ['religious-analysis', '--skip', '--reason', 'no-religious-content', '--note', 'Религиозного содержания нет'],
      ['rabat', '--note', 'Заполнено по каждому высказыванию'],
    ]) {
      const result = await run(['sop', 'record', dir, ...step]);
      expect(result.code, `${step[0]}: ${result.stderr}`).toBe(0);
    }
    await run(['report', dir]);
    expect((await run(['sop', 'record', dir, 'peer-review', '--note', 'Замечаний нет', '--field', 'reviewer=Эксперт В.'])).code).toBe(0);
    const status = await run(['sop', 'status', dir]);
    expect(status.stdout).toMatch(/16 of 18 step\(s\) done or skipped/);
    expect(status.stdout).toMatch(/13 \[skipped\] religious-analysis .* skipped \(no-religious-content, decided by Эксперт Б\. Т\.\): Религиозного содержания нет/);

    const final = await run(['report', dir, '--final', '--format', 'md,html,pdf,docx']);
    expect(final.code, final.stderr).toBe(0);
    const md = readFileSync(join(dir, 'reports', 'report.ru.md'), 'utf8');
    expect(md).not.toMatch(/ЧЕРНОВИК/);
    const { claimed, actual } = checkReportDigest(md);
    expect(claimed).toBe(actual);
    expect(final.stdout).toContain(`report digest: ${actual}`);
    // The examiner's answer verbatim, the findings it rests on, the declined question, the rejected candidate.
    expect(md).toContain('Текст является информационным объявлением о собрании жильцов.');
    expect(md).toMatch(new RegExp(`Основан на фрагментах: ${ids[0]}`));
    expect(md).toMatch(/\*\*Эксперт отказался отвечать\*\*: Вопрос о правовой квалификации/);
    expect(md).toMatch(new RegExp(`- \\*\\*${ids[1]}\\*\\* — [^\\n]*\\n  - Контекст: [^\\n]*⟦паспорт⟧[^\\n]*\\n  - Место: leaflet\\\\_ru\\.txt[^\\n]*\\n(?:  - [^\\n]*\\n)*  - Обоснование эксперта: бытовое упоминание документа\\n`));
    expect(md).toMatch(/\| Говорящий и аудитория \| совет жильцов \|/);
    for (const name of readdirSync(MATERIALS)) expect(md).toContain(fileSha256(join(MATERIALS, name)));

    const html = readFileSync(join(dir, 'reports', 'report.ru.html'), 'utf8');
    expect(checkReportDigest(html).claimed).toBe(checkReportDigest(html).actual);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|src=/i);

    const pdf = readFileSync(join(dir, 'reports', 'report.ru.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await JSZip.loadAsync(readFileSync(join(dir, 'reports', 'report.ru.docx')));
    const documentXml = await docx.file('word/document.xml')!.async('string');
    expect(documentXml).toContain('Текст является информационным объявлением');
    expect(await docx.file('docProps/core.xml')!.async('string')).toContain('2026-03-10T00:00:00Z');

    const entries = log(dir);
    expect(logChainProblems(entries)).toEqual([]);
    const last = entries.slice(-4);
    expect(last.map((entry) => [entry.action, entry.details['format']])).toEqual([
      ['report.render', 'markdown'],
      ['report.export', 'html'],
      ['report.export', 'pdf'],
      ['report.export', 'docx'],
    ]);
    for (const entry of last) expect(fileSha256(join(dir, entry.outputs[0]!.path))).toBe(entry.outputs[0]!.sha256);
  });

  it('renders PDF and DOCX byte-identically across runs, times and time zones; escapes evidence in HTML', async () => {
    const { dir, ids } = await analysedCase();
    // A hostile "finding" text: markup must arrive escaped.
    const result = derivedAnalysis(dir, 'indicators');
    const [first, ...rest] = result.findings ?? [];
    writeDerivedAnalysis(dir, { ...result, findings: [{ ...first!, context: { ...first!.context, left: '<script>alert(1)</script><img src=x onerror=alert(2)>' } }, ...rest] });
    await sozx(['review', dir, '--accept', ids[0]!, '--reason', 'тест']);
    const bytes = async (now: string, tz: string) => {
      process.env['TZ'] = tz;
      const outcome = await sozx(['report', dir, '--format', 'html,pdf,docx', '--language', 'ky'], new Date(now));
      expect(outcome.code, outcome.stderr).toBe(0);
      return ['html', 'pdf', 'docx'].map((ext) => readFileSync(join(dir, 'reports', `report.ky.${ext}`)));
    };
    const zone = process.env['TZ'];
    try {
      // The first render completes the conclusion-assembly step, which the SOP record then shows.
      await bytes('2026-03-11T09:00:00Z', 'UTC');
      const first = await bytes('2026-03-11T10:00:00Z', 'UTC');
      const second = await bytes('2031-07-15T13:14:15Z', 'Asia/Bishkek');
      for (let i = 0; i < 3; i += 1) expect(Buffer.compare(first[i]!, second[i]!), ['html', 'pdf', 'docx'][i]).toBe(0);
      const html = first[0]!.toString('utf8');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});
