/**
 * The practice library as end-to-end tests: every case is valid, starts through the real ingest
 * and analysis, and every key fragment occurs verbatim in its material's extracted text.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import type { QuestionRecord } from '../src/core/examiner.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { readDerivedDocuments } from '../src/case/records.js';
import { readQuestions } from '../src/pipeline/examiner.js';
import { PRACTICE_LIBRARY, listPracticeCases, materialFiles, practiceKeyPath, practiceSource, readPracticeCase, readPracticeKey, startPracticeCase } from '../src/pipeline/practice.js';
import { caseKeyProblems, TRAP_TYPES } from '../src/practice/schema.js';
import type { PracticeCase, PracticeKey } from '../src/practice/schema.js';
import { locateKeyItem } from '../src/practice/locate.js';
import { registerPracticeCommands } from '../src/cli/commands/practice.js';
import { createContext } from '../src/cli/context.js';

const clock = () => new Date(Date.UTC(2026, 2, 25, 9, 0, 0));
const ids = readdirSync(PRACTICE_LIBRARY)
  .filter((name) => existsSync(join(PRACTICE_LIBRARY, name, 'case.yaml')))
  .sort();

interface Started {
  readonly practiceCase: PracticeCase;
  readonly key: PracticeKey;
  readonly materials: string[];
  readonly documents: SozDocument[];
  readonly questions: QuestionRecord[];
}

const started = new Map<string, Started>();
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'soz-practice-lib-'));
  for (const id of ids) {
    const source = practiceSource(id);
    const dir = join(scratch, id);
    await startPracticeCase(id, dir, { clock });
    const workspace = CaseWorkspace.open(dir);
    started.set(id, {
      practiceCase: readPracticeCase(source),
      key: readPracticeKey(practiceKeyPath(id)),
      materials: materialFiles(source).map((file) => file.split(/[\\/]/).pop() as string),
      documents: readDerivedDocuments(workspace),
      questions: readQuestions(workspace),
    });
  }
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The format soz should recognise for each material, from how the library names them. */
function expectedFormat(name: string, firstLine: string): string {
  if (name === 'result.json') return 'telegram-json';
  if (name.endsWith('.pdf')) return 'pdf';
  if (name.endsWith('.docx')) return 'docx';
  return /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} - /.test(firstLine) ? 'whatsapp-txt' : 'text';
}

describe('practice library', () => {
  it('has at least 8 cases in Russian, Kyrgyz and English, one of them a mixed-language chat', () => {
    expect(ids.length).toBeGreaterThanOrEqual(8);
    const languages = ids.map((id) => started.get(id)!.practiceCase.languages);
    for (const language of ['ru', 'ky', 'en']) expect(languages.some((list) => list.length === 1 && list[0] === language)).toBe(true);
    expect(languages.some((list) => ['ru', 'ky', 'en'].every((language) => list.includes(language as 'ru')))).toBe(true);
  });

  it.each(ids)('%s: case and key are valid and fit together', (id) => {
    const { practiceCase, key, materials } = started.get(id)!;
    expect(practiceCase.id).toBe(id);
    expect(caseKeyProblems(practiceCase, key, materials)).toEqual([]);
    expect(key.traps.length).toBeGreaterThanOrEqual(2);
    expect(key.questions.some((question) => question.legal)).toBe(true);
    expect(existsSync(join(PRACTICE_LIBRARY, id, 'README.md'))).toBe(true);
  });

  it.each(ids)('%s: every key quote occurs exactly once in its material as soz extracted it', (id) => {
    const { key, documents } = started.get(id)!;
    for (const item of [...key.fragments, ...key.traps]) {
      const located = locateKeyItem(item, documents);
      expect(located, `${id} ${item.id}`).toMatchObject({ found: true, occurrences: 1 });
    }
  });

  it.each(ids)('%s: each material is read by the adapter for its format', (id) => {
    const { documents, materials } = started.get(id)!;
    for (const name of materials) {
      const firstLine = readFileSync(join(PRACTICE_LIBRARY, id, 'materials', name), 'utf8').split('\n', 1)[0] ?? '';
      const docs = documents.filter((doc) => doc.evidenceName === name);
      expect(docs.length, `${id}/${name}`).toBeGreaterThan(0);
      expect(docs.map((doc) => doc.format), `${id}/${name}`).toEqual(docs.map(() => expectedFormat(name, firstLine)));
    }
  });

  it.each(ids)('%s: the questions are stored verbatim in order, and the legal ones are flagged by the guard', (id) => {
    const { practiceCase, key, questions } = started.get(id)!;
    expect(questions.map((q) => [q.id, q.text])).toEqual(practiceCase.questions.map((q) => [q.id, q.text]));
    const legal = key.questions.filter((q) => q.legal).map((q) => q.id);
    const unflagged = questions.filter((q) => legal.includes(q.id) && !q.guard.flagged).map((q) => `${q.id}: ${q.text}`);
    expect(unflagged, 'legal questions the competence guard does not flag').toEqual([]);
  });

  it('uses every material format in several cases and every trap type somewhere', () => {
    const formatCases = new Map<string, Set<string>>();
    const trapTypes = new Set<string>();
    for (const id of ids) {
      const { documents, key } = started.get(id)!;
      for (const doc of documents) formatCases.set(doc.format, (formatCases.get(doc.format) ?? new Set()).add(id));
      for (const trap of key.traps) trapTypes.add(trap.type);
    }
    for (const format of ['telegram-json', 'whatsapp-txt', 'docx', 'pdf', 'text']) expect(formatCases.get(format)?.size ?? 0, format).toBeGreaterThanOrEqual(2);
    expect([...trapTypes].sort()).toEqual([...TRAP_TYPES].sort());
  });

  it('lists the cases with their languages and formats (soz practice list)', async () => {
    const listing = await listPracticeCases();
    expect(listing.map((entry) => entry.id)).toEqual(ids);
    const lines: string[] = [];
    const program = new Command('soz').exitOverride();
    registerPracticeCommands(program, createContext({ stdout: (text: string) => lines.push(text), stderr: () => undefined, now: clock } as never));
    await program.parseAsync(['node', 'soz', 'practice', 'list']);
    expect(lines).toHaveLength(ids.length);
    expect(lines.find((line) => line.startsWith('mixed-jashyl-sai-bazaar'))).toMatch(/ky\/ru\/en/);
    expect(lines.find((line) => line.startsWith('en-millbrook'))).toMatch(/docx, pdf/);
  });
});
