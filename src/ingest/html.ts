import { Parser } from 'htmlparser2';
import type { EvidenceInput, IngestAdapter } from './adapter.js';
import type { SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import { decodeText } from './text-decode.js';
import { MEDIA_TYPES } from './sniff.js';
import { checkSegmentCount, depthError, lineAt, lineStarts } from './docs/common.js';

/** Elements whose start or end breaks the visible text into paragraphs. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'title', 'tr', 'ul',
]);

/** Elements whose content is never shown as text. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

/** Elements that keep their whitespace as written. */
const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/** The charset an HTML file declares in a `<meta>` tag within its first 4 KiB, if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head)?.[1];
}

/**
 * Generic HTML (chat exports have their own adapters, tried first). Visible text of block
 * elements becomes paragraph segments `p<N>` (N from 0, part `body`, with the 1-based source
 * line), `<title>` a `title` segment; script, style, template and noscript content is left out
 * and counted in a notice; entities are decoded; nesting beyond `limits.maxDepth` is refused.
 */
export const htmlAdapter: IngestAdapter = {
  id: 'html',
  format: 'html',
  detect(input: EvidenceInput): boolean {
    return input.mediaType === MEDIA_TYPES.html;
  },
  async *extract(input: EvidenceInput): AsyncIterable<SozDocument> {
    yield htmlDocument(input, await input.bytes());
  },
};

/** Builds the HTML document from the whole file (pure; exported for tests). */
export function htmlDocument(input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits'>, bytes: Uint8Array): SozDocument {
  const declared = declaredHtmlCharset(bytes);
  const decoded = decodeText(bytes, declared);
  const source = decoded.text;
  const starts = lineStarts(source);
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'html');

  let depth = 0;
  let skipDepth = 0;
  let preDepth = 0;
  let inTitle = 0;
  let scripts = 0;
  let comments = 0;
  let paragraphs = 0;
  let titles = 0;
  let buffer = '';
  let bufferStart = -1;
  let title = '';

  const flush = () => {
    // Only <br> puts a newline into non-preformatted text; source line breaks became spaces.
    const text = preDepth > 0 ? buffer.replace(/^\r?\n/, '').replace(/\s+$/, '') : buffer.replace(/ {2,}/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (text !== '') {
      builder.add({ id: `p${paragraphs}`, text, part: 'body', anchor: { paragraph: paragraphs, line: lineAt(starts, Math.max(bufferStart, 0)) } });
      paragraphs++;
      checkSegmentCount(builder.segmentCount, input.limits, input.name);
    }
    buffer = '';
    bufferStart = -1;
  };

  const parser: Parser = new Parser(
    {
      onopentag(name) {
        depth++;
        if (depth > input.limits.maxDepth) throw depthError(input.name, input.limits, 'HTML');
        if (SKIPPED_ELEMENTS.has(name)) {
          if (name === 'script' && skipDepth === 0) scripts++;
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'title') {
          flush();
          inTitle++;
          title = '';
          return;
        }
        if (BLOCK_ELEMENTS.has(name)) flush();
        if (PREFORMATTED.has(name)) preDepth++;
        if (name === 'br') buffer += '\n';
      },
      onclosetag(name) {
        depth--;
        if (SKIPPED_ELEMENTS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'title' && inTitle > 0) {
          inTitle--;
          const text = collapse(title).trim();
          if (text !== '') builder.add({ id: titles === 0 ? 'title' : `title${titles}`, text, part: 'title' });
          titles++;
          return;
        }
        if (BLOCK_ELEMENTS.has(name)) flush();
        if (PREFORMATTED.has(name)) {
          flush();
          preDepth = Math.max(0, preDepth - 1);
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
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

  if (decoded.declaredMismatch !== undefined) {
    builder.notice({
      code: 'html.charset-mismatch',
      severity: 'warning',
      message: `${input.name}: declares charset ${decoded.declaredMismatch} but the bytes are ${decoded.encoding}; decoded as ${decoded.encoding}`,
    });
  } else if (declared !== undefined && !KNOWN_CHARSETS.has(declared.toLowerCase())) {
    builder.notice({
      code: 'html.charset-ignored',
      severity: 'warning',
      message: `${input.name}: declares charset ${declared}, which soz does not decode; decoded as ${decoded.encoding} from the bytes`,
    });
  }
  if (scripts > 0) {
    builder.notice({ code: 'html.scripts-removed', severity: 'info', message: `${input.name}: ${scripts} script element(s) not shown as text` });
  }
  if (comments > 0) {
    builder.notice({ code: 'html.comments-ignored', severity: 'info', message: `${input.name}: ${comments} HTML comment(s) not shown as text; they remain in the evidence copy` });
  }
  return builder.build({
    encoding: decoded.encoding,
    encodingEvidence: decoded.evidence,
    ...(declared !== undefined ? { declaredCharset: declared.slice(0, 40) } : {}),
    paragraphs,
    scriptsRemoved: scripts,
  });
}

const KNOWN_CHARSETS = new Set(['utf-8', 'utf8', 'windows-1251', 'cp1251', 'win1251', 'x-cp1251', 'koi8-r', 'koi8r', 'x-koi8-r']);

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}
