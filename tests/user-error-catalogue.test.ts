/**
 * The guard of issue 18 for errors: every `new UserError(` in src/ carries a catalogue key (its
 * fourth argument `{ key: '…', params: { … } }`), so the examiner reads the one-line error in
 * ru, ky or en; the key exists in every language, and the values given are exactly the
 * placeholders of its English text. Read from the source with the TypeScript parser, so a new
 * error without a key fails here before anyone meets it in English.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../src/case/records.js';
import { DATE_PROBLEMS } from '../src/core/calendar.js';
import { placeholdersOf } from '../src/core/messages.js';
import { readCliCatalogue } from '../src/pipeline/cli-catalogue.js';

const SRC = new URL('../src/', import.meta.url).pathname;

/**
 * Files of another engineer's area that raise errors not yet keyed, with how many; their keys are
 * in the catalogue already (`error.desk.*`), the desk adds them in its own branch.
 */
const NOT_YET: Readonly<Record<string, number>> = { 'desk/server.ts': 2 };

/**
 * Sites that raise again, in the calling thread, a `UserError` a worker thread raised: it keeps the
 * thread's own key and values (that site is checked above), so it has no literal key of its own.
 */
const RAISED_AGAIN: Readonly<Record<string, number>> = { 'pipeline/report.ts': 1 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Site {
  readonly where: string;
  /** The catalogue keys (one, or the two of a `cond ? 'a' : 'b'`), or null when the error has none as literals. */
  readonly keys: string[] | null;
  /** The names of the values given, or null when they are not an object literal of names. */
  readonly params: string[] | null;
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const element of object.properties) {
    if (ts.isPropertyAssignment(element) && element.name.getText() === name) return element.initializer;
  }
  return undefined;
}

/** The literal keys an expression can take: a string, or either side of a conditional. */
function literalKeys(expression: ts.Expression | undefined): string[] | null {
  if (expression === undefined) return null;
  if (ts.isStringLiteral(expression)) return [expression.text];
  if (ts.isConditionalExpression(expression)) {
    const [whenTrue, whenFalse] = [literalKeys(expression.whenTrue), literalKeys(expression.whenFalse)];
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  return null;
}

function sitesOf(path: string): Site[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const sites: Site[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText() === 'UserError') {
      const where = `${relative(SRC, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const ref = node.arguments?.[3];
      const key = ref && ts.isObjectLiteralExpression(ref) ? property(ref, 'key') : undefined;
      const params = ref && ts.isObjectLiteralExpression(ref) ? property(ref, 'params') : undefined;
      const names =
        params && ts.isObjectLiteralExpression(params) && params.properties.every((element) => ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element))
          ? params.properties.map((element) => element.name!.getText())
          : null;
      sites.push({ where, keys: literalKeys(key), params: names });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

const catalogues = { en: readCliCatalogue('en').messages, ru: readCliCatalogue('ru').messages, ky: readCliCatalogue('ky').messages };

/** Why a key used at `where` with values `params` does not fit the catalogues; empty when it does. */
function keyProblems(where: string, key: string, params: readonly string[]): string[] {
  const english = catalogues.en[key];
  if (english === undefined) return [`${where}: ${key} is not in templates/en/cli-errors.yaml or cli.yaml`];
  const expected = placeholdersOf(english).join(', ');
  const problems = (['ru', 'ky'] as const).filter((language) => catalogues[language][key] === undefined || placeholdersOf(catalogues[language][key]!).join(', ') !== expected).map((language) => `${where}: ${key} missing in ${language} or with other placeholders`);
  const given = [...new Set(params)].sort().join(', ');
  if (given !== expected) problems.push(`${where}: ${key} is given {${given}}, its text has {${expected}}`);
  return problems;
}

const sites = sourceFiles(SRC).flatMap(sitesOf);

describe('every UserError in src/ has a catalogue key', () => {
  it('finds the errors (the parser sees the source)', () => {
    expect(sites.length).toBeGreaterThan(150);
  });

  it('each carries a literal key and an object of values, except the files listed as not yet keyed', () => {
    const unkeyed = sites.filter((site) => site.keys === null || site.params === null);
    const allowed = { ...NOT_YET, ...RAISED_AGAIN };
    const outside = unkeyed.filter((site) => !Object.hasOwn(allowed, site.where.split(':')[0]!));
    expect(outside.map((site) => site.where)).toEqual([]);
    const counted = Object.fromEntries(Object.keys(allowed).map((file) => [file, unkeyed.filter((site) => site.where.startsWith(`${file}:`)).length]));
    expect(counted).toEqual(allowed); // a file that got its keys leaves this list
  });

  it('each key is in ru, ky and en, and its values are the placeholders of the English text', () => {
    const problems: string[] = [];
    for (const site of sites) {
      if (site.keys === null || site.params === null) continue;
      for (const key of site.keys) problems.push(...keyProblems(site.where, key, site.params));
    }
    expect(problems).toEqual([]);
  });

  it('the keys of sub-messages (what a record should be, why a date is refused) are in the catalogue too', () => {
    const nested = [...Object.keys(RECORD_KINDS).map((kind) => `error.record.${kind}`), ...Object.keys(DATE_PROBLEMS).map((kind) => `error.date.${kind}`)];
    const literal = sourceFiles(SRC).flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/['`]((?:error|final|record)\.[a-z][a-z0-9.-]*)['`]/g)].map((match) => match[1]!));
    expect([...nested, ...literal].filter((key) => catalogues.en[key] === undefined || catalogues.ru[key] === undefined || catalogues.ky[key] === undefined)).toEqual([]);
    const prefixes = sourceFiles(SRC).flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/`(error\.[a-z][a-z0-9.-]*\.)\$\{/g)].map((match) => match[1]!));
    expect(prefixes.filter((prefix) => !Object.keys(catalogues.en).some((key) => key.startsWith(prefix)))).toEqual([]);
  });
});
