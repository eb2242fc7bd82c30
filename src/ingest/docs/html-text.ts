import { Parser } from 'htmlparser2';
import type { SegmentPart } from '../../core/document.js';
import type { UnreadTally } from '../unread.js';
import { lineAt, lineStarts } from './common.js';

/**
 * The text of an HTML document, visible or not, each piece labelled — shared by the HTML
 * adapter and by DOCX (an altChunk imports an HTML part). Nothing is dropped in silence:
 *
 * - visible text of block elements → `p<N>` (part `body`, N from 0), `<title>` → `title`;
 * - `<noscript>` and `<template>` content → `noscript<N>` / `template<N>` paragraphs (parts of
 *   the same name: a browser with scripts on does not show them);
 * - after the paragraph that holds an element (or, for a block element, after its own text),
 *   its attributes in this order: `alt` → `alt<N>` (part `alt-text`), `title` → `tooltip<N>`
 *   (`tooltip`), `href` of `a`/`area`/`link` and `src` of `iframe`/`frame` → `link<N>` (`link`),
 *   `aria-label` and the `label` of `option`/`optgroup` → `label<N>` (`tooltip`), `value` of `input` (hidden ones too) → `value<N>` and
 *   `placeholder` → `placeholder<N>` (`form-value`), `content` of `meta` →
 *   `meta<N>` (`metadata`), and the document in an iframe's `srcdoc`, read by these same rules
 *   → `srcdoc<K>.<id>` (part `embedded`);
 * - script and style content is not text: scripts and comments are counted for the caller;
 *   styles, event-handler attributes (`onclick` …), embedded objects and images without alt
 *   text go to the unread tally.
 */

/** One labelled piece of an HTML document's text, in reading order. */
export interface HtmlBlock {
  /** Unique within one `readHtmlText` call (see the module comment). */
  readonly id: string;
  readonly text: string;
  readonly part: SegmentPart;
  /** 1-based line of the source where the piece (or its element) starts. */
  readonly line: number;
  /** Index among the paragraphs of its part (`body`, `noscript`, `template`), from 0. */
  readonly paragraph?: number;
}

export interface HtmlReadOptions {
  /** Deepest element nesting accepted (an iframe's srcdoc nests inside its iframe). */
  readonly maxDepth: number;
  readonly onTooDeep: () => Error;
  readonly unread: UnreadTally;
  /** How places in the unread tally name this document, e.g. `line` or `word/afchunk.htm line`. */
  readonly placePrefix: string;
}

/** What `readHtmlText` counted but did not turn into text. */
export interface HtmlCounts {
  readonly scripts: number;
  readonly comments: number;
}

/** Elements whose start or end breaks the visible text into paragraphs. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'title', 'tr', 'ul', 'noscript', 'template',
  // Shown as blocks too (the HTML standard's rendering section), each option of a list on its line.
  'select', 'option', 'optgroup', 'datalist', 'textarea', 'menu', 'dir', 'hgroup', 'search', 'listing', 'plaintext', 'xmp',
]);

/**
 * Inline blocks and replaced elements: a browser draws them as boxes apart from the text beside
 * them, so they are a word boundary (a space) without breaking the paragraph.
 */
const BOUNDARY_ELEMENTS = new Set(['button', 'input', 'img', 'meter', 'progress', 'output', 'iframe', 'video', 'audio', 'canvas', 'object', 'embed']);

/** Elements whose content is code, not text. */
const CODE_ELEMENTS = new Set(['script', 'style']);

/** Elements whose content a browser does not show, read under their own label. */
const UNSHOWN_PARTS: Readonly<Record<string, 'noscript' | 'template'>> = { noscript: 'noscript', template: 'template' };

/** Elements that keep their whitespace as written. */
const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/** Elements that embed content soz cannot read as text. */
const EMBEDDING_ELEMENTS = new Set(['object', 'embed', 'applet']);

/** Attributes read as text, in the order they follow their element. */
const ATTRIBUTE_READERS: readonly { readonly stem: string; readonly part: SegmentPart; read(element: string, attributes: Readonly<Record<string, string>>): string | undefined }[] = [
  { stem: 'alt', part: 'alt-text', read: (_element, a) => a['alt'] },
  { stem: 'tooltip', part: 'tooltip', read: (_element, a) => a['title'] },
  {
    stem: 'link',
    part: 'link',
    read: (element, a) => (element === 'a' || element === 'area' || element === 'link' ? a['href'] : element === 'iframe' || element === 'frame' ? a['src'] : undefined),
  },
  { stem: 'label', part: 'tooltip', read: (_element, a) => a['aria-label'] },
  // A list shows an option's or group's label in place of (or above) its text.
  { stem: 'label', part: 'tooltip', read: (element, a) => (element === 'option' || element === 'optgroup' ? a['label'] : undefined) },
  { stem: 'value', part: 'form-value', read: (element, a) => (element === 'input' ? a['value'] : undefined) },
  { stem: 'placeholder', part: 'form-value', read: (_element, a) => a['placeholder'] },
  { stem: 'meta', part: 'metadata', read: (element, a) => (element === 'meta' ? metaText(a) : undefined) },
];

/**
 * Reads `source` (already decoded) and hands each labelled piece to `onBlock` in reading
 * order; returns the scripts and comments it counted.
 */
