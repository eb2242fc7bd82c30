/**
 * Pictographs the PDF's font cannot draw, written as their Unicode names in brackets
 * («[FACE WITH ROLLING EYES]»), so an emoji that carries meaning in a chat (🙄 marking sarcasm)
 * is neither an empty box nor lost from the extracted text. Only characters listed in
 * `emoji-names.data.ts` (those DejaVu Sans lacks) are replaced; the emoji presentation selectors
 * and joiners around them, which draw nothing, go with them. Pure.
 */
import { EMOJI_NAME_LINES } from './emoji-names.data.js';

const VARIATION_SELECTORS = new Set([0xfe0e, 0xfe0f]);
const ZERO_WIDTH_JOINER = 0x200d;

let names: ReadonlyMap<number, string> | null = null;

/** The name table, parsed on first use. */
function emojiNames(): ReadonlyMap<number, string> {
  names ??= new Map(
    EMOJI_NAME_LINES.split('\n').map((line) => {
      const space = line.indexOf(' ');
      return [Number.parseInt(line.slice(0, space), 16), line.slice(space + 1)] as const;
    }),
  );
  return names;
}

/** `text` with every pictograph the font lacks replaced by `[ITS UNICODE NAME]`. */
export function withEmojiNames(text: string): string {
  const table = emojiNames();
  const points = Array.from(text, (character) => character.codePointAt(0)!);
  let out = '';
  for (let index = 0; index < points.length; index += 1) {
    const point = points[index]!;
    const name = table.get(point);
    if (name === undefined) {
      out += String.fromCodePoint(point);
      continue;
    }
    out += `[${name}]`;
    while (VARIATION_SELECTORS.has(points[index + 1] ?? -1)) index += 1;
    // A joiner between two named pictographs (👨‍👩‍👧) draws nothing; elsewhere (Arabic) it is kept.
    if (points[index + 1] === ZERO_WIDTH_JOINER && table.has(points[index + 2] ?? -1)) index += 1;
  }
  return out;
}
