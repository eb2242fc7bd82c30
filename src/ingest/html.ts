import type { EvidenceInput, IngestAdapter } from './adapter.js';
import type { SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import { decodeText } from './text-decode.js';
import { MEDIA_TYPES } from './sniff.js';
import { checkSegmentCount, depthError } from './docs/common.js';
import { readHtmlText } from './docs/html-text.js';
import { UnreadTally } from './unread.js';

/** The charset an HTML file declares in a `<meta>` tag within its first 4 KiB, if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head)?.[1];
}

/**
 * Generic HTML (chat exports have their own adapters, tried first). Segments as
 * `readHtmlText` labels them: visible paragraphs `p<N>` (part `body`, with paragraph index from 0
 * and the 1-based source line), `<title>` as `title`, then — each labelled, after the paragraph
 * holding its element — noscript and template content, alt and title attributes, link targets,
 * input values, meta content and iframe srcdoc documents. Script content is left out and counted
 * in a notice, as are comments; styles, embedded objects and images without alt text are counted
 * in `html.not-read` notices. Entities are decoded; nesting beyond `limits.maxDepth` is refused.
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
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'html');
  const unread = new UnreadTally();
  let paragraphs = 0;
  const { scripts, comments } = readHtmlText(
    source,
    { maxDepth: input.limits.maxDepth, onTooDeep: () => depthError(input.name, input.limits, 'HTML'), unread, placePrefix: 'line' },
    (block) => {
      if (block.part === 'body') paragraphs++;
      const anchor = { ...(block.paragraph !== undefined ? { paragraph: block.paragraph } : {}), line: block.line };
      builder.add({ id: block.id, text: block.text, part: block.part, ...(block.part === 'title' ? {} : { anchor }) });
      checkSegmentCount(builder.segmentCount, input.limits, input.name);
    },
  );

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
  for (const notice of unread.notices(input.name, 'html')) builder.notice(notice);
  return builder.build({
    encoding: decoded.encoding,
    encodingEvidence: decoded.evidence,
    ...(declared !== undefined ? { declaredCharset: declared.slice(0, 40) } : {}),
    paragraphs,
    scriptsRemoved: scripts,
  });
}

const KNOWN_CHARSETS = new Set(['utf-8', 'utf8', 'windows-1251', 'cp1251', 'win1251', 'x-cp1251', 'koi8-r', 'koi8r', 'x-koi8-r']);
