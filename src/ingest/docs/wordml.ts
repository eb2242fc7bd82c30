import type { UnreadTally } from '../unread.js';
import type { OoxmlParseOptions } from './ooxml-names.js';
import { isOn, parseOoxml, wordAttribute } from './ooxml-names.js';
import type { WordStyles } from './word-styles.js';
import { NO_STYLES } from './word-styles.js';
import type { SymbolTally } from './word-symbols.js';
import { wordSymbol } from './word-symbols.js';

/**
 * Reads the text of one WordprocessingML part (document, header, footer, footnotes, endnotes,
 * comments) without losing what Word keeps apart: text deleted or inserted under track changes,
 * hidden text (`w:vanish` on the run or through its paragraph or character style), the note or
 * comment each paragraph belongs to, and the text a reader does not see as running text —
 * hyperlink targets, URLs in field instructions, image descriptions and titles, equations.
 * Names are resolved by namespace URI (`parseOoxml`), so any prefix a writer chose works.
 */

/**
 * What a piece of paragraph text is. `link`: a hyperlink target or a URL from a field
 * instruction, placed after the linked text; `tooltip`: a hyperlink tooltip or image title;
 * `alt-text`: an image description; `equation`: the text of an `m:oMath` equation.
 */
export type PieceKind = 'text' | 'deleted' | 'inserted' | 'hidden' | 'link' | 'tooltip' | 'alt-text' | 'equation';

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
  readonly kind: 'paragraph';
  /** Index among all paragraphs of the part, in document order, from 0. */
  readonly index: number;
  /** Index within its container (note or comment), from 0; equals `index` without one. */
  readonly indexInContainer: number;
  readonly container?: WordContainer;
  readonly pieces: WordPiece[];
}

/** A `w:altChunk`: another document (HTML, text …) imported whole at this place. */
export interface WordAltChunk {
  readonly kind: 'altChunk';
  /** Relationship id of the imported part (`r:id`). */
  readonly relationshipId: string;
  /** Paragraphs of the part before it (the index the next paragraph gets). */
  readonly paragraphsBefore: number;
}

export type WordBlock = WordParagraph | WordAltChunk;

