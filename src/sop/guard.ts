/**
 * The competence guard: flags questions of an order that ask the examiner for a legal
 * qualification and suggests a reformulation in linguistic terms. Pure; the patterns are data
 * (`sop/question-guard/<lang>.yaml`).
 */
import type { GuardMatch, QuestionRecord } from '../core/examiner.js';
import { identifyLanguage } from '../language/identify.js';
import type { GuardFile } from './schema.js';
import { GUARD_LANGUAGES } from './schema.js';

/**
 * Compiles a guard pattern: case-insensitive, Unicode, and anchored so it cannot start inside a
 * word (JavaScript's `\b` knows only ASCII letters, so Cyrillic needs the look-behind).
 */
export function compileGuardPattern(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${pattern})`, 'giu');
}

/**
 * Language of a question. Letters decide first (ў ҳ oʻ → uz; ә і ұ һ → kk; ң ө ү → ky). Else the
 * guard files' `questionCues` are counted as whole words: the language with strictly the most
 * wins, so a short Kyrgyz question without ң ө ү («Текст экстремисттик беле?») is not taken for
 * Russian. Else soz's language identification decides (uz-Cyrl and uz-Latn are both `uz`).
 */
export function questionLanguage(text: string, guards: readonly GuardFile[]): string {
  if (/[ўҳЎҲ]|[oOgG][ʻ'’ʼ`]/u.test(text)) return 'uz';
  if (/[әіұһӘІҰҺ]/u.test(text)) return 'kk';
  if (/[ңөүҢӨҮ]/u.test(text)) return 'ky';
  const scores = guards
    .map((guard) => ({ language: guard.language, score: (guard.questionCues ?? []).reduce((sum, cue) => sum + [...text.matchAll(compileCue(cue))].length, 0) }))
    .sort((a, b) => b.score - a.score);
  if (scores[0] && scores[0].score > 0 && scores[0].score > (scores[1]?.score ?? 0)) return scores[0].language;
  const identified = identifyLanguage(text).language;
  const language = identified.startsWith('uz-') ? 'uz' : identified;
  if ((GUARD_LANGUAGES as readonly string[]).includes(language) || language === 'tg' || language === 'ar') return language;
  return /\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en';
}

/** A cue matches a whole word. */
function compileCue(cue: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${cue})(?![\\p{L}\\p{M}])`, 'giu');
}

/**
 * Runs the guard files over the question, the question's own language first (a question in
 * Russian may be put in a Kyrgyz case and vice versa); a match overlapping one already found is
 * not repeated from another language's file. Matches are ordered by position, then pattern id.
 */
export function guardQuestion(text: string, guards: readonly GuardFile[], own = questionLanguage(text, guards)): QuestionRecord['guard'] {
  const matches: GuardMatch[] = [];
  const suggestions: string[] = [];
  const guardVersions: Record<string, string> = {};
  const ordered = [...guards.filter((guard) => guard.language === own), ...guards.filter((guard) => guard.language !== own)];
  for (const guard of ordered) {
    guardVersions[guard.language] = guard.version;
    const citations = new Map(guard.sources.map((source) => [source.id, source.citation]));
    const fromOtherFiles = matches.slice();
    for (const pattern of guard.patterns) {
      let matchedHere = false;
      for (const match of text.matchAll(compileGuardPattern(pattern.pattern))) {
        const range: [number, number] = [match.index, match.index + match[0].length];
        if (fromOtherFiles.some((other) => other.range[0] < range[1] && range[0] < other.range[1])) continue;
        matches.push({ patternId: pattern.id, reason: pattern.reason, matched: match[0], range, sources: pattern.sources.map((id) => citations.get(id) ?? id) });
        matchedHere = true;
      }
      if (matchedHere && !suggestions.includes(pattern.suggestion)) suggestions.push(pattern.suggestion);
    }
  }
  matches.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.patternId < b.patternId ? -1 : a.patternId > b.patternId ? 1 : 0));
  const versions: Record<string, string> = {};
  for (const language of Object.keys(guardVersions).sort()) versions[language] = guardVersions[language]!;
  return { flagged: matches.length > 0, guardVersions: versions, matches, suggestions };
}
