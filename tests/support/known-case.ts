/**
 * The known-material practice case compared with its fictional library, as a trainee does it:
 * `soz practice start ru-sosnovy-bor`, `soz library init/add` with the item's provenance from the
 * case's `library/`, then `soz compare`. Shared by the tests that need a compared case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { expect } from 'vitest';
import { soz } from './cli.js';

/** The practice case's source folder (materials and its fictional library item). */
export const KNOWN_CASE_SOURCE = new URL('../../corpora/practice/ru-sosnovy-bor/', import.meta.url).pathname;

/** The library item's provenance as the practice case records it (`file` names the item). */
export const knownProvenance = parseYaml(readFileSync(join(KNOWN_CASE_SOURCE, 'library', 'provenance.yaml'), 'utf8')) as Record<string, string>;

const flag = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Starts the practice case in `root/case`, builds its library in `root/lib` and compares; returns both folders. */
export async function comparedPracticeCase(root: string): Promise<{ caseDir: string; lib: string }> {
  const caseDir = join(root, 'case');
  const lib = join(root, 'lib');
  const started = await soz(['practice', 'start', 'ru-sosnovy-bor', caseDir]);
  expect(started.code, started.stderr).toBe(0);
  expect((await soz(['library', 'init', lib])).code).toBe(0);
  const { file, ...fields } = knownProvenance;
  const added = await soz(['library', 'add', lib, join(KNOWN_CASE_SOURCE, 'library', file!), ...Object.entries(fields).flatMap(([name, value]) => [flag(name), value])]);
  expect(added.code, added.stderr).toBe(0);
  const compared = await soz(['compare', caseDir, '--library', lib]);
  expect(compared.code, compared.stderr).toBe(0);
  return { caseDir, lib };
}
