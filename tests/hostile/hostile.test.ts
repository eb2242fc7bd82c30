import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../src/core/case.js';
import type { SozDocument } from '../../src/core/document.js';
import { ingestAdapters } from '../../src/ingest/registry.js';
import { snapshotTree, soz, tempDir } from '../support/cli.js';
import type { HostileCase } from './generate.js';
import { GENERATED_DIR, HOSTILE_CASES, RUN_BIG, writeHostileFile } from './generate.js';
import { derivedDocumentList } from '../support/derived.js';

// Table-driven: every hostile file goes through the real CLI path (`soz init`, `soz add`, then
// `soz analyze` when it was accepted). docs/hostile-input.md documents the same rows.

const registered = new Set(ingestAdapters().map((adapter) => adapter.id));
const INIT = ['--case-number', 'H-9', '--ordering-body', 'test', '--examiner', 'tester'];

/** Known defects in src/: rows expected to fail until fixed (none open). */
const KNOWN_DEFECTS: Readonly<Record<string, string>> = {};

/** Every control, C1 and bidi-override character a terminal could act on (newline handled apart). */
// eslint-disable-next-line no-control-regex -- detecting control characters is the point
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function documentsOf(caseDir: string): SozDocument[] {
  return derivedDocumentList(caseDir);
}

async function runHostile(hostile: HostileCase): Promise<void> {
  const file = await writeHostileFile(GENERATED_DIR, hostile);
  const caseDir = join(tempDir('soz-hostile-'), 'case');
  expect((await soz(['init', caseDir, ...INIT])).code).toBe(0);
  const before = snapshotTree(caseDir);

  const added = await soz(['add', caseDir, file, ...(hostile.flags ?? [])]);
  // SOZ_HOSTILE_LOG=<file> records what soz printed, to keep docs/hostile-input.md accurate.
  const log = process.env['SOZ_HOSTILE_LOG'];
  if (log) appendFileSync(log, JSON.stringify({ id: hostile.id, code: added.code, stdout: added.stdout, stderr: added.stderr }) + '\n');
  if (hostile.expect.exit === 2) {
    expect(added.code, added.stdout + added.stderr).toBe(2);
    expect(added.stderr).toMatch(/^soz: error: [^\n]*\n$/);
    expect(added.stderr).toMatch(hostile.expect.message);
    expect(added.stderr, 'terminal-safe error line').not.toMatch(UNSAFE_FOR_TERMINAL);
    expect(snapshotTree(caseDir), 'case unchanged').toEqual(before);
    return;
  }

  expect(added.code, added.stderr).toBe(0);
  // One file in, one line out (beside the notice summary), with nothing in it a terminal would act on.
  expect(added.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('notices: '))).toHaveLength(1);
  expect(added.stdout).not.toMatch(UNSAFE_FOR_TERMINAL);

  // The original name is recorded exactly; the copy is named by the hash, never by that name.
  const register = JSON.parse(readFileSync(join(caseDir, 'evidence.json'), 'utf8')) as EvidenceRecord[];
  expect(register).toHaveLength(1);
  const record = register[0]!;
  expect(record.originalName).toBe(hostile.file);
  expect(record.copy).toMatch(new RegExp(`^evidence/${record.sha256}\\.[a-z]+$`));
  expect(existsSync(join(caseDir, record.copy))).toBe(true);

  if (hostile.expect.addedDocuments !== undefined) expect(added.stdout).toContain(`, ${hostile.expect.addedDocuments} document(s))`);
  if (hostile.expect.addOnly === true) return;
  const analysed = await soz(['analyze', caseDir, ...(hostile.flags ?? [])]);
  expect(analysed.code, analysed.stderr).toBe(0);
  const documents = documentsOf(caseDir);
  if (hostile.expect.documents !== undefined) expect(documents).toHaveLength(hostile.expect.documents);
  const text = documents.map((doc) => doc.text).join('\n');
  for (const needle of hostile.expect.textIncludes ?? []) expect(text).toContain(needle);
  for (const needle of hostile.expect.textExcludes ?? []) expect(text).not.toContain(needle);
}

describe('hostile corpus through soz add / soz analyze', () => {
  beforeAll(() => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
  });

  for (const hostile of HOSTILE_CASES) {
    const outcome = hostile.expect.exit === 2 ? 'refused with a precise error, case unchanged' : 'accepted safely';
    const title = `${hostile.id}: ${hostile.input} → ${outcome}`;
    const missing = hostile.needsAdapter !== undefined && !registered.has(hostile.needsAdapter);
    const skip = missing || (hostile.big === true && !RUN_BIG);
    const defect = KNOWN_DEFECTS[hostile.id];
    if (defect !== undefined && !skip) it.fails(`${title} [KNOWN DEFECT: ${defect}]`, () => runHostile(hostile), 120_000);
    else it.skipIf(skip)(title, () => runHostile(hostile), 120_000);
  }

  it('documents every row in docs/hostile-input.md', () => {
    const doc = readFileSync(new URL('../../docs/hostile-input.md', import.meta.url), 'utf8');
    for (const hostile of HOSTILE_CASES) expect(doc, hostile.id).toContain(`\`${hostile.id}\``);
  });
});
