import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { REPORT_LANGUAGES } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { messageOf } from '../core/errors.js';
import { INSTALL_ROOT } from './install.js';
import { validateLexicons } from '../analysis/index.js';
import { validateLanguageData } from '../language/index.js';

/**
 * Checks every data file soz ships and returns the problems, each naming the file, the entry
 * and the fix. `npm test` runs this first (`soz data validate`).
 */
export async function validateData(): Promise<string[]> {
  const [lexicons, language] = await Promise.all([validateLexicons(INSTALL_ROOT), validateLanguageData(INSTALL_ROOT)]);
  return [...validateReportLabels(), ...validateTemplates(), ...lexicons, ...language];
}

/** Every label file has exactly the keys of the English one, each a non-empty string. */
function validateReportLabels(): string[] {
  const problems: string[] = [];
  const load = (language: string) => {
    const path = join(INSTALL_ROOT, 'templates', 'labels', `${language}.yaml`);
    try {
      return { path, labels: parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown> };
    } catch (error) {
      problems.push(`${path}: cannot be read as YAML (${messageOf(error)}); fix the syntax`);
      return { path, labels: {} };
    }
  };
  const reference = load('en');
  for (const language of REPORT_LANGUAGES) {
    const { path, labels } = load(language);
    for (const key of Object.keys(reference.labels)) {
      if (typeof labels[key] !== 'string' || (labels[key] as string).trim() === '') problems.push(`${path}: label "${key}" is missing or empty; add its ${language} text`);
    }
    for (const key of Object.keys(labels)) {
      if (!(key in reference.labels)) problems.push(`${path}: label "${key}" is not in en.yaml; add it there or remove it here`);
    }
  }
  return problems;
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
