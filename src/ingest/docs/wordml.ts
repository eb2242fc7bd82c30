import { Parser } from 'htmlparser2';

/**
 * Reads the text of one WordprocessingML part (document, header, footer, footnotes, endnotes,
 * comments) without losing what Word keeps apart: text deleted or inserted under track changes,
 * hidden (`w:vanish`) text, and the note or comment each paragraph belongs to.
 */

/** What a piece of paragraph text is, as Word would show it. */
export type PieceKind = 'text' | 'deleted' | 'inserted' | 'hidden';

/** Consecutive text of one kind (and one revision author) inside a paragraph. */
export interface WordPiece {
  readonly kind: PieceKind;
  /** Author of the revision (`w:del`/`w:ins` `w:author`), when the piece is one. */
  readonly author?: string;
  text: string;
}

/** A note (`w:footnote`/`w:endnote`) or comment (`w:comment`) holding paragraphs. */
export interface WordContainer {
  readonly kind: 'footnote' | 'endnote' | 'comment';
  readonly id: string;
  readonly author?: string;
  /** `w:type` of a note: separators are layout, not text. */
  readonly type?: string;
}

export interface WordParagraph {
  /** Index among all paragraphs of the part, in document order, from 0. */
  readonly index: number;
  /** Index within its container (note or comment), from 0; equals `index` without one. */
  readonly indexInContainer: number;
  readonly container?: WordContainer;
  readonly pieces: WordPiece[];
}

export interface WordPartOptions {
  /** Deepest element nesting accepted; deeper input makes `onTooDeep` throw. */
  readonly maxDepth: number;
  readonly onTooDeep: () => Error;
}

const REVISION_KINDS: Readonly<Record<string, 'deleted' | 'inserted'>> = {
  'w:del': 'deleted',
  'w:moveFrom': 'deleted',
  'w:ins': 'inserted',
  'w:moveTo': 'inserted',
};

const CONTAINERS: Readonly<Record<string, WordContainer['kind']>> = {
  'w:footnote': 'footnote',
  'w:endnote': 'endnote',
  'w:comment': 'comment',
};

/** Off values of an OOXML on/off property (`<w:vanish w:val="0"/>` turns hiding off). */
const OFF_VALUES = new Set(['0', 'false', 'off']);

/**
 * Parses one part's XML into its paragraphs in document order (an inner text-box paragraph
 * comes after the paragraph holding it). `mc:Fallback` content is skipped because it repeats
 * the `mc:Choice` content; field instructions (`w:instrText`) are not text.
 */
