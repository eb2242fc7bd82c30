/**
 * Issue 15, several experts: a complex expertise by a linguist, a psychologist and a religious
 * scholar (all fictional) walked to a final conclusion in ru, ky and en, every format, where each
 * sentence about the procedure names a log entry that holds that act by that person; and the
 * careless path — no experts' acknowledgement, no signature, no joint section, dates that do not
 * exist or run backwards, a commission part without its expert — refused step by step.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { LogEntry } from '../src/core/case.js';
import { createPdfAdapter } from '../src/ingest/pdf.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../src/ingest/adapter.js';
import { readLabels } from '../src/pipeline/report.js';
import { loadProcedure } from '../src/sop/data.js';
import { soz, tempDir } from './support/cli.js';
import { ENTRY_WORDS, analysedCase, ok, refused } from './sop-support.js';

const readLog = (dir: string) => readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);


const EXPERTS = [
  ['--name', 'Linguist L. (fictional)', '--speciality', 'linguist', '--qualification', 'PhD in philology, certificate № 11 (fictional)', '--experience', '12', '--institution', 'Forensic centre (fictional)'],
  ['--name', 'Psychologist P. (fictional)', '--speciality', 'psychologist', '--qualification', 'certificate № 22 (fictional)', '--experience', '7', '--institution', 'Forensic centre (fictional)'],
  ['--name', 'Scholar S. (fictional)', '--speciality', 'religious-scholar', '--qualification', 'certificate № 33 (fictional)', '--experience', '15', '--institution', 'Forensic centre (fictional)'],
];

const FACTS = [
  '--kind', 'first', '--form', 'complex', '--grounds-type', 'decision', '--grounds-number', '7',
  '--received', '2026-03-03', '--start', '2026-03-04', '--end', '2026-03-10',
  '--materials', 'Three text files on a USB stick (fictional)', '--packaging', 'Envelope sealed, seal intact (fictional)',
  '--circumstances', 'Leaflets found in a residents\' yard (fictional)',
];

/** Writes an answer file; returns its path. */
function answerFile(text: string): string {
  const path = join(tempDir(), 'answer.md');
  writeFileSync(path, `${text}\n`);
  return path;
}

/**
 * Walks an analysed case as a complex expertise by three experts up to the signatures: each step of
 * a speciality done by its expert, two answers by two experts, the joint section with a dissent.
 */
async function complexExpertise(dir: string, ids: readonly string[]): Promise<void> {
  for (const expert of EXPERTS) await ok(['expert', 'add', dir, ...expert]);
  await ok(['case', 'set', dir, ...FACTS]);
  await ok(['question', 'add', dir, 'To whom is the text addressed and which speech acts does it perform?']);
  await ok(['question', 'add', dir, 'Does the text contain means of psychological influence, and which?']);
  await ok(['sop', 'record', dir, 'register-order', '--note', 'Order No. 7 of 2026-03-02 (fictional)']);
  for (const id of ['E1', 'E2', 'E3']) await ok(['expert', 'acknowledge', dir, id, '--note', `Signed warning of 2026-03-04 (${id}, fictional)`]);
  await ok(['sop', 'record', dir, 'acknowledgement', '--note', 'Each expert signed (fictional)', '--field', 'institution=Forensic centre (fictional)', '--field', 'qualification=see the experts', '--field', 'experience=see the experts', '--field', 'place=Ak-Suu']);
  await ok(['sop', 'record', dir, 'packaging', '--skip', '--reason', 'received-electronically', '--note', 'Files received by the secure portal (fictional)']);
  await ok(['question', 'decide', dir, 'Q1', '--answered']);
  await ok(['question', 'decide', dir, 'Q2', '--answered']);
  await ok(['question', 'answer', dir, 'Q1', '--file', answerFile('The text invites the neighbours to a meeting (fictional answer).'), '--expert', 'E1']);
  await ok(['question', 'answer', dir, 'Q2', '--file', answerFile('An appeal to shared interest; no threat (fictional answer).'), '--expert', 'E2']);
  await ok(['sop', 'record', dir, 'competence', '--note', 'Q1 linguist, Q2 psychologist']);
  await ok(['sop', 'record', dir, 'language', '--note', 'Texts in Russian, Kyrgyz and English', '--field', 'translator=-']);
  for (const [item, relation] of [['leaflet_ru.txt', 'authored'], ['letter_en.txt', 'stored'], ['post_ky.txt', 'forwarded']] as const) {
    await ok(['sop', 'relate', dir, item, '--relation', relation, '--note', 'As the order states (fictional)']);
  }
  await ok(['sop', 'record', dir, 'context', '--note', 'Leaflet: authored text, public display']);
  if (ids.length > 0) {
    await ok(['review', dir, '--accept', ids[0]!, '--question', 'Q1', '--reason', 'an invitation to a meeting']);
    await ok(['review', dir, '--reject', ...ids.slice(1), '--reason', 'ordinary mention']);
  }
  await ok(['sop', 'record', dir, 'review', '--note', 'All candidates reviewed']);
  await ok(['sop', 'record', dir, 'linguistic-analysis', '--note', 'Speech act: invitation']);
  await ok(['sop', 'record', dir, 'psychological-analysis', '--note', 'Appeal to shared interest']);
  await ok(['sop', 'record', dir, 'religious-analysis', '--note', 'No religious vocabulary beyond a greeting', '--field', 'sources=Encyclopaedia of Islam, 3rd ed. (fictional citation)']);
  if (ids.length > 0) await ok(['sop', 'rabat', dir, '--finding', ids[0]!, '--field', 'context=residents\' yard', '--field', 'speaker=residents\' council; residents of the block', '--field', 'contentForm=printed notice', '--field', 'extent=one block of flats']);
  await ok(['sop', 'record', dir, 'rabat', '--note', 'One worksheet per statement']);
  await ok(['sop', 'joint', dir, '--conclusions', 'The text is an invitation to a residents\' meeting (fictional).']);
  await ok(['sop', 'dissent', dir, '--expert', 'E3', '--text', 'The greeting is a customary formula, not a religious appeal (fictional).']);
}

