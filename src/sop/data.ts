/**
 * Loads and validates the SOP data shipped with soz: the procedure and the competence-guard
 * patterns. `validateSopData` is what `soz data validate` calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { parseYaml } from '../core/yaml.js';
import { sha256 } from '../core/hash.js';
import { compilerModules, dataCacheKey, readDataCache, writeDataCache } from '../language/data-cache.js';
import type { z } from 'zod';
import { UserError, messageOf } from '../core/errors.js';
import type { GuardFile, LiabilityFile, Procedure } from './schema.js';
import { GUARD_LANGUAGES, STATUTE_ROLES, guardFileSchema, liabilityFileSchema, procedureSchema } from './schema.js';
import { compileGuardPattern } from './guard.js';

/** Root of the soz installation (`src/sop/` and `dist/sop/` are two levels down). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of the procedure file. */
export const PROCEDURE_PATH = join(ROOT, 'sop', 'procedure.yaml');
export { GUARD_LANGUAGES } from './schema.js';

/** Absolute path of the statute references of the liability block. */
export const LIABILITY_PATH = join(ROOT, 'sop', 'liability.yaml');

/** Problems of the liability file beyond the schema: one reference per role, unique ids. */
export function liabilityProblems(file: LiabilityFile, path: string): string[] {
  const problems: string[] = [];
  for (const role of STATUTE_ROLES) {
    const count = file.statutes.filter((statute) => statute.role === role).length;
    if (count !== 1) problems.push(`${path}: role ${role} has ${count} statute(s); give exactly one`);
  }
  const ids = file.statutes.map((statute) => statute.id);
  for (const repeated of ids.filter((value, index) => ids.indexOf(value) !== index)) problems.push(`${path}: statute ${repeated}: id repeats; give each its own id`);
  return problems;
}

/** Absolute path of a guard file. */
export function guardPath(language: string): string {
  return join(ROOT, 'sop', 'question-guard', `${language}.yaml`);
}

function issues(path: string, error: z.ZodError, entryOf: (path: readonly PropertyKey[]) => string): string[] {
  return error.issues.map((issue) => `${path}: ${entryOf(issue.path)}${issue.path.join('.') || '(root)'}: ${issue.message}; fix the entry`);
}

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

/** Problems of a parsed procedure beyond the schema: duplicate ids, dependencies, fields. */
export function procedureProblems(procedure: Procedure, path: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const reasons = new Set<string>();
  for (const reason of procedure.skipReasons) {
    if (reasons.has(reason.id)) problems.push(`${path}: skip reason ${reason.id}: id repeats; give each reason its own id`);
    reasons.add(reason.id);
  }
  procedure.steps.forEach((step, index) => {
    const where = `${path}: step ${index + 1} (${step.id})`;
    if (seen.has(step.id)) problems.push(`${where}: id repeats step ${seen.get(step.id)! + 1}; give each step its own id`);
    for (const dependency of step.dependsOn) {
      if (!seen.has(dependency)) problems.push(`${where}: dependsOn "${dependency}" is not an earlier step; list only steps that come before it`);
    }
    seen.set(step.id, index);
    if (step.kind === 'automated' && !step.doneWhen) problems.push(`${where}: an automated step needs doneWhen.action; add the log action that completes it`);
    if (step.kind === 'examiner' && step.doneWhen) problems.push(`${where}: an examiner step is done by the examiner's record; remove doneWhen`);
    if (step.kind === 'examiner' && !step.requires.includes('note')) problems.push(`${where}: an examiner step must require a note; add "note" to requires`);
    const wantsFields = step.requires.includes('fields');
    if (wantsFields && !(step.fields && step.fields.length > 0)) problems.push(`${where}: requires fields but lists none; add fields: [...]`);
    if (!wantsFields && step.fields) problems.push(`${where}: lists fields but does not require them; add "fields" to requires`);
    if (step.afterFinal && step.requiredForFinal) problems.push(`${where}: a step after the final conclusion cannot be required for it; set requiredForFinal: false`);
    for (const reason of step.skipReasons ?? []) {
      if (!reasons.has(reason)) problems.push(`${where}: skip reason "${reason}" is not listed under skipReasons; add it there or correct the id`);
    }
  });
  return problems;
}

/** Problems of a parsed guard file beyond the schema: regexes, duplicates, source ids. */
export function guardProblems(file: GuardFile, path: string, expectedLanguage: string): string[] {
  const problems: string[] = [];
  if (file.language !== expectedLanguage) problems.push(`${path}: language is "${file.language}" but the file is for "${expectedLanguage}"; correct the language field`);
  const sourceIds = new Set(file.sources.map((source) => source.id));
  const seen = new Set<string>();
  for (const pattern of file.patterns) {
    const where = `${path}: pattern ${pattern.id}`;
    if (seen.has(pattern.id)) problems.push(`${where}: id repeats; give each pattern its own id`);
    seen.add(pattern.id);
    if (!pattern.id.startsWith(`${expectedLanguage}.`)) problems.push(`${where}: id must start with "${expectedLanguage}."; rename it`);
    problems.push(...regexProblems(pattern.pattern, where));
    for (const source of pattern.sources) {
      if (!sourceIds.has(source)) problems.push(`${where}: source "${source}" is not listed under sources; add it there or correct the id`);
    }
  }
  for (const cue of file.questionCues ?? []) problems.push(...regexProblems(cue, `${path}: question cue ${JSON.stringify(cue)}`));
  return problems;
}

