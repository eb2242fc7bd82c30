/**
 * Pure comparison of two versions of a case artefact (stored vs reproduced, or recorded vs
 * found): the first differing JSON field by path, or the first differing line of a text.
 * Deterministic: object keys are visited in code-unit order, values are shown shortened.
 */
import { compareCodeUnits } from '../core/canonical-json.js';

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

/** A value as shown in a difference line: compact JSON, cut to `SHOWN_VALUE_LENGTH`. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
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
  return { line: length, column: 1, expected: '(trailing bytes)', actual: '(trailing bytes)' };
}

/** How two versions of one artefact differ, described in one line; `null` when identical. */
export function describeArtefactDifference(path: string, expected: Uint8Array | null, actual: Uint8Array | null, labels: { expected: string; actual: string }): string | null {
  if (expected === null && actual === null) return null;
  if (expected === null) return `${path}: present, but ${labels.expected} has no such file`;
  if (actual === null) return `${path}: missing, ${labels.expected} has it`;
  if (Buffer.from(expected).equals(Buffer.from(actual))) return null;
  const expectedText = Buffer.from(expected).toString('utf8');
  const actualText = Buffer.from(actual).toString('utf8');
  if (path.endsWith('.json')) {
    const e = tryParse(expectedText);
    const a = tryParse(actualText);
    if (e.ok && a.ok) {
      const difference = firstJsonDifference(e.value, a.value);
      if (difference) {
        const element = difference.elementId === undefined ? '' : ` (element ${difference.elementId})`;
        return `${path}: ${difference.path}${element}: ${labels.expected} ${difference.expected}, ${labels.actual} ${difference.actual}`;
      }
      return `${path}: same JSON content but different bytes (formatting changed)`;
    }
    if (!a.ok) return `${path}: not valid JSON any more (${labels.actual})`;
  }
  if (path.endsWith('.ndjson')) {
    const difference = firstNdjsonDifference(expectedText, actualText);
    if (difference) return `${path}: line ${difference.line}: ${difference.path}${difference.elementId === undefined ? '' : ` (element ${difference.elementId})`}: ${labels.expected} ${difference.expected}, ${labels.actual} ${difference.actual}`;
  }
  const line = firstLineDifference(expectedText, actualText);
  if (line) return `${path}: line ${line.line}, column ${line.column}: ${labels.expected} ${line.expected}, ${labels.actual} ${line.actual}`;
  return `${path}: bytes differ`;
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