describe('a complex expertise by three experts', () => {
  for (const language of ['ru', 'ky', 'en'] as const) {
    it(`${language}: a final conclusion in every format whose every procedure sentence is backed by its log entry`, async () => {
      const { dir, ids } = await analysedCase(language);
      await complexExpertise(dir, ids);
      // The careless last step: a final without the experts' signatures is refused, naming each.
      const unsigned = await refused(dir, ['report', dir, '--final']);
      for (const id of ['E1', 'E2', 'E3']) expect(unsigned).toContain(`expert ${id} `);
      expect(unsigned).toMatch(/has not signed their part — soz expert sign DIR E1/);
      for (const id of ['E1', 'E2', 'E3']) await ok(['expert', 'sign', dir, id]);
      await ok(['report', dir]);
      await ok(['sop', 'record', dir, 'peer-review', '--skip', '--reason', 'no-second-expert', '--decided-by', 'Head of the centre A. B. (fictional)', '--note', 'No fourth expert in the centre (fictional)']);
      await ok(['report', dir, '--final', '--format', 'md,html,pdf,docx']);

      const labels = readLabels(language);
      const log = readLog(dir);
      const md = readFileSync(join(dir, 'reports', `report.${language}.md`), 'utf8');
      expect(md).not.toContain(labels['draft']!);

      // Each part is done by its expert, and the methods sentence names them and the entry.
      for (const [step, id] of [['linguistic-analysis', 'E1'], ['psychological-analysis', 'E2'], ['religious-analysis', 'E3']] as const) {
        const entry = log.find((candidate) => candidate.action === 'sop.record' && candidate.details['stepId'] === step)!;
        expect(entry.details['expertId']).toBe(id);
        const title = loadProcedure().steps.find((candidate) => candidate.id === step)!.title[language];
        expect(md.split('\n').find((line) => line.includes(`${title} — `) && /^\d+\. /.test(line))).toContain(`${id} ${EXPERTS[Number(id.slice(1)) - 1]![1]}`);
      }

      // Every reference to a log entry: the entry exists, the actor is the one named, and an act of
      // an expert cites that expert's own entry.
      const references = [...md.matchAll(ENTRY_WORDS[language])];
      expect(references.length).toBeGreaterThan(20);
      const allowed = ['sop.record', 'evidence.add', 'analysis.run', 'report.render', 'case.set', 'expert.acknowledge', 'expert.sign', 'expert.joint', 'expert.dissent'];
      for (const [whole, who, seq] of references) {
        const entry = log.find((candidate) => candidate.seq === Number(seq));
        expect(entry, `log entry ${seq}`).toBeDefined();
        expect(allowed, whole).toContain(entry!.action);
        // The pattern takes a closing parenthesis before the comma as its own: give it back.
        const named = who!.trim();
        expect(named.endsWith(entry!.actor) || `${named})`.endsWith(entry!.actor), `${who} / ${entry!.actor}`).toBe(true);
      }
      const lineFor = (action: string, expertId?: string) => {
        const entry = [...log].reverse().find((candidate) => candidate.action === action && (expertId === undefined || candidate.details['expertId'] === expertId))!;
        const line = md.split('\n').find((text) => [...text.matchAll(ENTRY_WORDS[language])].some((match) => Number(match[2]) === entry.seq));
        expect(line, `${action} ${expertId ?? ''} cited`).toBeDefined();
        return line!;
      };
      EXPERTS.forEach((expert, index) => {
        const id = `E${index + 1}`;
        expect(lineFor('expert.acknowledge', id)).toContain(expert[1]);
        // Each expert's own acts are logged in their name.
        expect(log.filter((entry) => entry.action.startsWith('expert.') && entry.details['expertId'] === id && entry.action !== 'expert.add').every((entry) => entry.actor === expert[1])).toBe(true);
        expect(lineFor('expert.sign', id)).toContain(`${id} ${expert[1]}`);
      });
      expect(lineFor('expert.joint')).toBe(labels['jointRecorded']!.replace('{actor}', log.find((entry) => entry.action === 'expert.joint')!.actor).replace('{seq}', String(log.find((entry) => entry.action === 'expert.joint')!.seq)));
      expect(lineFor('expert.dissent', 'E3')).toContain('E3 Scholar S. (fictional)');
      expect(md).toContain('The greeting is a customary formula, not a religious appeal (fictional).');
      expect(lineFor('case.set')).toContain(labels['factsRecorded']!);

      // The introductory part: type, form, grounds, dates, materials, circumstances.
      for (const value of [labels.expertiseKinds.first, labels.expertiseForms.complex, labels.groundsTypes.decision, '2026-03-03', '2026-03-04', '2026-03-10', 'Envelope sealed, seal intact (fictional)', 'Leaflets found in a residents\' yard (fictional)']) expect(md).toContain(value);
      // The answers say which expert answers for them.
      expect(md).toContain(`${labels['answeredBy']}: E1 Linguist L. (fictional)`);
      expect(md).toContain(`${labels['answeredBy']}: E2 Psychologist P. (fictional)`);
      // Rabat: facts only; the text says intent and likelihood are the court's.
      expect(md).toContain(labels['rabatIntro']!);
      expect(md).not.toContain(`| ${labels['rabat_intent']} |`);

      const html = readFileSync(join(dir, 'reports', `report.${language}.html`), 'utf8');
      const pdfBytes = readFileSync(join(dir, 'reports', `report.${language}.pdf`));
      const [pdf] = await collectDocuments(createPdfAdapter(() => []).extract(inputFromBytes(pdfBytes, { name: 'report.pdf', sha256: '0'.repeat(64), mediaType: 'application/pdf', limits: DEFAULT_LIMITS })));
      const pdfText = pdf!.text.replace(/\s+/g, ' ');
      const docx = await JSZip.loadAsync(readFileSync(join(dir, 'reports', `report.${language}.docx`)));
      const docxText = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      for (const [format, text] of [['html', html], ['pdf', pdfText], ['docx', docxText]] as const) {
        for (const expert of EXPERTS) expect(text, `${format}: ${expert[1]}`).toContain(expert[1]);
        expect(text, `${format}: joint`).toContain(labels['jointHeading']!);
        expect(text, `${format}: dissent`).toContain('The greeting is a customary formula');
        expect(text, `${format}: circumstances`).toContain('Leaflets found in a residents');
      }
    });
  }
});

