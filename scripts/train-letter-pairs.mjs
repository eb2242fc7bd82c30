// Trains the Kazakh–Kyrgyz letter-pair model of `plain_pairs` (round 17, src/language/letter-pairs.ts)
// on the tuning half (even lines) of ../shared/corpora-real/langid (or SOZ_LANGID_DIR), both languages
// typed plainly by their plain_keyboard, and prints its `ratios:` line for sop/language/identification.yaml.
// The odd half stays held out for bench:langid. Usage: npm run build && node scripts/train-letter-pairs.mjs
// SOZ_DIST overrides the compiled module directory (default ../dist).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const { trainLetterPairs } = await import(pathToFileURL(join(dist, 'language', 'letter-pairs.js')).href);
const { languageData } = await import(pathToFileURL(join(dist, 'language', 'data.js')).href);
const dir = process.env.SOZ_LANGID_DIR ?? join(root, '..', 'shared', 'corpora-real', 'langid');
const tuningHalf = (name) => readFileSync(join(dir, `${name}.txt`), 'utf8').split('\n').filter((line, index) => index % 2 === 0 && line.trim());
const plainOf = (language) => languageData().languages.get(language).identification.plain_keyboard;
const fold = { ...plainOf('ky'), ...plainOf('kk') };
const ratios = trainLetterPairs(tuningHalf('kk'), tuningHalf('ky'), fold, { smoothing: 0.5, minCount: 3, minRatio: 0.3 });
const entries = Object.entries(ratios).map(([pair, ratio]) => `${pair}: ${ratio}`);
console.log(`      ratios: { ${entries.join(', ')} }`);