export function readWordPart(xml: string, options: WordPartOptions): WordParagraph[] {
  const paragraphs: WordParagraph[] = [];
  const stack: string[] = [];
  const revisions: { kind: 'deleted' | 'inserted'; author?: string }[] = [];
  const open: WordParagraph[] = [];
  let container: WordContainer | undefined;
  let containerParagraphs = 0;
  let runHidden = false;
  let skipDepth = 0;

  const append = (text: string) => {
    const paragraph = open[open.length - 1];
    if (!paragraph || text === '') return;
    const deleted = [...revisions].reverse().find((r) => r.kind === 'deleted');
    const inserted = [...revisions].reverse().find((r) => r.kind === 'inserted');
    const kind: PieceKind = deleted ? 'deleted' : runHidden ? 'hidden' : inserted ? 'inserted' : 'text';
    const author = kind === 'deleted' ? deleted?.author : kind === 'inserted' ? inserted?.author : undefined;
    const last = paragraph.pieces[paragraph.pieces.length - 1];
    if (last && last.kind === kind && last.author === author) last.text += text;
    else paragraph.pieces.push({ kind, ...(author !== undefined ? { author } : {}), text });
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1];
        const grandparent = stack[stack.length - 2];
        stack.push(name);
        if (stack.length > options.maxDepth) throw options.onTooDeep();
        if (skipDepth > 0 || name === 'mc:Fallback') {
          skipDepth++;
          return;
        }
        const revision = REVISION_KINDS[name];
        if (revision) {
          const author = attribs['w:author'];
          revisions.push({ kind: revision, ...(author !== undefined ? { author } : {}) });
          return;
        }
        const containerKind = CONTAINERS[name];
        if (containerKind) {
          const author = attribs['w:author'];
          const type = attribs['w:type'];
          container = {
            kind: containerKind,
            id: attribs['w:id'] ?? '',
            ...(author !== undefined ? { author } : {}),
            ...(type !== undefined ? { type } : {}),
          };
          containerParagraphs = 0;
          return;
        }
        switch (name) {
          case 'w:p': {
            const paragraph: WordParagraph = {
              index: paragraphs.length,
              indexInContainer: container ? containerParagraphs++ : paragraphs.length,
              ...(container ? { container } : {}),
              pieces: [],
            };
            paragraphs.push(paragraph);
            open.push(paragraph);
            return;
          }
          case 'w:r':
            runHidden = false;
            return;
          case 'w:vanish':
            if (parent === 'w:rPr' && grandparent === 'w:r') runHidden = !OFF_VALUES.has((attribs['w:val'] ?? 'true').toLowerCase());
            return;
          case 'w:tab':
            if (parent === 'w:r') append('\t');
            return;
          case 'w:br':
          case 'w:cr':
            if (parent === 'w:r') append('\n');
            return;
          case 'w:noBreakHyphen':
            if (parent === 'w:r') append('\u2011');
            return;
          case 'w:softHyphen':
            if (parent === 'w:r') append('\u00AD');
            return;
          case 'w:sym': {
            const code = Number.parseInt(attribs['w:char'] ?? '', 16);
            if (parent === 'w:r' && Number.isInteger(code) && code > 0 && code <= 0xffff) append(String.fromCharCode(code));
            return;
          }
          default:
            return;
        }
      },
      onclosetag(name) {
        stack.pop();
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (REVISION_KINDS[name]) revisions.pop();
        else if (CONTAINERS[name]) container = undefined;
        else if (name === 'w:p') open.pop();
        else if (name === 'w:r') runHidden = false;
      },
      ontext(text) {
        if (skipDepth > 0) return;
        const element = stack[stack.length - 1];
        if (element === 't' || element === 'w:t' || element === 'w:delText') append(text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return paragraphs;
}

/** Decodes an XML part: UTF-8 unless it starts with a UTF-16 byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** A relationship from a `.rels` part: type URI's last path segment and resolved target path. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/**
 * Reads a `.rels` part; targets are resolved against `baseDirectory` (e.g. `word/`) into package
 * paths without a leading slash. External targets (hyperlinks) are left out.
 */
export function readRelationships(xml: string, baseDirectory: string): Relationship[] {
  const relationships: Relationship[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name !== 'Relationship' || attribs['TargetMode'] === 'External') return;
        const target = attribs['Target'];
        if (!target) return;
        relationships.push({
          id: attribs['Id'] ?? '',
          type: (attribs['Type'] ?? '').split('/').pop() ?? '',
          target: resolvePath(baseDirectory, target),
        });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return relationships;
}

/** Simple text elements of a metadata part (`docProps/core.xml`), by qualified name. */
export function readSimpleElements(xml: string, names: readonly string[], maxDepth: number, onTooDeep: () => Error): Map<string, string> {
  const wanted = new Set(names);
  const found = new Map<string, string>();
  const stack: string[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        stack.push(name);
        if (stack.length > maxDepth) throw onTooDeep();
      },
      onclosetag() {
        stack.pop();
      },
      ontext(text) {
        const element = stack[stack.length - 1];
        if (element !== undefined && wanted.has(element)) found.set(element, (found.get(element) ?? '') + text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return found;
}

function resolvePath(baseDirectory: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDirectory + target).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}