export interface WordPartOptions extends OoxmlParseOptions {
  /** Package path of the part, for places in notices (e.g. `word/document.xml`). */
  readonly partPath: string;
  /** Relationships of the part, by id: hyperlink targets come from here. */
  readonly relationships?: ReadonlyMap<string, Relationship>;
  readonly styles?: WordStyles;
  /** Receives what the part holds but soz does not read (embedded objects, images without alt …). */
  readonly unread?: UnreadTally;
  /** Counts the symbols (`w:sym`) read, by font. */
  readonly symbols?: SymbolTally;
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

/** Elements whose content soz cannot read; each one is counted as unread. */
const UNREAD_ELEMENTS: Readonly<Record<string, string>> = {
  'w:object': 'embedded object(s) (OLE; content not read)',
  'w:control': 'ActiveX control(s)',
  'w:subDoc': 'sub-document reference(s)',
};

/** Field instructions whose result (read as ordinary text) is all they show: nothing else to read. */
const LAYOUT_FIELDS = new Set([
  'PAGE', 'NUMPAGES', 'SECTIONPAGES', 'SECTION', 'PAGEREF', 'TOC', 'TC', 'REF', 'NOTEREF', 'STYLEREF', 'SEQ', 'DATE',
  'TIME', 'CREATEDATE', 'SAVEDATE', 'PRINTDATE', 'EDITTIME', 'FILENAME', 'NUMWORDS', 'NUMCHARS', 'LISTNUM', 'AUTONUM',
  'AUTONUMLGL', 'AUTONUMOUT', 'FORMTEXT', 'FORMCHECKBOX', 'FORMDROPDOWN', 'SYMBOL', 'EQ', 'BIBLIOGRAPHY', 'CITATION',
  'INDEX', 'XE', 'TA', 'TOA', 'IF', '=', 'GOTOBUTTON', 'ADVANCE',
]);

/** Fields whose first argument is a URL or path to another document. */
const LINK_FIELDS = new Set(['HYPERLINK', 'INCLUDETEXT', 'INCLUDEPICTURE']);

/** Elements whose content is a layout value (drawing position, size, binary field data), not text. */
function isLayoutValue(element: string | undefined): boolean {
  return element === undefined || element.startsWith('wp:') || element.startsWith('{http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing}') || element === 'w:fldData';
}

interface OpenRun {
  vanish?: boolean;
  styleHidden?: boolean;
}

/** The text of one `mc:AlternateContent`: what was read (its choice) and what its fallback held. */
interface OpenAlternate {
  readonly place: string;
  choice: string;
  fallback: string;
}

/** Text Word keeps in attributes of form fields and content controls, not shown as running text. */
const ATTRIBUTE_TEXTS: Readonly<Record<string, { readonly attribute: string; readonly kind: string }>> = {
  'w:listItem': { attribute: 'displayText', kind: 'list item(s) of drop-down content controls and form fields (only the chosen one is text)' },
  'w:listEntry': { attribute: 'val', kind: 'list item(s) of drop-down content controls and form fields (only the chosen one is text)' },
  'w:helpText': { attribute: 'val', kind: 'help and status text(s) of form fields' },
  'w:statusText': { attribute: 'val', kind: 'help and status text(s) of form fields' },
};

interface OpenField {
  instruction: string;
  done: boolean;
}

/**
 * Parses one part's XML into its paragraphs (and altChunks) in document order: an inner
 * text-box paragraph comes after the paragraph holding it; a hyperlink's target and tooltip
 * follow its text; a field's URL follows its instruction. `mc:Fallback` content is skipped
 * because it repeats the `mc:Choice` content.
 */
export function readWordPart(xml: string, options: WordPartOptions): WordBlock[] {
  const styles = options.styles ?? NO_STYLES;
  const blocks: WordBlock[] = [];
  const revisions: { kind: 'deleted' | 'inserted'; author?: string }[] = [];
  const open: { paragraph: WordParagraph; styleHidden: boolean | undefined }[] = [];
  const runs: OpenRun[] = [];
  const hyperlinks: { target?: string; tooltip?: string }[] = [];
  const fields: OpenField[] = [];
  const alternates: OpenAlternate[] = [];
  let paragraphCount = 0;
  let container: WordContainer | undefined;
  let containerParagraphs = 0;
  let mathDepth = 0;
  let skipDepth = 0;

  const place = () => {
    const paragraph = open[open.length - 1]?.paragraph;
    return paragraph ? `${options.partPath} paragraph ${paragraph.index}` : options.partPath;
  };
  const hidden = (): boolean => {
    const run = runs[runs.length - 1];
    return run?.vanish ?? run?.styleHidden ?? open[open.length - 1]?.styleHidden ?? styles.defaultHidden;
  };
  const runningKind = (): PieceKind => {
    if (revisions.some((r) => r.kind === 'deleted')) return 'deleted';
    if (hidden()) return 'hidden';
    if (mathDepth > 0) return 'equation';
    return revisions.some((r) => r.kind === 'inserted') ? 'inserted' : 'text';
  };
  /** Running text merges with the piece before it; a link, tooltip or alt text is always its own piece. */
  const append = (text: string, labelled?: 'link' | 'tooltip' | 'alt-text') => {
    const paragraph = open[open.length - 1]?.paragraph;
    if (!paragraph || text === '') return;
    if (labelled) {
      paragraph.pieces.push({ kind: labelled, text });
      return;
    }
    const kind = runningKind();
    const revisionKind = kind === 'deleted' || kind === 'inserted' ? kind : undefined;
    const author = revisionKind ? [...revisions].reverse().find((r) => r.kind === revisionKind)?.author : undefined;
    const last = paragraph.pieces[paragraph.pieces.length - 1];
    if (last && last.kind === kind && last.author === author) last.text += text;
    else paragraph.pieces.push({ kind, ...(author !== undefined ? { author } : {}), text });
  };
  const finishField = (field: OpenField | undefined) => {
    if (!field || field.done) return;
    field.done = true;
    const instruction = field.instruction.trim();
    const keyword = (/^\S+/.exec(instruction)?.[0] ?? '').toUpperCase();
    if (keyword === '' || LAYOUT_FIELDS.has(keyword)) return;
    const link = LINK_FIELDS.has(keyword) ? fieldLink(instruction) : {};
    if (link.target !== undefined) append(link.target, 'link');
    if (link.tooltip !== undefined) append(link.tooltip, 'tooltip');
    if (link.target === undefined) options.unread?.note('field instruction(s) not shown as text', `${place()} (${keyword.slice(0, 40)})`);
  };

  /** A fallback is skipped because it repeats its choice; one that says something else is counted. */
  const closeAlternate = (alternate: OpenAlternate | undefined) => {
    if (!alternate) return;
    const fallback = alternate.fallback.replace(/\s+/g, '');
    if (fallback !== '' && fallback !== alternate.choice.replace(/\s+/g, '')) {
      options.unread?.note('alternate content (mc:Fallback) whose text differs from the content read', alternate.place);
    }
  };

  parseOoxml(
    xml,
    {
      onopentag(name, attribs, ancestors) {
        const parent = ancestors[ancestors.length - 1];
        const grandparent = ancestors[ancestors.length - 2];
        if (skipDepth > 0 || name === 'mc:Fallback') {
          skipDepth++;
          return;
        }
        if (name === 'mc:AlternateContent') {
          alternates.push({ place: place(), choice: '', fallback: '' });
          return;
        }
        const attributeText = ATTRIBUTE_TEXTS[name];
        if (attributeText) {
          const text = (wordAttribute(attribs, attributeText.attribute) ?? wordAttribute(attribs, 'value') ?? '').trim();
          if (text !== '') options.unread?.note(attributeText.kind, `${place()} (${text.slice(0, 60)})`);
          return;
        }
        const revision = REVISION_KINDS[name];
        if (revision) {
          const author = wordAttribute(attribs, 'author');
          revisions.push({ kind: revision, ...(author !== undefined ? { author } : {}) });
          return;
        }
        const containerKind = CONTAINERS[name];
        if (containerKind) {
          const author = wordAttribute(attribs, 'author');
          const type = wordAttribute(attribs, 'type');
          container = {
            kind: containerKind,
            id: wordAttribute(attribs, 'id') ?? '',
            ...(author !== undefined ? { author } : {}),
            ...(type !== undefined ? { type } : {}),
          };
          containerParagraphs = 0;
          return;
        }
        const unreadKind = UNREAD_ELEMENTS[name];
        if (unreadKind) {
          options.unread?.note(unreadKind, place());
          return;
        }
        const inRun = parent === 'w:r';
        const inRunProperties = parent === 'w:rPr' && grandparent === 'w:r';
        switch (name) {
          case 'w:p': {
            const paragraph: WordParagraph = {
              kind: 'paragraph',
              index: paragraphCount++,
              indexInContainer: container ? containerParagraphs++ : paragraphCount - 1,
              ...(container ? { container } : {}),
              pieces: [],
            };
            blocks.push(paragraph);
            open.push({ paragraph, styleHidden: styles.paragraphHidden(undefined) });
            return;
          }
          case 'w:pStyle': {
            const current = open[open.length - 1];
            if (current && parent === 'w:pPr' && grandparent === 'w:p') current.styleHidden = styles.paragraphHidden(wordAttribute(attribs, 'val'));
            return;
          }
          case 'w:r':
            runs.push({});
            return;
          case 'w:rStyle': {
            const run = runs[runs.length - 1];
            const val = wordAttribute(attribs, 'val');
            if (run && inRunProperties && val !== undefined) run.styleHidden = styles.characterHidden(val);
            return;
          }
          case 'w:vanish': {
            const run = runs[runs.length - 1];
            if (run && inRunProperties) run.vanish = isOn(attribs);
            return;
          }
          case 'w:hyperlink':
            hyperlinks.push(hyperlinkOf(attribs, options.relationships));
            return;
          case 'w:fldChar': {
            const type = wordAttribute(attribs, 'fldCharType');
            if (type === 'begin') fields.push({ instruction: '', done: false });
            else if (type === 'separate') finishField(fields[fields.length - 1]);
            else if (type === 'end') finishField(fields.pop());
            return;
          }
          case 'w:fldSimple':
            finishField({ instruction: wordAttribute(attribs, 'instr') ?? '', done: false });
            return;
          case 'm:oMath':
            mathDepth++;
            return;
          case 'wp:docPr': {
            const description = attribs['descr']?.trim();
            const title = attribs['title']?.trim();
            if (description) append(description, 'alt-text');
            if (title) append(title, 'tooltip');
            if (!description && !title) options.unread?.note('image(s) or drawing(s) without alt text (any text inside needs OCR)', place());
            return;
          }
          case 'v:shape': {
            const alt = attribs['alt']?.trim();
            if (alt) append(alt, 'alt-text');
            return;
          }
          case 'v:imagedata': {
            const title = attribs['o:title']?.trim();
            if (title) append(title, 'tooltip');
            return;
          }
          case 'w:altChunk':
            blocks.push({ kind: 'altChunk', relationshipId: attribs['r:id'] ?? '', paragraphsBefore: paragraphCount });
            return;
          case 'w:tab':
            if (inRun) append('\t');
            return;
          case 'w:br':
          case 'w:cr':
            if (inRun) append('\n');
            return;
          case 'w:noBreakHyphen':
            if (inRun) append('\u2011');
            return;
          case 'w:softHyphen':
            if (inRun) append('\u00AD');
            return;
          case 'w:sym': {
            const font = wordAttribute(attribs, 'font');
            const char = wordAttribute(attribs, 'char');
            const symbol = wordSymbol(font, char);
            if (symbol === undefined) {
              options.unread?.note('symbol(s) (w:sym) without a readable character code', `${place()} (${[font, char].filter((v) => v !== undefined).join(' ').slice(0, 80)})`);
              return;
            }
            options.symbols?.add(font, symbol, place());
            append(symbol.text);
            return;
          }
          default:
            return;
        }
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'mc:AlternateContent') closeAlternate(alternates.pop());
        else if (REVISION_KINDS[name]) revisions.pop();
        else if (CONTAINERS[name]) container = undefined;
        else if (name === 'w:p') open.pop();
        else if (name === 'w:r') runs.pop();
        else if (name === 'm:oMath') mathDepth = Math.max(0, mathDepth - 1);
        else if (name === 'w:hyperlink') {
          const link = hyperlinks.pop();
          if (link?.target !== undefined) append(link.target, 'link');
          if (link?.tooltip !== undefined) append(link.tooltip, 'tooltip');
        }
      },
      ontext(text, element) {
        const running = element === 'w:t' || element === 'w:delText' || element === 'm:t';
        if (skipDepth > 0) {
          const alternate = alternates[alternates.length - 1];
          if (running && alternate) alternate.fallback += text;
          return;
        }
        if (running) {
          append(text);
          for (const alternate of alternates) alternate.choice += text;
        } else if (element === 'w:instrText' || element === 'w:delInstrText') {
          const field = fields[fields.length - 1];
          if (field && !field.done) field.instruction += text;
        } else if (text.trim() !== '' && !isLayoutValue(element)) {
          // The safety net: text anywhere else (DrawingML a:t, an unknown namespace, a part
          // written without namespaces) is counted, never dropped in silence.
          options.unread?.note('text in element(s) soz does not read', `${place()} (<${(element ?? '').slice(0, 60)}>)`);
        }
      },
    },
    options,
  );
  return blocks;
}

