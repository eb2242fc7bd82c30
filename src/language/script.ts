import type { Script } from './types.js';

/** Letter counts per script in a text. Letters outside these three scripts are counted as `other`. */
export interface ScriptCounts {
  cyrillic: number;
  latin: number;
  arabic: number;
  other: number;
}

/** Classifies one UTF-16 code unit (BMP letter) by script; astral code points count as other. */
export function scriptOfCode(code: number): 'cyrillic' | 'latin' | 'arabic' | 'other' | null {
  if (code < 0x41) return null;
  if (code <= 0x7a) return (code <= 0x5a || code >= 0x61) ? 'latin' : null;
  if (code < 0xc0) return null;
  if (code <= 0x24f) return code === 0xd7 || code === 0xf7 ? null : 'latin';
  // Uzbek ʻ (U+02BB) and ʼ (U+02BC) are modifier letters, part of Latin words.
  if (code === 0x2bb || code === 0x2bc) return 'latin';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if (code >= 0x1e00 && code <= 0x1eff) return 'latin';
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0x8a0 && code <= 0x8ff) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) {
    // Arabic punctuation and digits are not letters.
    if (code === 0x60c || code === 0x61b || code === 0x61f || code === 0x640 || (code >= 0x660 && code <= 0x669) || (code >= 0x6f0 && code <= 0x6f9) || (code >= 0x64b && code <= 0x65f) || code === 0x670) return null;
    return 'arabic';
  }
  return null;
}

const OTHER_LETTER = /\p{L}/u;

/** Counts letters of each script in `text`. */
export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { cyrillic: 0, latin: 0, arabic: 0, other: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const s = scriptOfCode(code);
    if (s !== null) counts[s]++;
    else if (code >= 0x80 && OTHER_LETTER.test(text[i] ?? '')) counts.other++;
  }
  return counts;
}

/**
 * The dominant script of `text`: the script of at least 80% of its Cyrillic, Latin and Arabic
 * letters; `mixed` when none reaches that; `none` when there are no such letters.
 */
export function detectScript(text: string): Script {
  return scriptFromCounts(countScripts(text));
}

/** {@link detectScript} from precomputed counts. */
export function scriptFromCounts(c: ScriptCounts): Script {
  const total = c.cyrillic + c.latin + c.arabic;
  if (total === 0) return 'none';
  if (c.cyrillic >= 0.8 * total) return 'Cyrillic';
  if (c.latin >= 0.8 * total) return 'Latin';
  if (c.arabic >= 0.8 * total) return 'Arabic';
  return 'mixed';
}
