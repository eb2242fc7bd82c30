import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CaseMetadata } from '../core/case.js';
import { CASE_SCHEMA } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { DEFAULT_LIMITS } from '../ingest/adapter.js';
import { CaseWorkspace, isCaseDir } from '../case/workspace.js';
import type { Clock } from '../case/workspace.js';
import { addEvidence } from './intake.js';
import { analyzeCase } from './analyze.js';
import { writeReport } from './report.js';
import { INSTALL_ROOT } from './install.js';

/** The bundled fictional example case. */
export const DEMO_DIR = join(INSTALL_ROOT, 'corpora', 'demo');

/**
 * Runs init → add → analyze → report on the bundled example and returns what to print. A
 * previous demo case in the same folder is replaced; any other non-empty folder is refused.
 */
export async function runDemo(out: string, clock: Clock): Promise<string[]> {
  const target = resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!isCaseDir(target)) throw new UserError(`${out}: folder exists and is not a soz case; choose another --out`, 'demo.out-exists');
    rmSync(target, { recursive: true, force: true });
  }
  const metadata = { schema: CASE_SCHEMA, ...(parseYaml(readFileSync(join(DEMO_DIR, 'case.yaml'), 'utf8')) as object) } as CaseMetadata;
  const materials = join(DEMO_DIR, 'materials');
  const files = readdirSync(materials)
    .sort(compareCodeUnits)
    .map((name) => join(materials, name));
  const workspace = CaseWorkspace.init(target, metadata, clock, metadata.examiner);
  await addEvidence(workspace, files, { clock, actor: metadata.examiner, limits: DEFAULT_LIMITS });
  const analysis = await analyzeCase(workspace, { clock, actor: metadata.examiner, limits: DEFAULT_LIMITS });
  const report = writeReport(workspace, { clock, actor: metadata.examiner });
  return [
    `demo case: ${out} (${files.length} file(s), ${analysis.documents} document(s))`,
    `report: ${join(out, report.path)}`,
    `report digest: ${report.digest}`,
  ];
}
