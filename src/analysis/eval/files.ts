/**
 * Reading the evaluation set from disk (`corpora/eval/findings/*.yaml`); the only file I/O of the
 * evaluation code. `soz data validate` runs {@link validateEvalSet}.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodeUnits } from '../../core/canonical-json.js';
import { UserError } from '../../core/errors.js';
import type { EvalItem } from './schema.js';
import { checkEvalText } from './schema.js';

/** Folder of the set inside the project root. */
export const EVAL_FINDINGS_DIR = 'corpora/eval/findings';

async function readSet(root: string): Promise<{ items: EvalItem[]; problems: string[] }> {
  let names: string[];
  try {
    names = (await readdir(join(root, EVAL_FINDINGS_DIR))).filter((n) => n.endsWith('.yaml')).sort(compareCodeUnits);
  } catch {
    return { items: [], problems: [`${EVAL_FINDINGS_DIR}: folder missing under ${root} — fix: restore it from the repository`] };
  }
  const items: EvalItem[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = `${EVAL_FINDINGS_DIR}/${name}`;
    const check = checkEvalText(path, await readFile(join(root, path), 'utf8'));
    problems.push(...check.problems);
    for (const item of check.items) {
      const other = seen.get(item.id);
      if (other !== undefined && other !== path) problems.push(`${path}: item ${item.id}: id also used in ${other} — fix: give one a new number`);
      seen.set(item.id, path);
      items.push(item);
    }
  }
  if (names.length === 0) problems.push(`${EVAL_FINDINGS_DIR}: no set files — fix: restore them from the repository`);
  return { items, problems };
}

/**
 * Problems of the set under `root` (empty when sound), each naming file, item and fix. An
 * installation without the set (it is development data, not needed to run a case) has none.
 */
export async function validateEvalSet(root: string): Promise<string[]> {
  if (!existsSync(join(root, EVAL_FINDINGS_DIR))) return [];
  return (await readSet(root)).problems;
}

/** Loads the whole set (files in name order, items in file order); `UserError` when unsound. */
export async function loadEvalSet(root: string): Promise<EvalItem[]> {
  const { items, problems } = await readSet(root);
  if (problems.length > 0) throw new UserError(`Evaluation set is invalid (${problems.length} problem(s)); first: ${problems[0]}. Run \`soz data validate\` for all.`, 'data.invalid', undefined, { key: 'error.data.eval-invalid', params: { count: problems.length, first: problems[0]! } });
  return items;
}
