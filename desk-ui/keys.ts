/**
 * The desk's keys. A key is known by the physical key (`code`, the same on every layout) and,
 * for browsers that report no code, by the character on the Latin or the Russian/Kyrgyz
 * (ЙЦУКЕН) layout: `a` and `ф` accept, `r` and `к` reject, and so on.
 */

/** What a key does. */
export type KeyAction = 'next' | 'previous' | 'accept' | 'reject' | 'voice' | 'undo' | 'concordance';

const BY_CODE: Readonly<Record<string, KeyAction>> = {
  KeyJ: 'next',
  KeyK: 'previous',
  KeyA: 'accept',
  KeyR: 'reject',
  KeyV: 'voice',
  KeyU: 'undo',
  Slash: 'concordance',
};

/** The characters of the same physical keys on the Latin and the ЙЦУКЕН layouts. */
const BY_CHARACTER: Readonly<Record<string, KeyAction>> = {
  j: 'next',
  о: 'next',
  k: 'previous',
  л: 'previous',
  a: 'accept',
  ф: 'accept',
  r: 'reject',
  к: 'reject',
  v: 'voice',
  м: 'voice',
  u: 'undo',
  г: 'undo',
  '/': 'concordance',
  '.': 'concordance',
};

/** The action of a key press without modifiers, or null. */
export function keyAction(press: { key: string; code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): KeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return BY_CODE[press.code] ?? BY_CHARACTER[press.key.toLowerCase()] ?? null;
}
