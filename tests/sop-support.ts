/**
 * Test support for the SOP / review / report commands until the lead wires them into main.ts:
 * runs them on a local commander program with a fixed clock, mapping errors like `runCli`.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Command, CommanderError } from 'commander';
import type { SozDocument } from '../src/core/document.js';
import { UserError } from '../src/core/errors.js';
import type { Finding } from '../src/core/finding.js';
import { compareFindings, findingId, lineColumn } from '../src/core/finding.js';
import { createContext } from '../src/cli/context.js';
import { registerSopCommands } from '../src/cli/commands/sop.js';
import { registerQuestionCommands } from '../src/cli/commands/question.js';
import { registerReviewCommands } from '../src/cli/commands/review.js';
import { registerReportCommands } from '../src/cli/commands/report.js';
import { registerExpertCommands } from '../src/cli/commands/experts.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { readCaseFindings, readReview } from '../src/pipeline/examiner.js';
import type { CliResult } from './support/cli.js';
import { soz, tempDir } from './support/cli.js';
import { derivedDocumentAt, writeDerivedAnalysis } from './support/derived.js';

/** Runs one of the new commands in-process; other commands go to the real CLI. */
export async function sozx(argv: readonly string[], now = new Date('2026-03-11T10:00:00Z')): Promise<CliResult> {
  if (!['sop', 'question', 'review', 'report', 'expert', 'case'].includes(argv[0] ?? '')) return soz(argv, { now });
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), env: {}, cwd: process.cwd(), now: () => now };
  const program = new Command('soz').exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const context = createContext(io);
  for (const register of [registerSopCommands, registerQuestionCommands, registerReviewCommands, registerReportCommands, registerExpertCommands]) register(program, context);
  try {
    await program.parseAsync(['node', 'soz', ...argv]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : 2, stdout, stderr };
    if (error instanceof UserError) return { code: 2, stdout, stderr: stderr + `soz: error: ${error.message}\n` };
    throw error;
  }
}

/**
 * Writes a fictional `derived/analyses/indicators.json` with one finding per given word of the
 * first document whose evidence name matches, as the analysis layer would. Returns the findings.
 */