export function readHtmlText(source: string, options: HtmlReadOptions, onBlock: (block: HtmlBlock) => void): HtmlCounts {
  const starts = lineStarts(source);
  const counters = new Map<string, number>();
  const next = (stem: string) => {
    const n = counters.get(stem) ?? 0;
    counters.set(stem, n + 1);
    return n;
  };
  const pending: HtmlBlock[] = [];
  const unshown: ('noscript' | 'template')[] = [];

  let depth = 0;
  let codeDepth = 0;
  let preDepth = 0;
  let inTitle = 0;
  let scripts = 0;
  let comments = 0;
  let buffer = '';
  let bufferStart = -1;
  let title = '';

  const lineOf = (index: number) => lineAt(starts, Math.max(index, 0));
  const flush = () => {
    // Only <br> puts a newline into non-preformatted text; source line breaks became spaces.
    const text = preDepth > 0 ? buffer.replace(/^\r?\n/, '').replace(/\s+$/, '') : buffer.replace(/ {2,}/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (text !== '') {
      const part = unshown[unshown.length - 1] ?? 'body';
      const stem = part === 'body' ? 'p' : part;
      const paragraph = next(stem);
      onBlock({ id: `${stem}${paragraph}`, text, part, line: lineOf(bufferStart), paragraph });
    }
    for (const block of pending) onBlock(block);
    pending.length = 0;
    buffer = '';
    bufferStart = -1;
  };

  const readAttributes = (name: string, attributes: Readonly<Record<string, string>>, line: number) => {
    for (const reader of ATTRIBUTE_READERS) {
      const text = collapse(reader.read(name, attributes) ?? '').trim();
      if (text !== '') pending.push({ id: `${reader.stem}${next(reader.stem)}`, text, part: reader.part, line });
    }
    const srcdoc = name === 'iframe' ? attributes['srcdoc'] : undefined;
    if (srcdoc !== undefined && srcdoc.trim() !== '') {
      const prefix = `srcdoc${next('srcdoc')}.`;
      const nested = readHtmlText(srcdoc, { ...options, maxDepth: options.maxDepth - depth, placePrefix: `${options.placePrefix} ${line} srcdoc line` }, (block) => {
        pending.push({ ...block, id: `${prefix}${block.id}`, part: 'embedded', line });
      });
      scripts += nested.scripts;
      comments += nested.comments;
    }
    if (name === 'img' && !attributes['alt']?.trim() && !attributes['title']?.trim()) {
      options.unread.note('image(s) without alt text (any text inside needs OCR)', `${options.placePrefix} ${line}`);
    }
    if (EMBEDDING_ELEMENTS.has(name)) options.unread.note('embedded object(s) (object, embed, applet)', `${options.placePrefix} ${line}`);
    for (const attribute of Object.keys(attributes)) {
      if (attribute.startsWith('on')) options.unread.note('event-handler attribute(s) (script, e.g. onclick)', `${options.placePrefix} ${line} (${attribute.slice(0, 40)})`);
    }
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        if (depth > options.maxDepth) throw options.onTooDeep();
        if (CODE_ELEMENTS.has(name)) {
          if (codeDepth === 0) {
            if (name === 'script') scripts++;
            else options.unread.note('style element(s) (CSS)', `${options.placePrefix} ${lineOf(parser.startIndex)}`);
          }
          codeDepth++;
          return;
        }
        if (codeDepth > 0) return;
        if (name === 'title') {
          flush();
          inTitle++;
          title = '';
          return;
        }
        if (BLOCK_ELEMENTS.has(name)) flush();
        else if (BOUNDARY_ELEMENTS.has(name) && preDepth === 0) buffer += ' ';
        const unshownPart = UNSHOWN_PARTS[name];
        if (unshownPart) unshown.push(unshownPart);
        if (PREFORMATTED.has(name)) preDepth++;
        if (name === 'br') buffer += '\n';
        readAttributes(name, attributes, lineOf(parser.startIndex));
      },
      onclosetag(name) {
        depth--;
        if (CODE_ELEMENTS.has(name)) {
          codeDepth = Math.max(0, codeDepth - 1);
          return;
        }
        if (codeDepth > 0) return;
        if (name === 'title' && inTitle > 0) {
          inTitle--;
          const text = collapse(title).trim();
          const n = next('title');
          if (text !== '') onBlock({ id: n === 0 ? 'title' : `title${n}`, text, part: 'title', line: lineOf(parser.startIndex) });
          return;
        }
        if (BLOCK_ELEMENTS.has(name)) flush();
        else if (BOUNDARY_ELEMENTS.has(name) && preDepth === 0) buffer += ' ';
        if (UNSHOWN_PARTS[name]) unshown.pop();
        if (PREFORMATTED.has(name)) {
          flush();
          preDepth = Math.max(0, preDepth - 1);
        }
      },
      ontext(text) {
        if (codeDepth > 0) return;
        if (inTitle > 0) {
          title += text;
          return;
        }
        if (bufferStart < 0 && text.trim() !== '') bufferStart = parser.startIndex;
        buffer += preDepth > 0 ? text : collapse(text);
      },
      oncomment() {
        comments++;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  flush();
  return { scripts, comments };
}

/** Meta elements that only instruct the parser or the screen (the charset is recorded as a property). */
const LAYOUT_META = new Set(['content-type', 'viewport']);

/** A meta element's content, with what names it (`description`, `og:title`, `refresh` …) first. */
function metaText(attributes: Readonly<Record<string, string>>): string | undefined {
  const content = attributes['content'];
  if (content === undefined || content.trim() === '') return undefined;
  const key = attributes['name'] ?? attributes['property'] ?? attributes['itemprop'] ?? attributes['http-equiv'];
  if (key !== undefined && LAYOUT_META.has(key.toLowerCase())) return undefined;
  return key === undefined ? content : `${key}: ${content}`;
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}
