import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { compareCodeUnits } from '../core/canonical-json.js';
import { messageOf } from '../core/errors.js';
import { INSTALL_ROOT } from './install.js';
import { REPORT_LANGUAGES } from '../core/case.js';
import { labelProblems } from '../report/labels.js';
import { readRawLabels } from './report.js';
import { validateDeskLabels } from './desk-labels.js';
import { validateLexicons } from '../analysis/index.js';
import { validateEvalSet } from '../analysis/eval/index.js';
import { validateLanguageData } from '../language/index.js';
import { validateSopData } from '../sop/data.js';
import { validateCliCatalogues } from './cli-catalogue.js';

/**
 * Checks every data file soz ships and returns the problems, each naming the file, the entry
 * and the fix. `npm test` runs this first (`soz data validate`).
 */
export async function validateData(): Promise<string[]> {
  const [lexicons, language, evalSet] = await Promise.all([validateLexicons(INSTALL_ROOT), validateLanguageData(INSTALL_ROOT), validateEvalSet(INSTALL_ROOT)]);
  return [...validateTemplates(), ...validateLabels(), ...validateDeskLabels(), ...validateCliCatalogues(), ...lexicons, ...language, ...(await validateSopData()), ...evalSet];
}

/** Every report language has a label file that fits the label schema (every key, no other). */
function validateLabels(): string[] {
  return REPORT_LANGUAGES.flatMap((language) => {
    try {
      const { path, raw } = readRawLabels(language);
      return labelProblems(path, raw);
    } catch (error) {
      return [`templates/${language}/conclusion.yaml: cannot be read (${messageOf(error).split('\n')[0]}); add the file or fix its YAML`];
    }
  });
}

/** Every Handlebars template under templates/ compiles. */
function validateTemplates(): string[] {
  const dir = join(INSTALL_ROOT, 'templates');
  const problems: string[] = [];
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => compareCodeUnits(a.name, b.name))
      .flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : entry.name.endsWith('.hbs') ? [join(folder, entry.name)] : []));
  for (const path of walk(dir)) {
    try {
      Handlebars.precompile(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${path}: template does not compile (${messageOf(error).split('\n')[0]}); fix the Handlebars syntax`);
    }
  }
  return problems;
}
