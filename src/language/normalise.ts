/**
 * Normalisation for matching — never for display or for the evidence text. Every change is
 * recorded as a {@link NormalisationStep} whose offset is a 0-based UTF-16 index into the token as
 * it was given, so a report can say "matched after reading Latin x at offset 3 as Cyrillic х"
 * (add the token's start to get the document offset). Case folding (to lower case) is applied to
 * the result but not recorded: it is not evidence of anything.
 */
import { scriptOfCode } from './script.js';
import { APOSTROPHES, type Token } from './tokenize.js';
import type { LanguageCode, NormalisationStep } from './types.js';

const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', k: 'к', h: 'һ', m: 'м', t: 'т', b: 'ь',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  ö: 'ө', ü: 'ү', Ö: 'Ө', Ü: 'Ү',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i', к: 'k', һ: 'h', м: 'm', т: 't',
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X', У: 'Y',
};
/** Cyrillic letters that have a Latin look-alike, and the reverse: they do not decide a word's script. */
const AMBIGUOUS = new Set([...Object.keys(LATIN_TO_CYRILLIC), ...Object.keys(CYRILLIC_TO_LATIN)]);

const CYRILLIC_LANGS = new Set<LanguageCode>(['ky', 'ru', 'uz-Cyrl', 'kk', 'tg']);

/**
 * Letters from a neighbouring alphabet typed for a letter of the target language (keyboard
 * layouts, old fonts). Only unambiguous substitutions: н for ң or у for ү are left to
 * {@link looseKey}, because they are also ordinary letters.
 */
const WRONG_ALPHABET: Partial<Record<LanguageCode, Readonly<Record<string, string>>>> = {
  ky: { ұ: 'ү', ӱ: 'ү', ӧ: 'ө', ҥ: 'ң', ӊ: 'ң', ӈ: 'ң' },
  kk: { ӱ: 'ү', ӧ: 'ө', ҥ: 'ң', ӊ: 'ң', ӈ: 'ң' },
  'uz-Cyrl': { ӯ: 'ў', ҕ: 'ғ' },
  tg: { ў: 'ӯ', ҕ: 'ғ' },
};

/** Arabic harakat (U+064B–U+065F, U+0670) and tatweel (U+0640) — removed for matching. */
const ARABIC_MARK = /[\u064B-\u065F\u0670\u0640]/u;
const ARABIC_LETTER: Readonly<Record<string, string>> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ک': 'ك' };

/** A base character with the combining marks that follow it (NFC works within such a cluster). */
const CLUSTER = /[\s\S][\p{M}]*/gu;

function wordScript(token: string, language: LanguageCode | undefined): 'cyrillic' | 'latin' | null {
  let cyr = 0;
  let lat = 0;
  let cyrAll = 0;
  let latAll = 0;
  for (const ch of token) {
    const s = scriptOfCode(ch.charCodeAt(0));
    if (s === 'cyrillic') {
      cyrAll++;
      if (!AMBIGUOUS.has(ch)) cyr++;
    } else if (s === 'latin') {
      latAll++;
      if (!AMBIGUOUS.has(ch)) lat++;
    }
  }
  if (cyrAll === 0 || latAll === 0) return null; // one script only: nothing to repair
  if (cyr !== lat) return cyr > lat ? 'cyrillic' : 'latin';
  if (language) return CYRILLIC_LANGS.has(language) ? 'cyrillic' : 'latin';
  return cyrAll >= latAll ? 'cyrillic' : 'latin';
}

/**
 * A word of one alphabet's basic letters only: ASCII Latin, or Cyrillic А–я (without Ё and the
 * letters of the other Cyrillic alphabets). No rule of {@link normaliseForMatching} changes one —
 * one script (no look-alike to read), no combining mark, digit, apostrophe, Arabic letter or
 * letter of a neighbouring alphabet — so it is only lower-cased. Most words of a chat are such
 * (issue 17: 92 % of the words normalised on a real WhatsApp chat).
 */
const PLAIN_WORD = /^(?:[A-Za-z]+|[\u0410-\u044F]+)$/u;

/**
 * Normalises one token for matching: NFC; Latin/Cyrillic look-alikes mixed into one word read in
 * the word's majority script; a digit 0 between letters read as the letter o; letters typed from a
 * neighbouring alphabet (per `language`); Uzbek apostrophes unified (oʻ gʻ, tutuq ʼ); Arabic
 * harakat and tatweel removed and alef / yeh / teh marbuta forms unified. Result is lower case.
 */