function hyperlinkOf(attribs: Readonly<Record<string, string>>, relationships: ReadonlyMap<string, Relationship> | undefined): { target?: string; tooltip?: string } {
  const id = attribs['r:id'];
  const anchor = wordAttribute(attribs, 'anchor');
  const tooltip = wordAttribute(attribs, 'tooltip')?.trim();
  const related = id !== undefined ? relationships?.get(id)?.target : undefined;
  const target = related !== undefined ? `${related}${anchor !== undefined ? `#${anchor}` : ''}` : anchor !== undefined ? `#${anchor}` : id !== undefined ? `(relationship ${id} not found)` : undefined;
  return { ...(target !== undefined ? { target } : {}), ...(tooltip ? { tooltip } : {}) };
}

/** What a link field instruction points at, and the tooltip it sets (`\\o "…"`). */
export interface FieldLink {
  readonly target?: string;
  readonly tooltip?: string;
}

/**
 * The target of a HYPERLINK / INCLUDETEXT / INCLUDEPICTURE field instruction: its first argument
 * (quoted or bare, Word's `\\` escapes undone), with a `\\l "bookmark"` switch as `#bookmark`.
 */
export function fieldLink(instruction: string): FieldLink {
  const args = [...instruction.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].slice(1);
  let target: string | undefined;
  let bookmark: string | undefined;
  let tooltip: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [, quoted, bare] = args[i] ?? [];
    if (bare !== undefined && bare.startsWith('\\')) {
      const switchName = bare.slice(1).toLowerCase();
      // \l, \o and \t take an argument; \m and \n do not.
      if (switchName === 'l' || switchName === 'o' || switchName === 't') {
        const next = args[++i];
        const value = unescapeField(next?.[1] ?? next?.[2] ?? '');
        if (switchName === 'l') bookmark = value;
        if (switchName === 'o') tooltip = value;
      }
      continue;
    }
    target ??= unescapeField(quoted ?? bare ?? '');
  }
  const full = bookmark !== undefined ? `${target ?? ''}#${bookmark}` : target;
  return { ...(full ? { target: full } : {}), ...(tooltip?.trim() ? { tooltip: tooltip.trim() } : {}) };
}

