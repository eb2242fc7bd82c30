/** Reads the desk's label files of the installation (`templates/<lang>/desk.yaml`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ReportLanguage } from '../core/case.js';
import { REPORT_LANGUAGES } from '../core/case.js';
import { messageOf, UserError } from '../core/errors.js';
import type { DeskLabels } from '../report/desk-labels.js';
import { deskLabelProblems, deskLabelsSchema } from '../report/desk-labels.js';
import { INSTALL_ROOT } from './install.js';

function deskLabelPath(language: ReportLanguage): string {
  return join(INSTALL_ROOT, 'templates', language, 'desk.yaml');
}

/** The desk's labels of a language, validated; a broken file is a UserError naming it. */
export function readDeskLabels(language: ReportLanguage): DeskLabels {
  const path = deskLabelPath(language);
  const raw: unknown = parseYaml(readFileSync(path, 'utf8'));
  const parsed = deskLabelsSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${deskLabelProblems(path, raw)[0]} (run "soz data validate" for all problems)`, 'data.invalid', undefined, { key: 'error.data.invalid-first', params: { problem: deskLabelProblems(path, raw)[0]! } });
  return parsed.data;
}

/** Problems of every language's desk label file (for `soz data validate`). */
export function validateDeskLabels(): string[] {
  return REPORT_LANGUAGES.flatMap((language) => {
    const path = deskLabelPath(language);
    try {
      return deskLabelProblems(path, parseYaml(readFileSync(path, 'utf8')));
    } catch (error) {
      return [`${path}: cannot be read (${messageOf(error).split('\n')[0]}); add the file or fix its YAML`];
    }
  });
}