export function normaliseForMatching(token: string, language?: LanguageCode): { normalised: string; steps: NormalisationStep[] } {
  if (PLAIN_WORD.test(token)) return { normalised: token.toLowerCase(), steps: [] };
  const steps: NormalisationStep[] = [];
  const target = wordScript(token, language);
  const wrong = language ? WRONG_ALPHABET[language] : undefined;
  const isUzLatn = language === 'uz-Latn' || (language === undefined && target !== 'cyrillic' && /[ʻʼ'‘’`]/u.test(token));
  let out = '';
  for (const m of token.matchAll(CLUSTER)) {
    const offset = m.index;
    let piece = m[0];
    if (piece.length > 1) {
      const nfc = piece.normalize('NFC');
      if (nfc !== piece) {
        steps.push({ offset, from: piece, to: nfc, rule: 'unicode-nfc' });
        piece = nfc;
      }
    }
    if (ARABIC_MARK.test(piece)) {
      const stripped = piece.replace(new RegExp(ARABIC_MARK, 'gu'), '');
      steps.push({ offset, from: piece, to: stripped, rule: 'arabic-strip-harakat' });
      piece = stripped;
    }
    const ch = piece[0] ?? '';
    const rest = piece.slice(1);
    let to: string | undefined;
    let rule = '';
    if (target === 'cyrillic' && scriptOfCode(ch.charCodeAt(0)) === 'latin' && LATIN_TO_CYRILLIC[ch]) {
      to = LATIN_TO_CYRILLIC[ch];
      rule = 'homoglyph-latin-to-cyrillic';
    } else if (target === 'latin' && scriptOfCode(ch.charCodeAt(0)) === 'cyrillic' && CYRILLIC_TO_LATIN[ch]) {
      to = CYRILLIC_TO_LATIN[ch];
      rule = 'homoglyph-cyrillic-to-latin';
    } else if (ch === '0' && /\p{L}/u.test(token[offset - 1] ?? '') && /\p{L}/u.test(token[offset + 1] ?? '')) {
      to = target === 'latin' || scriptOfCode(token.charCodeAt(offset - 1)) === 'latin' ? 'o' : 'о';
      rule = 'digit-as-letter';
    } else if (wrong && wrong[ch.toLowerCase()]) {
      to = wrong[ch.toLowerCase()];
      rule = `wrong-alphabet-${language}`;
    } else if (ARABIC_LETTER[ch]) {
      to = ARABIC_LETTER[ch];
      rule = 'arabic-letter-variant';
    } else if (isUzLatn && APOSTROPHES.includes(ch) && offset > 0) {
      const prev = (token[offset - 1] ?? '').toLowerCase();
      const want = prev === 'o' || prev === 'g' ? 'ʻ' : 'ʼ';
      if (ch !== want) {
        to = want;
        rule = 'uzbek-apostrophe';
      }
    }
    if (to !== undefined && to !== ch) {
      steps.push({ offset, from: ch, to, rule });
      piece = to + rest;
    }
    out += piece;
  }
  return { normalised: out.toLowerCase(), steps };
}

const SCRIPT_NAME: Record<string, string> = { cyrillic: 'Cyrillic', latin: 'Latin', arabic: 'Arabic' };

function named(text: string): string {
  if ([...text].length !== 1) return JSON.stringify(text);
  const s = scriptOfCode(text.charCodeAt(0));
  const code = text.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
  return s ? `${SCRIPT_NAME[s]} ${text}` : `${JSON.stringify(text)} (U+${code})`;
}

/** One-line description of a step, e.g. "Latin x at offset 14 read as Cyrillic х (homoglyph-latin-to-cyrillic)". */
export function describeStep(step: NormalisationStep): string {
  if (step.to === '') return `${named(step.from)} at offset ${step.offset} removed (${step.rule})`;
  return `${named(step.from)} at offset ${step.offset} read as ${named(step.to)} (${step.rule})`;
}

const LOOSE: Partial<Record<LanguageCode, Readonly<Record<string, string>>>> = {
  ky: { ң: 'н', ө: 'о', ү: 'у' },
  kk: { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' },
  'uz-Cyrl': { ў: 'у', қ: 'к', ғ: 'г', ҳ: 'х' },
  tg: { ғ: 'г', ӣ: 'и', қ: 'к', ӯ: 'у', ҳ: 'х', ҷ: 'ч' },
  ru: { ё: 'е' },
};

/**
 * A looser key for a normalised word: folds the letters people replace when their keyboard lacks
 * them (Kyrgyz ң ө ү typed as н о у, Tajik ҷ as ч, Russian ё as е). A match on the loose key only
 * is weaker evidence than a match on the normalised form; both steps are recorded.
 */
export function looseKey(normalised: string, language: LanguageCode): { key: string; steps: NormalisationStep[] } {
  const table = LOOSE[language];
  const steps: NormalisationStep[] = [];
  if (!table) return { key: normalised, steps };
  let key = '';
  for (let i = 0; i < normalised.length; i++) {
    const ch = normalised[i] ?? '';
    const to = table[ch];
    if (to) steps.push({ offset: i, from: ch, to, rule: 'loose-keyboard-fold' });
    key += to ?? ch;
  }
  return { key, steps };
}

const CYR_TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ң: 'ng', ө: 'o', ү: 'u', ә: 'a', ғ: 'gh', қ: 'q', ұ: 'u',
  һ: 'h', і: 'i', ў: 'o', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u',
};
// Variant spellings of one sound in Latin transliterations, folded to one letter (order matters).
const LATIN_FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/dzh|dj|zh|j/g, 'j'],
  [/kh|x/g, 'h'],
  [/gh/g, 'g'],
  [/q/g, 'k'],
  [/shch/g, 'sh'],
  [/ts/g, 'c'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/[ʻʼ'‘’`]/g, ''],
  [/(.)\1+/g, '$1'],
];

/**
 * A script-independent key for a (normalised, lower-case) word, so that a Cyrillic word and its
 * Latin transliterations meet: джихад, dzhikhad, djihad, jihad → "jihad". Very lossy: use it only
 * as the weakest kind of match, and say so. The step is recorded at offset 0 with rule
 * `transliteration-key`.
 */
export function transliterationKey(word: string): { key: string; steps: NormalisationStep[] } {
  let latin = '';
  for (const ch of word.toLowerCase()) latin += CYR_TRANSLIT[ch] ?? ch;
  let key = latin;
  for (const [re, to] of LATIN_FOLDS) key = key.replace(re, to);
  return { key, steps: key === word ? [] : [{ offset: 0, from: word, to: key, rule: 'transliteration-key' }] };
}

/** A word written with separators inside it, re-joined by {@link joinSplitWords}. */
export interface JoinedWord {
  /** The letters of the parts, joined, without the separators. */
  readonly text: string;
  /** `[start, end)` of the whole spread-out word in the original text (UTF-16 code units). */
  readonly range: readonly [number, number];
  /** The word tokens that were joined. */
  readonly parts: readonly Token[];
  /** One step per removed separator; offsets are relative to `range[0]` in the original text. */
  readonly steps: NormalisationStep[];
}

const INNER_SEPARATOR = /^[.*_|·•\-/\\~+]$/u;

/**
 * Finds words broken up to evade matching: letters spaced out (`д ж и х а д`, three or more
 * one-letter words in a row) or a word cut by punctuation without spaces (`джи*хад`, `дж.ихад`).
 * Works on the token sequence of {@link tokenize} and the text it came from; returns candidates
 * to match in addition to the ordinary tokens (they never replace them).
 */
export function joinSplitWords(tokens: readonly Token[], text: string): JoinedWord[] {
  const out: JoinedWord[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (first.kind !== 'word') {
      i++;
      continue;
    }
    const parts: Token[] = [first];
    let j = i + 1;
    let spaced = first.text.length === 1;
    let glued = false;
    while (j < tokens.length) {
      const prev = parts[parts.length - 1]!;
      const next = tokens[j]!;
      if (next.kind === 'word') {
        const gap = text.slice(prev.range[1], next.range[0]);
        // Single spaces between one-letter words: spaced-out writing.
        if (spaced && prev.text.length === 1 && next.text.length === 1 && /^[ \u00a0]$/u.test(gap)) {
          parts.push(next);
          j++;
          continue;
        }
        break;
      }
      const after = tokens[j + 1];
      if (next.kind === 'punct' && INNER_SEPARATOR.test(next.text) && next.range[0] === prev.range[1] && after?.kind === 'word' && after.range[0] === next.range[1]) {
        parts.push(after);
        glued = true;
        spaced = false;
        j += 2;
        continue;
      }
      break;
    }
    const spacedOut = spaced && parts.length >= 3 && parts.every((p) => p.text.length === 1);
    if ((glued && parts.length >= 2) || spacedOut) {
      const start = first.range[0];
      const steps: NormalisationStep[] = [];
      for (let k = 1; k < parts.length; k++) {
        const gapStart = parts[k - 1]!.range[1];
        const gap = text.slice(gapStart, parts[k]!.range[0]);
        steps.push({ offset: gapStart - start, from: gap, to: '', rule: 'removed-inner-separator' });
      }
      out.push({ text: parts.map((p) => p.text).join(''), range: [start, parts[parts.length - 1]!.range[1]], parts, steps });
      i = j;
    } else i++;
  }
  return out;
}