function unescapeField(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Decodes an XML part: UTF-8 unless it starts with a UTF-16 byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** A relationship from a `.rels` part: type URI's last path segment and target. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Package path without a leading slash, or the URL as written for an external target. */
  readonly target: string;
  /** `TargetMode="External"`: a URL or file outside the package (never fetched). */
  readonly external: boolean;
}

/**
 * Reads a `.rels` part; internal targets are resolved against `baseDirectory` (e.g. `word/`)
 * into package paths without a leading slash, external ones (hyperlinks) kept as written.
 */
export function readRelationships(xml: string, baseDirectory: string, options: OoxmlParseOptions): Relationship[] {
  const relationships: Relationship[] = [];
  parseOoxml(
    xml,
    {
      onopentag(name, attribs) {
        if (name !== 'rel:Relationship') return;
        const target = attribs['Target'];
        if (!target) return;
        const external = attribs['TargetMode'] === 'External';
        relationships.push({
          id: attribs['Id'] ?? '',
          type: (attribs['Type'] ?? '').split('/').pop() ?? '',
          target: external ? target : resolvePath(baseDirectory, target),
          external,
        });
      },
    },
    options,
  );
  return relationships;
}

/** Text of the simple elements of a metadata part (`docProps/core.xml`), by canonical name (`dc:title`). */
export function readSimpleElements(xml: string, names: readonly string[], options: OoxmlParseOptions): Map<string, string> {
  const wanted = new Set(names);
  const found = new Map<string, string>();
  parseOoxml(
    xml,
    {
      ontext(text, element) {
        if (element !== undefined && wanted.has(element)) found.set(element, (found.get(element) ?? '') + text);
      },
    },
    options,
  );
  return found;
}

/** One property of `docProps/custom.xml`: its name and its value as text. */
export interface CustomProperty {
  readonly name: string;
  readonly value: string;
}

/** The user-defined properties of `docProps/custom.xml`, in file order. */
export function readCustomProperties(xml: string, options: OoxmlParseOptions): CustomProperty[] {
  const properties: { name: string; value: string }[] = [];
  let current: { name: string; value: string } | undefined;
  parseOoxml(
    xml,
    {
      onopentag(name, attribs) {
        if (name === 'op:property') current = { name: attribs['name'] ?? '', value: '' };
      },
      onclosetag(name) {
        if (name !== 'op:property' || !current) return;
        properties.push(current);
        current = undefined;
      },
      ontext(text) {
        if (current) current.value += text;
      },
    },
    options,
  );
  return properties;
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
