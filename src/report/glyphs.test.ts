import { describe, expect, it } from 'vitest';
import { withEmojiNames } from './glyphs.js';

describe('withEmojiNames', () => {
  it('names a pictograph the PDF font lacks, with its presentation selector', () => {
    expect(withEmojiNames('ну конечно 🙄 Я')).toBe('ну конечно [FACE WITH ROLLING EYES] Я');
    expect(withEmojiNames('👍\uFE0F')).toBe('[THUMBS UP SIGN]');
  });

  it('drops the joiner inside an emoji sequence but keeps text, symbols DejaVu draws, and joiners elsewhere', () => {
    expect(withEmojiNames('👨\u200D👩')).toBe('[MAN][WOMAN]');
    expect(withEmojiNames('Кыргызча ң ө ү ☺ ♥')).toBe('Кыргызча ң ө ү ☺ ♥');
    expect(withEmojiNames('ل\u200Dا')).toBe('ل\u200Dا');
  });
});
