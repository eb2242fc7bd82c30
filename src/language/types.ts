/** Every language code, in a fixed order (used for iteration, reports and the data files' schemas). */
export const LANGUAGE_CODES = ['ky', 'ru', 'uz-Cyrl', 'uz-Latn', 'kk', 'tg', 'ar', 'en'] as const;

/** Languages soz distinguishes. `uz-Cyrl` / `uz-Latn` are Uzbek in Cyrillic / Latin script. */
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** Dominant script of a text; `mixed` when no script has a clear majority of the letters. */
export type Script = 'Cyrillic' | 'Latin' | 'Arabic' | 'mixed' | 'none';

/** Result of language identification for one text. */
export interface LanguageGuess {
  /** Best language, or `und` (undetermined) with `reason` saying why. */
  language: LanguageCode | 'und';
  /** Why the language is `und`: e.g. `too-short`, `no-letters`, `unclear`. */
  reason?: string;
  script: Script;
  /**
   * Share (0..1) of the text's letters attributed to each language, for mixed texts; the values
   * sum to at most 1 (the rest is undetermined).
   */
  shares: Partial<Record<LanguageCode, number>>;
}

/** One change made to a token for matching (never for display). */
export interface NormalisationStep {
  /** 0-based UTF-16 offset in the token as it was before any step. */
  offset: number;
  /** The text replaced (as found). */
  from: string;
  /** What it was read as. */
  to: string;
  /** Rule id, e.g. `homoglyph-latin-to-cyrillic`. */
  rule: string;
}
