import type { Limits } from '../adapter.js';
import { UserError } from '../../core/errors.js';

/**
 * Makes a metadata string from a seized file safe to record: control and bidi-override
 * characters removed (they could disguise a report line), whitespace collapsed, at most
 * `maxLength` UTF-16 code units.
 */
export function sanitiseMetadata(value: unknown, maxLength = 200): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned === '') return undefined;
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength)}…` : cleaned;
}

/** Throws the `--max-segments` error once a document grows past the limit. */
export function checkSegmentCount(count: number, limits: Limits, fileName: string): void {
  if (count > limits.maxSegments) {
    throw new UserError(
      `${fileName}: more than ${limits.maxSegments} segments in one document; if the file is genuine, raise --max-segments`,
      'limit.segments',
      undefined,
      { key: 'error.limit.segments-document', params: { fileName, limit: limits.maxSegments } },
    );
  }
}

/** The `--max-depth` error for nested markup (HTML, XML). */
export function depthError(fileName: string, limits: Limits, what: string): UserError {
  return new UserError(
    `${fileName}: ${what} nests deeper than ${limits.maxDepth} levels; if the file is genuine, raise --max-depth`,
    'limit.depth',
    undefined,
    { key: 'error.limit.depth-markup', params: { fileName, what, limit: limits.maxDepth } },
  );
}

/** 0-based offsets where each line starts; line breaks are CRLF, LF or a lone CR. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (code === 0x0a) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 1-based line holding `offset`, given `lineStarts(text)`. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
