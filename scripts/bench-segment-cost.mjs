#!/usr/bin/env node
// Per-segment CPU of the three per-token steps of `soz analyze` (issue 17), in one process with
// warm memos, so that another build can be compared like for like on a shared machine:
//
//   node scripts/bench-segment-cost.mjs TEXT [--dist DIR]
//
// TEXT is split into paragraphs (blank lines), as a plain-text document is segmented. Each round
// times: tokenising and interning every paragraph (`segmentWords`), identifying its language
// (`identifyLanguage`), and matching the indicator rules of its language (Kyrgyz also with the
// Russian rules, as analyze does) where a word may open a match. Rounds 2–4 are printed (round 1
// fills the per-word memos). DIR: the `dist/` of the build to time (default ../dist); the lexicons
// are read from this checkout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = distAt >= 0 ? args[distAt + 1] : join(root, 'dist');
const file = args.find((a, i) => !a.startsWith('--') && (distAt < 0 || i !== distAt + 1));
if (!file) {
  console.error('usage: node scripts/bench-segment-cost.mjs TEXT [--dist DIR]');
  process.exit(2);
}
const load = async (path) => import(pathToFileURL(join(dist, path)).href);
const { loadLexicons } = await load('analysis/lexicon-files.js');
const { compileIndicators } = await load('analysis/indicators.js');
const { segmentWords, someWord, preparedWords } = await load('analysis/segment-words.js');
const { opensMatches, matchTokens } = await load('analysis/matcher.js');
const { identifyLanguage } = await load('language/index.js');
const { lexicons } = await loadLexicons(root);
const compiled = compileIndicators(lexicons);
const paragraphs = readFileSync(file, 'utf8').split('\n\n').filter((p) => p.trim() !== '');
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
const timed = (fn) => {
  const start = cpuMs();
  fn();
  return cpuMs() - start;
};
const segments = paragraphs.map((text) => {
  const language = identifyLanguage(text).language;
  return { text, languages: language === 'ky' ? ['ky', 'ru'] : [language], words: segmentWords(text) };
});
let matches = 0;
const rounds = [];
for (let round = 0; round < 4; round++) {
  matches = 0;
  const tokenise = timed(() => segments.forEach((s) => segmentWords(s.text)));
  const identify = timed(() => segments.forEach((s) => identifyLanguage(s.text)));
  const match = timed(() => {
    for (const s of segments) {
      for (const language of s.languages) {
        const rules = compiled.indicators.get(language);
        if (rules && someWord(s.words, language, opensMatches(rules))) matches += matchTokens(rules, s.text, preparedWords(s.words, language)).length;
      }
    }
  });
  if (round > 0) rounds.push(`tokenise ${tokenise.toFixed(0)} ms, identify ${identify.toFixed(0)} ms, match ${match.toFixed(0)} ms`);
}
console.log(`${paragraphs.length} paragraphs, ${matches} rule matches (dist ${dist}); CPU per round: ${rounds.join(' | ')}`);
