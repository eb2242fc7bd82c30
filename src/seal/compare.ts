/**
 * Pure comparison of two versions of a case artefact (stored vs reproduced, or recorded vs
 * found): the first differing JSON field by path, or the first differing line of a text.
 * Deterministic: object keys are visited in code-unit order, values are shown shortened.
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { MessageValue, Said } from '../core/messages.js';
import { said } from '../core/messages.js';

/** The first place where two JSON values differ. */
export interface JsonDifference {
  /** JSONPath-like location, `$` for the root, e.g. `$.findings[3].context.left`. */
  readonly path: string;
  /** The value expected (stored / recorded), shown shortened; `(absent)` when missing. */
  readonly expected: string;
  /** The value found (reproduced / present now), shown shortened; `(absent)` when missing. */
  readonly actual: string;
  /** Id of the innermost array element with an `id` (a finding, a segment) on the path. */
  readonly elementId?: string;
}

/** Longest value shown in a difference, in UTF-16 code units. */
export const SHOWN_VALUE_LENGTH = 80;

/** What a difference shows for a value that is not there. */
const ABSENT = '(absent)';
/** What a line difference shows when the lines agree and only bytes after them differ. */
const TRAILING = '(trailing bytes)';

/** A value as shown in a difference line: compact JSON, cut to `SHOWN_VALUE_LENGTH`. */
export function showValue(value: unknown): string {
  if (value === undefined) return ABSENT;
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;
}

function keyPath(parent: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>)['id'] ?? (value as Record<string, unknown>)['findingId'];
  return typeof id === 'string' ? id : undefined;
}

/**
 * The first difference between `expected` and `actual` in depth-first order (object keys
 * sorted by code unit, array elements by index), or `null` when they are equal as JSON.
 */
export function firstJsonDifference(expected: unknown, actual: unknown, path = '$', elementId?: string): JsonDifference | null {
  const at = (e: unknown, a: unknown): JsonDifference => ({ path, expected: showValue(e), actual: showValue(a), ...(elementId === undefined ? {} : { elementId }) });
  if (expected === actual) return null;
  if (expected === null || actual === null || typeof expected !== 'object' || typeof actual !== 'object') {
    return Object.is(expected, actual) ? null : at(expected, actual);
  }
  if (Array.isArray(expected) !== Array.isArray(actual)) return at(expected, actual);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let index = 0; index < length; index += 1) {
      const e: unknown = expected[index];
      const a: unknown = actual[index];
      const id = idOf(e) ?? idOf(a) ?? elementId;
      if (index >= expected.length || index >= actual.length) {
        return { path: `${path}[${index}]`, expected: showValue(e), actual: showValue(a), ...(id === undefined ? {} : { elementId: id }) };
      }
      const inner = firstJsonDifference(e, a, `${path}[${index}]`, id);
      if (inner) return inner;
    }
    return null;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])].sort(compareCodeUnits);
  for (const key of keys) {
    const inner = firstJsonDifference(e[key], a[key], keyPath(path, key), elementId);
    if (inner) return inner;
  }
  return null;
}

/**
 * The first line (numbered from 1) where two texts differ, and the column (from 1, UTF-16 code
 * units) of the first differing character; both lines are shown from a little before it.
 */
export function firstLineDifference(expected: string, actual: string): { line: number; column: number; expected: string; actual: string } | null {
  if (expected === actual) return null;
  const e = expected.split('\n');
  const a = actual.split('\n');
  const length = Math.max(e.length, a.length);
  for (let index = 0; index < length; index += 1) {
    const el = e[index];
    const al = a[index];
    if (el === al) continue;
    if (el === undefined || al === undefined) return { line: index + 1, column: 1, expected: showValue(el), actual: showValue(al) };
    let column = 0;
    while (column < el.length && column < al.length && el[column] === al[column]) column += 1;
    const start = Math.max(0, column - 20);
    const window = (text: string) => showValue(`${start > 0 ? '…' : ''}${text.slice(start, start + SHOWN_VALUE_LENGTH - 10)}`);
    return { line: index + 1, column: column + 1, expected: window(el), actual: window(al) };
  }
  return { line: length, column: 1, expected: TRAILING, actual: TRAILING };
}

/**
 * A shown value as a message placeholder: the markers for an absent value and for trailing bytes
 * are words said in the examiner's language (`verify.value.*`); a value itself is shown as JSON,
 * always quoted when it is a string, so it can never be taken for a marker.
 */
export function shownValueParam(shown: string): MessageValue {
  if (shown === ABSENT) return said(ABSENT, 'verify.value.absent').message;
  if (shown === TRAILING) return said(TRAILING, 'verify.value.trailing').message;
  return shown;
}

