/**
 * Test support for the SOP / review / report commands until the lead wires them into main.ts:
 * runs them on a local commander program with a fixed clock, mapping errors like `runCli`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { canonicalJson } from '../src/core/canonical-json.js';
import type { SozDocument } from '../src/core/document.js';
import { UserError } from '../src/core/errors.js';
import type { Finding } from '../src/core/finding.js';
import { compareFindings, findingId, lineColumn } from '../src/core/finding.js';
import { createContext } from '../src/cli/context.js';
import { registerSopCommands } from '../src/cli/commands/sop.js';
import { registerQuestionCommands } from '../src/cli/commands/question.js';
import { registerReviewCommands } from '../src/cli/commands/review.js';
import { registerReportCommands } from '../src/cli/commands/report.js';
import type { CliResult } from './support/cli.js';
import { soz } from './support/cli.js';

/** Runs one of the new commands in-process; other commands go to the real CLI. */
export async function sozx(argv: readonly string[], now = new Date('2026-03-11T10:00:00Z')): Promise<CliResult> {
  if (!['sop', 'question', 'review', 'report'].includes(argv[0] ?? '')) return soz(argv, { now });
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), env: {}, cwd: process.cwd(), now: () => now };
  const program = new Command('soz').exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const context = createContext(io);
  for (const register of [registerSopCommands, registerQuestionCommands, registerReviewCommands, registerReportCommands]) register(program, context);
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
  writeFileSync(join(caseDir, 'derived', 'analyses', 'indicators.json'), canonicalJson({ analysis: 'indicators', version: '0.0.0-test', parameters: {}, findings }, true));
  return findings;
}

function readDoc(caseDir: string, path: string): SozDocument {
  return JSON.parse(readFileSync(join(caseDir, ...path.split('/')), 'utf8')) as SozDocument;
}
