import type { LanguageCode, NormalisationStep } from './types.js';

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};

/** Normalises one token for matching (never for display), recording every change. */
export function normaliseForMatching(token: string, _language?: LanguageCode): { normalised: string; steps: NormalisationStep[] } {
  const steps: NormalisationStep[] = [];
  const text = token.normalize('NFC');
  const cyr = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
  const lat = (text.match(/[A-Za-z]/g) ?? []).length;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const to = cyr > lat ? LATIN_TO_CYRILLIC[ch] : undefined;
    if (to) { steps.push({ offset: i, from: ch, to, rule: 'homoglyph-latin-to-cyrillic' }); out += to; } else out += ch;
  }
  return { normalised: out.toLowerCase(), steps };
}

/** Human-readable description of a step, e.g. "Latin x at offset 14 read as Cyrillic х". */
export function describeStep(step: NormalisationStep): string {
  return `${step.from} at offset ${step.offset} read as ${step.to} (${step.rule})`;
}