/**
 * The two sides a difference compares, each a word said in the examiner's language
 * (`verify.side.*`): what was stored, kept or logged, and what was reproduced or found.
 */
export interface DifferenceSides {
  readonly expected: Said;
  readonly actual: Said;
}

/** Stored in the case against reproduced by the re-run. */
export const STORED_REPRODUCED: DifferenceSides = { expected: said('stored', 'verify.side.stored'), actual: said('reproduced', 'verify.side.reproduced') };

/** Kept by `soz add` against extracted again. */
export const KEPT_REEXTRACTED: DifferenceSides = { expected: said('kept', 'verify.side.kept'), actual: said('re-extracted', 'verify.side.re-extracted') };

/** What the log says against what the file holds. */
export const LOG_FILE: DifferenceSides = { expected: said('log says', 'verify.side.log'), actual: said('file has', 'verify.side.file') };

/** How two versions of one artefact differ, said in one line (English and catalogue message); `null` when identical. */
export function describeArtefactDifference(path: string, expected: Uint8Array | null, actual: Uint8Array | null, sides: DifferenceSides): Said | null {
  if (expected === null && actual === null) return null;
  const e = sides.expected.text;
  const a = sides.actual.text;
  const named = { path, expected: sides.expected.message, actual: sides.actual.message };
  if (expected === null) return said(`${path}: present, but ${e} has no such file`, 'verify.diff.artefact-extra', named);
  if (actual === null) return said(`${path}: missing, ${e} has it`, 'verify.diff.artefact-missing', named);
  if (Buffer.from(expected).equals(Buffer.from(actual))) return null;
  const expectedText = Buffer.from(expected).toString('utf8');
  const actualText = Buffer.from(actual).toString('utf8');
  const values = (difference: { expected: string; actual: string }) => ({ ...named, expectedValue: shownValueParam(difference.expected), actualValue: shownValueParam(difference.actual) });
  if (path.endsWith('.json')) {
    const parsedExpected = tryParse(expectedText);
    const parsedActual = tryParse(actualText);
    if (parsedExpected.ok && parsedActual.ok) {
      const difference = firstJsonDifference(parsedExpected.value, parsedActual.value);
      if (difference) {
        const params = { ...values(difference), at: difference.path };
        return difference.elementId === undefined
          ? said(`${path}: ${difference.path}: ${e} ${difference.expected}, ${a} ${difference.actual}`, 'verify.diff.json', params)
          : said(`${path}: ${difference.path} (element ${difference.elementId}): ${e} ${difference.expected}, ${a} ${difference.actual}`, 'verify.diff.json-element', { ...params, element: difference.elementId });
      }
      return said(`${path}: same JSON content but different bytes (formatting changed)`, 'verify.diff.formatting', { path });
    }
    if (!parsedActual.ok) return said(`${path}: not valid JSON any more (${a})`, 'verify.diff.not-json', named);
  }
  if (path.endsWith('.ndjson')) {
    const difference = firstNdjsonDifference(expectedText, actualText);
    if (difference) {
      const params = { ...values(difference), at: difference.path, line: difference.line };
      return difference.elementId === undefined
        ? said(`${path}: line ${difference.line}: ${difference.path}: ${e} ${difference.expected}, ${a} ${difference.actual}`, 'verify.diff.ndjson', params)
        : said(`${path}: line ${difference.line}: ${difference.path} (element ${difference.elementId}): ${e} ${difference.expected}, ${a} ${difference.actual}`, 'verify.diff.ndjson-element', { ...params, element: difference.elementId });
    }
  }
  const line = firstLineDifference(expectedText, actualText);
  if (line) return said(`${path}: line ${line.line}, column ${line.column}: ${e} ${line.expected}, ${a} ${line.actual}`, 'verify.diff.line', { ...values(line), line: line.line, column: line.column });
  return said(`${path}: bytes differ`, 'verify.diff.bytes', { path });
}

/** The first JSON difference of the first differing line of two NDJSON texts (1-based line), or null when that line is not JSON on both sides. */
function firstNdjsonDifference(expected: string, actual: string): (JsonDifference & { line: number }) | null {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const index = e.findIndex((line, at) => line !== a[at]);
  if (index < 0 || a[index] === undefined) return null;
  const parsedExpected = tryParse(e[index]!);
  const parsedActual = tryParse(a[index]);
  if (!parsedExpected.ok || !parsedActual.ok) return null;
  const difference = firstJsonDifference(parsedExpected.value, parsedActual.value);
  return difference ? { ...difference, line: index + 1 } : null;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
