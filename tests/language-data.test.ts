import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot, validateLanguageData } from '../src/language/data.js';

const dirs: string[] = [];
function copyOfData(): string {
  const root = mkdtempSync(join(tmpdir(), 'soz-langdata-'));
  dirs.push(root);
  cpSync(join(packageRoot(), 'sop', 'language'), join(root, 'sop', 'language'), { recursive: true });
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('validateLanguageData', () => {
  it('accepts the shipped data', async () => {
    expect(await validateLanguageData(packageRoot())).toEqual([]);
  });

  it('names the file, the entry and the fix for a broken pattern', async () => {
    const root = copyOfData();
    const file = join(root, 'sop', 'language', 'ky.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("pattern: '[ңөү]'", "pattern: '[ңөү'"));
    const problems = await validateLanguageData(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^sop\/language\/ky\.yaml: identification\.markers\.1\.pattern \(pattern "\[ңөү"\): not a valid regular expression .*fix the pattern$/);
  });

  it('reports harmony vowels missing from the vowel list, duplicates, and missing files', async () => {
    const root = copyOfData();
    const kk = join(root, 'sop', 'language', 'kk.yaml');
    writeFileSync(kk, readFileSync(kk, 'utf8').replace('    а: аоұыуяё', '    а: аоұыуяёz').replace('forms: [лар, лер]', 'forms: [лар, лер, лар]'));
    unlinkSync(join(root, 'sop', 'language', 'tg.yaml'));
    const problems = await validateLanguageData(root);
    expect(problems).toContain('sop/language/kk.yaml: morphology.harmony "а": "z" is not in morphology.vowels: add it there or remove it');
    expect(problems.some((p) => p.startsWith('sop/language/kk.yaml: morphology.suffixes.0 (plural) form "лар" is listed twice'))).toBe(true);
    expect(problems).toContain('sop/language/tg.yaml: missing: every language needs a data file');
  });

  it('refuses plain_trigrams without plain_keyboard, and a marker both final-position and native-spelling', async () => {
    const root = copyOfData();
    const uz = join(root, 'sop', 'language', 'uz-Cyrl.yaml');
    writeFileSync(uz, readFileSync(uz, 'utf8').replace(/\n {2}plain_keyboard: .*\n/, '\n  plain_trigrams: true\n'));
    const kk = join(root, 'sop', 'language', 'kk.yaml');
    writeFileSync(kk, readFileSync(kk, 'utf8').replace('weight: -0.6, spelling: native,', 'weight: -0.6, spelling: native, position: final,'));
    const problems = await validateLanguageData(root);
    expect(problems.some((p) => p.startsWith('sop/language/uz-Cyrl.yaml: identification') && p.includes('plain_trigrams needs plain_keyboard'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sop/language/kk.yaml: identification.markers.1') && p.includes('either final-position or native-spelling'))).toBe(true);
  });

  it('reports YAML syntax errors and unknown keys', async () => {
    const root = copyOfData();
    writeFileSync(join(root, 'sop', 'language', 'en.yaml'), 'language: en\n  bad: [');
    const id = join(root, 'sop', 'language', 'identification.yaml');
    writeFileSync(id, readFileSync(id, 'utf8').replace('  franc: 6', '  franc: 6\n  francc: 1'));
    const problems = await validateLanguageData(root);
    expect(problems.some((p) => p.startsWith('sop/language/en.yaml: not valid YAML'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sop/language/identification.yaml: weights') && p.includes('francc'))).toBe(true);
  });
});