describe('soz verify and several experts', () => {
  it('reproduces a final conclusion by three experts byte for byte, and finds an expert record edited by hand', async () => {
    const { dir, ids } = await analysedCase('en', false);
    await complexExpertise(dir, ids);
    for (const id of ['E1', 'E2', 'E3']) await ok(['expert', 'sign', dir, id]);
    await ok(['report', dir]);
    await ok(['sop', 'record', dir, 'peer-review', '--skip', '--reason', 'no-second-expert', '--decided-by', 'Head of the centre A. B. (fictional)', '--note', 'No fourth expert (fictional)']);
    await ok(['report', dir, '--final', '--format', 'md,html']);
    const verified = await soz(['verify', dir]);
    expect(verified.code, verified.stdout).toBe(0);
    const path = join(dir, 'examiner', 'experts.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"experienceYears": 12', '"experienceYears": 21'));
    const tampered = await soz(['verify', dir]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/examiner\/experts\.json/);
  });
});

describe('the careless path with several experts is refused step by step', () => {
  it('bad expert data, impossible dates, parts without an expert, unacknowledged, unsigned, no joint section, a part changed after signing', async () => {
    const { dir, ids } = await analysedCase('en');
    expect(await refused(dir, ['expert', 'add', dir, '--name', 'X', '--speciality', 'astrologer', '--qualification', 'none', '--experience', 'many', '--institution', 'Y'])).toMatch(/--speciality astrologer: use one of linguist, psychologist, religious-scholar, other; --experience many: give the years/);
    expect(await refused(dir, ['case', 'set', dir, '--received', '2026-02-30'])).toMatch(/--received "2026-02-30": not a date/);
    expect(await refused(dir, ['case', 'set', dir, '--start', '2026-03-10', '--end', '2026-03-01'])).toMatch(/--end 2026-03-01 is before --start 2026-03-10/);
    expect(await refused(dir, ['case', 'set', dir, '--received', '2026-01-01'])).toMatch(/--received 2026-01-01 is before the date of the order 2026-03-02/);
    expect(await refused(dir, ['case', 'set', dir, '--form', 'solo'])).toMatch(/--form "solo": use one of single, complex, commission/);
    // A commission: two linguists; a part of theirs needs to say whose it is.
    await ok(['expert', 'add', dir, ...EXPERTS[0]!]);
    await ok(['expert', 'add', dir, '--name', 'Linguist M. (fictional)', '--speciality', 'linguist', '--qualification', 'certificate № 44 (fictional)', '--experience', '3', '--institution', 'Forensic centre (fictional)']);
    expect(await refused(dir, ['expert', 'sign', dir, 'E1'])).toMatch(/E1 has not acknowledged liability; first soz expert acknowledge DIR E1/);
    await ok(['question', 'add', dir, 'To whom is the text addressed?']);
    await ok(['sop', 'record', dir, 'register-order', '--note', 'Order (fictional)']);
    expect(await refused(dir, ['sop', 'record', dir, 'acknowledgement', '--note', 'x', '--field', 'institution=C', '--field', 'qualification=q', '--field', 'experience=1', '--field', 'place=P'])).toMatch(/expert\(s\) E1 Linguist L\. \(fictional\), E2 Linguist M\. \(fictional\) have not acknowledged liability/);
    expect(await refused(dir, ['question', 'answer', dir, 'Q1', '--file', answerFile('An answer (fictional).')])).toMatch(/the case names 2 experts; say who answers with --expert E…/);
    expect(await refused(dir, ['question', 'answer', dir, 'Q1', '--file', answerFile('An answer (fictional).'), '--expert', 'E9'])).toMatch(/no expert E9 in the case \(experts: E1 Linguist L\. \(fictional\), E2 Linguist M\. \(fictional\)\)/);
    expect(await refused(dir, ['sop', 'joint', dir, '--conclusions', 'Too early'])).toMatch(/the parts linguistic-analysis, psychological-analysis, religious-analysis are neither done nor skipped/);
    expect(await refused(dir, ['sop', 'dissent', dir, '--expert', 'E2', '--text', 'No'])).toMatch(/record the joint section first/);

    // Walk on to the parts: the linguist's part in a commission needs --expert.
    for (const id of ['E1', 'E2']) await ok(['expert', 'acknowledge', dir, id, '--note', 'Signed warning (fictional)']);
    await ok(['sop', 'record', dir, 'acknowledgement', '--note', 'Signed', '--field', 'institution=C', '--field', 'qualification=q', '--field', 'experience=1', '--field', 'place=P']);
    await ok(['sop', 'record', dir, 'packaging', '--skip', '--reason', 'received-electronically', '--note', 'Portal (fictional)']);
    await ok(['question', 'decide', dir, 'Q1', '--answered']);
    await ok(['question', 'answer', dir, 'Q1', '--file', answerFile('The neighbours (fictional).'), '--expert', 'E2']);
    await ok(['sop', 'record', dir, 'competence', '--note', 'Within competence']);
    await ok(['sop', 'record', dir, 'language', '--note', 'Three languages', '--field', 'translator=-']);
    for (const item of ['leaflet_ru.txt', 'letter_en.txt', 'post_ky.txt']) await ok(['sop', 'relate', dir, item, '--relation', 'authored', '--note', 'Order (fictional)']);
    await ok(['sop', 'record', dir, 'context', '--note', 'Context']);
    await ok(['review', dir, '--accept', ids[0]!, '--question', 'Q1', '--reason', 'invitation']);
    await ok(['review', dir, '--reject', ...ids.slice(1), '--reason', 'ordinary']);
    await ok(['sop', 'record', dir, 'review', '--note', 'Reviewed']);
    expect(await refused(dir, ['sop', 'record', dir, 'linguistic-analysis', '--note', 'Speech acts'])).toMatch(/step linguistic-analysis is the part of a linguist and the case names 2 \(E1, E2\); say whose part it is with --expert E…/);
    await ok(['sop', 'record', dir, 'linguistic-analysis', '--note', 'Speech acts', '--expert', 'E1']);
    await ok(['sop', 'record', dir, 'psychological-analysis', '--skip', '--reason', 'not-ordered', '--note', 'No psychological question']);
    await ok(['sop', 'record', dir, 'religious-analysis', '--skip', '--reason', 'no-religious-content', '--note', 'None']);
    expect(await refused(dir, ['sop', 'rabat', dir, '--finding', ids[0]!, '--field', 'context=yard', '--field', 'speaker=council', '--field', 'contentForm=notice', '--field', 'extent=block', '--field', 'intent=to gather', '--field', 'likelihood=low'])).toMatch(/intent, likelihood: for the court to establish, not the expert; record the facts only \(parts: context, speaker, contentForm, extent\)/);
    await ok(['sop', 'rabat', dir, '--finding', ids[0]!, '--field', 'context=yard', '--field', 'speaker=council', '--field', 'contentForm=notice', '--field', 'extent=block']);
    await ok(['sop', 'record', dir, 'rabat', '--note', 'Worksheet']);
    await ok(['report', dir]);
    await ok(['sop', 'record', dir, 'peer-review', '--skip', '--reason', 'no-second-expert', '--decided-by', 'Head (fictional)', '--note', 'None available']);

    // --final names each unmet requirement of the experts and the introductory part.
    const final = await refused(dir, ['report', dir, '--final']);
    expect(final).toMatch(/the introductory part lacks kind, form, groundsType, groundsNumber, receivedDate, startDate, endDate, materials, packaging, circumstances — soz case set DIR --kind …/);
    expect(final).toMatch(/expert E1 Linguist L\. \(fictional\) has not signed their part — soz expert sign DIR E1/);
    expect(final).toMatch(/an expertise by 2 experts needs the joint section — soz sop joint DIR --conclusions "…"/);
    await ok(['case', 'set', dir, ...FACTS]);
    expect(await refused(dir, ['report', dir, '--final'])).toMatch(/a complex expertise needs experts of at least two specialities/);
    await ok(['case', 'set', dir, '--form', 'commission']);
    await ok(['sop', 'joint', dir, '--conclusions', 'Common conclusions (fictional)']);
    for (const id of ['E1', 'E2']) await ok(['expert', 'sign', dir, id]);
    // A part changed after its expert signed: the signature no longer covers it.
    await ok(['sop', 'record', dir, 'linguistic-analysis', '--note', 'Speech acts, revised', '--expert', 'E1']);
    expect(await refused(dir, ['report', dir, '--final'])).toMatch(/^soz: error: .*expert E1 Linguist L\. \(fictional\) signed a part that has changed since — soz expert sign DIR E1 again/);
    await ok(['expert', 'sign', dir, 'E1']);
    await ok(['report', dir, '--final']);
    const md = readFileSync(join(dir, 'reports', 'report.en.md'), 'utf8');
    expect(md).toContain('by a commission (several experts of one speciality)');
    const status = await ok(['sop', 'status', dir]);
    expect(status.stdout).toMatch(/11 \[done {3}\] linguistic-analysis .* \[expert E1\]/);
    expect(status.stdout).toMatch(/expert E2 Linguist M\. \(fictional\) — linguist, .*acknowledged: yes; signed: [0-9a-f]{12}/);
    expect(status.stdout).toContain('joint section: recorded');
  });

  it('a single-examiner case names no experts and reads as before: no acknowledgement, signature or joint section per expert', async () => {
    const { dir } = await analysedCase('en');
    const status = await ok(['sop', 'status', dir]);
    expect(status.stdout).toContain('experts: none named (single examiner: the examiner of case.json is expert 1)');
    await ok(['report', dir]);
    const md = readFileSync(join(dir, 'reports', 'report.en.md'), 'utf8');
    const labels = readLabels('en');
    expect(md).toContain(`${labels['examiner']}: Эксперт Б. Т.`);
    expect(md).not.toContain(labels['expertsHeading']!);
    expect(md).not.toContain(labels['jointHeading']!);
  });
});
