import type { OoxmlParseOptions } from './ooxml-names.js';
import { isOn, parseOoxml, wordAttribute } from './ooxml-names.js';

/**
 * Hidden text set through styles (`word/styles.xml`): a paragraph or character style whose run
 * properties carry `w:vanish`, directly or through the styles it is based on (`w:basedOn`), or
 * the document defaults (`w:docDefaults`). Word shows none of that text; soz labels it hidden.
 */
export interface WordStyles {
  /**
   * Whether a paragraph style hides its runs: `true`/`false` where the style or one it is based
   * on says so, `undefined` where none does. No id means the default paragraph style.
   */
  paragraphHidden(styleId: string | undefined): boolean | undefined;
  /** The same for a character style (`w:rStyle`). */
  characterHidden(styleId: string): boolean | undefined;
  /** `w:vanish` in the document defaults: every run hidden unless something says otherwise. */
  readonly defaultHidden: boolean;
}

/** Styles of a package without `word/styles.xml`: nothing hidden. */
export const NO_STYLES: WordStyles = {
  paragraphHidden: () => undefined,
  characterHidden: () => undefined,
  defaultHidden: false,
};

interface StyleEntry {
  basedOn?: string;
  vanish?: boolean;
}

/** Reads the hiding-relevant part of `word/styles.xml`. */
export function readWordStyles(xml: string, options: OoxmlParseOptions): WordStyles {
  const byType = { paragraph: new Map<string, StyleEntry>(), character: new Map<string, StyleEntry>() };
  let defaultParagraph: string | undefined;
  let defaultHidden = false;
  let current: StyleEntry | undefined;
  parseOoxml(
    xml,
    {
      onopentag(name, attribs, ancestors) {
        const parent = ancestors[ancestors.length - 1];
        const grandparent = ancestors[ancestors.length - 2];
        if (name === 'w:style') {
          const type = wordAttribute(attribs, 'type') ?? 'paragraph';
          const id = wordAttribute(attribs, 'styleId');
          current = {};
          if (id === undefined || (type !== 'paragraph' && type !== 'character')) return;
          // The first definition of an id wins, as in Word.
          if (!byType[type].has(id)) byType[type].set(id, current);
          if (type === 'paragraph' && defaultParagraph === undefined && isOn({ val: wordAttribute(attribs, 'default') ?? '0' })) defaultParagraph = id;
        } else if (name === 'w:basedOn' && parent === 'w:style' && current) {
          const base = wordAttribute(attribs, 'val');
          if (base !== undefined) current.basedOn = base;
        } else if (name === 'w:vanish' && parent === 'w:rPr') {
          if (grandparent === 'w:style' && current) current.vanish = isOn(attribs);
          else if (grandparent === 'w:rPrDefault') defaultHidden = isOn(attribs);
        }
      },
      onclosetag(name) {
        if (name === 'w:style') current = undefined;
      },
    },
    options,
  );
  const resolve = (styles: ReadonlyMap<string, StyleEntry>, id: string | undefined): boolean | undefined => {
    // basedOn chains may loop in a hostile file: each style is visited once.
    const seen = new Set<string>();
    for (let at = id; at !== undefined && !seen.has(at); at = styles.get(at)?.basedOn) {
      seen.add(at);
      const vanish = styles.get(at)?.vanish;
      if (vanish !== undefined) return vanish;
    }
    return undefined;
  };
  return {
    paragraphHidden: (styleId) => resolve(byType.paragraph, styleId ?? defaultParagraph),
    characterHidden: (styleId) => resolve(byType.character, styleId),
    defaultHidden,
  };
}