/** A guard regex that does not compile or matches the empty string. */
function regexProblems(pattern: string, where: string): string[] {
  try {
    return compileGuardPattern(pattern).test('') ? [`${where}: pattern matches the empty string; make it match at least one letter`] : [];
  } catch (error) {
    return [`${where}: not a valid regular expression (${messageOf(error)}); fix the pattern`];
  }
}

/**
 * Checks the procedure and every guard file; returns problems naming the file, the entry and the
 * fix (empty when all is well). Called by `soz data validate`.
 */
export async function validateSopData(): Promise<string[]> {
  const problems: string[] = [];
  const check = <T>(path: string, schema: z.ZodType<T>, more: (value: T) => string[]) => {
    if (!existsSync(path)) {
      problems.push(`${path}: missing; restore it from the soz distribution`);
      return;
    }
    let raw: unknown;
    try {
      raw = readYaml(path);
    } catch (error) {
      problems.push(`${path}: cannot be read as YAML (${messageOf(error).split('\n')[0]}); fix the syntax`);
      return;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issues(path, parsed.error, (issuePath) => entryName(raw, issuePath)));
      return;
    }
    problems.push(...more(parsed.data));
  };
  check(PROCEDURE_PATH, procedureSchema, (procedure) => procedureProblems(procedure, PROCEDURE_PATH));
  check(LIABILITY_PATH, liabilityFileSchema, (file) => liabilityProblems(file, LIABILITY_PATH));
  for (const language of GUARD_LANGUAGES) {
    const path = guardPath(language);
    check(path, guardFileSchema, (file) => guardProblems(file, path, language));
  }
  return problems;
}

/** "step register-order: " for an issue inside a list entry that has an id, else "". */
function entryName(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length < 2 || typeof path[1] !== 'number') return '';
  const list = (raw as Record<string, unknown> | null)?.[String(path[0])];
  const entry = Array.isArray(list) ? (list[path[1]] as Record<string, unknown> | undefined) : undefined;
  return typeof entry?.['id'] === 'string' ? `entry ${entry['id']}: ` : '';
}

/** The modules that decide what a SOP file's checked data is: its schemas, its checks, the cache format (see `language/data-cache.ts`). */
const SOP_COMPILER = compilerModules(import.meta.url, ['data', 'schema', 'guard']);

/** The data cache kind and key of an installed SOP file (`sop/…`) with this text; null for a file elsewhere (a test's, a user's). */
function sopCache(path: string, text: string): { kind: string; key: string | null } | null {
  const name = relative(ROOT, path).split(sep).join('/');
  if (!name.startsWith('sop/') || !name.endsWith('.yaml')) return null;
  const kind = name.slice(0, -'.yaml'.length).replace(/\//g, '-');
  return { kind, key: dataCacheKey(kind, [{ path: name, sha256: sha256(text) }], SOP_COMPILER) };
}

/**
 * A SOP file read and checked: as the build kept it checked in the data cache for this very text
 * (about 70 ms of YAML and schema spared on every `soz report`), else parsed and checked here.
 */
function load<T>(path: string, schema: z.ZodType<T>, more: (value: T) => string[]): T {
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    const cache = sopCache(path, text);
    const cached = cache === null ? undefined : readDataCache(ROOT, cache.kind, cache.key);
    if (cached !== undefined) return cached as T;
    raw = parseYaml(text);
  } catch (error) {
    throw new UserError(`${path}: cannot be read (${messageOf(error).split('\n')[0]}); run "soz data validate"`, 'data.invalid', undefined, { key: 'error.data.unreadable', params: { path, detail: messageOf(error).split('\n')[0]! } });
  }
  const parsed = schema.safeParse(raw);
  const problems = parsed.success ? more(parsed.data) : issues(path, parsed.error, (issuePath) => entryName(raw, issuePath));
  if (!parsed.success || problems.length > 0) throw new UserError(`${problems[0]} (run "soz data validate" for all problems)`, 'data.invalid', undefined, { key: 'error.data.invalid-first', params: { problem: problems[0]! } });
  return parsed.data;
}

/** Keeps the installed procedure, guard files and liability block checked in the data cache (part of `npm run build`); a broken file is left to `soz data validate`. Returns the files written. */
export function writeSopCaches(): string[] {
  const files: [string, () => unknown][] = [[PROCEDURE_PATH, () => loadProcedure()], [LIABILITY_PATH, () => loadLiability()], ...GUARD_LANGUAGES.map((language): [string, () => unknown] => [guardPath(language), () => loadGuard(language)])];
  return files.flatMap(([path, checked]) => {
    let value: unknown;
    try {
      value = checked();
    } catch {
      return [];
    }
    const cache = sopCache(path, readFileSync(path, 'utf8'))!;
    return [writeDataCache(ROOT, cache.kind, cache.key, value)];
  });
}

/** The procedure, validated; a broken file is a UserError naming it. */
export function loadProcedure(path = PROCEDURE_PATH): Procedure {
  return load(path, procedureSchema, (procedure) => procedureProblems(procedure, path));
}

/** Every guard file, validated, in `GUARD_LANGUAGES` order. */
export function loadGuards(): GuardFile[] {
  return GUARD_LANGUAGES.map(loadGuard);
}

function loadGuard(language: (typeof GUARD_LANGUAGES)[number]): GuardFile {
  const path = guardPath(language);
  return load(path, guardFileSchema, (file) => guardProblems(file, path, language));
}

/** The statute references of the liability block, validated. */
export function loadLiability(path = LIABILITY_PATH): LiabilityFile {
  return load(path, liabilityFileSchema, (file) => liabilityProblems(file, path));
}