export function plantFindings(caseDir: string, evidenceName: string, words: readonly { word: string; category: string }[]): Finding[] {
  const manifest = JSON.parse(readFileSync(join(caseDir, 'derived', 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
  const docPath = manifest.outputs.map((output) => output.path).find((path) => path.startsWith('derived/documents/') && readDoc(caseDir, path).evidenceName === evidenceName)!;
  const doc = readDoc(caseDir, docPath);
  const findings = words.map(({ word, category }) => {
    const start = doc.text.indexOf(word);
    if (start < 0) throw new Error(`${word} not in ${evidenceName}`);
    const range: [number, number] = [start, start + word.length];
    const segment = doc.segments.find((candidate) => candidate.range[0] <= start && start < candidate.range[1])!;
    const { line, column } = lineColumn(doc.text, start);
    return {
      id: findingId('indicators', `test.${category}`, doc.id, range),
      analysis: 'indicators',
      ruleId: `test.${category}`,
      category,
      reason: `Test candidate (${category})`,
      place: { documentId: doc.id, evidenceSha256: doc.evidenceSha256, evidenceName: doc.evidenceName, segmentId: segment.id, part: segment.anchor.part, range, line, column },
      actual: word,
      context: { left: doc.text.slice(Math.max(0, start - 30), start), right: doc.text.slice(range[1], range[1] + 30) },
      voice: 'own',
      countervailing: [],
      citation: { lexicon: 'test', lexiconVersion: '0.0.0', entryId: category, source: 'fictional test entry' },
    } satisfies Finding;
  });
  findings.sort(compareFindings);
  writeDerivedAnalysis(caseDir, { analysis: 'indicators', version: '0.0.0-test', parameters: {}, findings });
  return findings;
}

function readDoc(caseDir: string, path: string): SozDocument {
  return derivedDocumentAt(caseDir, path);
}

/** A refusal: exit 2, one line on stderr, the log untouched. Returns the line. */
export async function refused(dir: string, argv: string[], run: (argv: string[]) => Promise<{ code: number; stderr: string }> = sozx): Promise<string> {
  const before = readFileSync(join(dir, 'log.jsonl'), 'utf8');
  const result = await run(argv);
  expect(result.code, `${argv.join(' ')} should be refused`).toBe(2);
  expect(result.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
  expect(readFileSync(join(dir, 'log.jsonl'), 'utf8'), `${argv.join(' ')} changed the log`).toBe(before);
  return result.stderr.trim();
}

/** Runs a command that must succeed; the failure message shows its stderr. */
export async function ok(argv: string[]): Promise<CliResult> {
  const result = await sozx(argv);
  expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

/** The words before each language's log-entry reference in a conclusion, and the entry number. */
export const ENTRY_WORDS: Readonly<Record<'ru' | 'ky' | 'en', RegExp>> = {
  ru: /([^\n:;]+?)\)?, запись журнала № (\d+)/g,
  ky: /([^\n:;]+?)\)?, журналдын № (\d+) жазуусу/g,
  en: /([^\n:;]+?)\)?, log entry (\d+)/g,
};

/** The introductory facts of the fictional case (`soz case set`), as a final conclusion needs them. */
export const CASE_FACTS = [
  '--kind', 'first', '--form', 'single', '--grounds-type', 'decision', '--grounds-number', '7',
  '--received', '2026-03-03', '--start', '2026-03-04', '--end', '2026-03-10',
  '--materials', 'Three text files on a USB stick (fictional)', '--packaging', 'Envelope sealed, seal intact (fictional)',
  '--circumstances', 'Leaflets found in a residents\' yard (fictional)',
];

/**
 * Walks an analysed case with one linguistic question through every step of the procedure, the
 * careful way (fictional records): questions decided and answered, every candidate reviewed, every
 * examiner step done or skipped for an admitted reason, a draft assembled after the Rabat
 * worksheet, peer review done. The case is then ready for `soz report --final`.
 */
export async function completeProcedure(dir: string, findingIds: readonly string[]): Promise<void> {
  const answer = join(tempDir(), 'Q1.md');
  writeFileSync(answer, 'The text announces a residents\' meeting and invites the neighbours to attend (fictional answer).\n');
  await ok(['question', 'add', dir, 'To whom is the text addressed and which speech acts does it perform?']);
  // No --file here: soz verify does not yet count an attachment (logged as an input) as recorded.
  await ok(['sop', 'record', dir, 'register-order', '--note', 'Order No. 7 of 2026-03-02 (fictional)']);
  await ok(['case', 'set', dir, ...CASE_FACTS]);
  await ok(['sop', 'record', dir, 'acknowledgement', '--note', 'Signed the warning (fictional)', '--field', 'institution=Forensic centre (fictional)', '--field', 'qualification=linguist', '--field', 'experience=12 years', '--field', 'place=Ak-Suu']);
  await ok(['sop', 'record', dir, 'packaging', '--skip', '--reason', 'received-electronically', '--note', 'Files received on a sealed USB stick image by the secure portal (fictional)']);
  await ok(['question', 'decide', dir, 'Q1', '--answered']);
  await ok(['question', 'answer', dir, 'Q1', '--file', answer]);
  await ok(['sop', 'record', dir, 'competence', '--note', 'Q1 is within the linguist\'s competence']);
  await ok(['sop', 'record', dir, 'language', '--note', 'Texts in Russian, Kyrgyz and English', '--field', 'translator=-']);
  await ok(['sop', 'relate', dir, 'leaflet_ru.txt', '--relation', 'authored', '--note', 'The order names the person as the author (fictional)']);
  await ok(['sop', 'relate', dir, 'letter_en.txt', '--relation', 'stored', '--note', 'Found on the person\'s computer (fictional)']);
  await ok(['sop', 'relate', dir, 'post_ky.txt', '--relation', 'forwarded', '--note', 'The export shows a forwarded post (fictional)']);
  await ok(['sop', 'record', dir, 'context', '--note', 'Leaflet: authored text, public display']);
  if (findingIds.length > 0) {
    await ok(['review', dir, '--accept', findingIds[0]!, '--question', 'Q1', '--reason', 'an invitation to a meeting']);
    if (findingIds.length > 1) await ok(['review', dir, '--reject', ...findingIds.slice(1), '--reason', 'ordinary mention']);
  }
  await ok(['sop', 'record', dir, 'review', '--note', 'All candidates reviewed']);
  await ok(['sop', 'record', dir, 'linguistic-analysis', '--note', 'Speech act: invitation']);
  await ok(['sop', 'record', dir, 'psychological-analysis', '--note', 'Inducement to attend a meeting']);
  await ok(['sop', 'record', dir, 'religious-analysis', '--skip', '--reason', 'no-religious-content', '--note', 'No religious vocabulary or topic in the material']);
  const accepted = readReview(CaseWorkspace.open(dir)).filter((decision) => decision.decision === 'accepted').map((decision) => decision.findingId);
  if (accepted.length > 0) {
    await ok(['sop', 'rabat', dir, '--finding', ...accepted, '--field', 'context=yard', '--field', 'speaker=residents\' council; residents of the block', '--field', 'contentForm=notice', '--field', 'extent=residents of the block']);
  }
  await ok(['sop', 'record', dir, 'rabat', '--note', 'One worksheet per statement']);
  await ok(['report', dir]);
  await ok(['sop', 'record', dir, 'peer-review', '--skip', '--reason', 'no-second-expert', '--decided-by', 'Head of the centre A. B. (fictional)', '--note', 'The only linguist of the centre is on leave']);
}

const DEMO_MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;

const analysedTemplates = new Map<string, Promise<string>>();

/**
 * The demo materials initialised, added and analysed once per report language and fork (the test
 * files of a fork share this module: vitest.config.ts): the fixed clock makes every build the same
 * bytes, so each caller gets a copy of it (nothing in a case depends on its folder or on file
 * times) instead of repeating init, add and analyze.
 */
function analysedTemplate(language: 'ru' | 'ky' | 'en'): Promise<string> {
  let template = analysedTemplates.get(language);
  if (template === undefined) {
    template = (async () => {
      const dir = join(tempDir('soz-analysed-template-'), 'case');
      await ok(['init', dir, '--case-number', 'ДЕЛО-7', '--ordering-body', 'Следственный отдел (вымышленный)', '--examiner', 'Эксперт Б. Т.', '--order-date', '2026-03-02', '--examination-date', '2026-03-10', '--language', language]);
      await ok(['add', dir, ...readdirSync(DEMO_MATERIALS).sort().map((name) => join(DEMO_MATERIALS, name))]);
      await ok(['analyze', dir]);
      return dir;
    })();
    analysedTemplates.set(language, template);
  }
  return template;
}

/**
 * A fictional case made from the demo materials, analysed, with two planted candidate findings in
 * the Russian leaflet (unless `plant` is false: then the analyses' own findings, and the case
 * still passes `soz verify`); `language` is the report language. Returns the folder and the
 * finding ids.
 */
export async function analysedCase(language: 'ru' | 'ky' | 'en' = 'ru', plant = true): Promise<{ dir: string; ids: string[] }> {
  const dir = join(tempDir(), 'case');
  cpSync(await analysedTemplate(language), dir, { recursive: true });
  if (!plant) return { dir, ids: readCaseFindings(CaseWorkspace.open(dir)).map((finding) => finding.id) };
  const findings = plantFindings(dir, 'leaflet_ru.txt', [
    { word: 'спор', category: 'conflict' },
    { word: 'паспорт', category: 'document' },
  ]);
  return { dir, ids: findings.map((finding) => finding.id) };
}
