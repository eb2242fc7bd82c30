/**
 * The finding lines of a compact analysis file (`derived/analyses/*.ndjson`): their schema, and the
 * same check written out for a line of the usual shape. Every reader of findings checks each line
 * (the report, the desk, review, export); through zod that took a fifth of decoding a finding —
 * 0.6 s of the report's lists at 200 MB (issue 17, round 14). No I/O.
 */
import { z } from 'zod';

/** A finding line; its document id may be left out (that of the line before) and its context be a range, from schema 3. */
export const findingLineSchema = z.looseObject({
  id: z.string(),
  ruleId: z.string(),
  place: z.looseObject({ documentId: z.string().optional(), range: z.tuple([z.number(), z.number()]) }),
  context: z.union([z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]), z.looseObject({ left: z.string(), right: z.string() })]).optional(),
});

type Members = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Members => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !Object.hasOwn(value, '__proto__');

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** What `z.number().int().nonnegative()` takes: a safe integer (zod's `int`), not below zero. */
const isOffset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** An array of exactly two items that `item` takes. */
const isPair = (value: unknown, item: (member: unknown) => boolean): value is [unknown, unknown] => Array.isArray(value) && value.length === 2 && item(value[0]) && item(value[1]);

/**
 * What `findingLineSchema.parse(value)` gives — the same members in the same order: the schema's
 * own first (`id`, `ruleId`, `place` with its `documentId` and `range` first, `context`), then the
 * others as written, the tuples and objects it checks copied — for a line `JSON.parse` made of the
 * usual shape; undefined for any other value, which the caller checks with the schema (for its
 * message when the line is wrong).
 */
export function plainFindingLine(value: unknown): Members | undefined {
  if (!isPlainObject(value)) return undefined;
  const { id, ruleId, place, context } = value;
  if (typeof id !== 'string' || typeof ruleId !== 'string' || !isPlainObject(place)) return undefined;
  const { documentId, range } = place;
  if ((documentId !== undefined && typeof documentId !== 'string') || !isPair(range, isFiniteNumber)) return undefined;
  let contextCopy: unknown;
  if (isPair(context, isOffset)) contextCopy = [context[0], context[1]];
  else if (isPlainObject(context) && typeof context['left'] === 'string' && typeof context['right'] === 'string') contextCopy = withRest({ left: context['left'], right: context['right'] }, context);
  else if (context !== undefined) return undefined;
  const placeCopy: Members = {};
  if (documentId !== undefined) placeCopy['documentId'] = documentId;
  placeCopy['range'] = [range[0], range[1]];
  const line: Members = { id, ruleId, place: withRest(placeCopy, place) };
  if (contextCopy !== undefined) line['context'] = contextCopy;
  return withRest(line, value);
}

/** `copy` (the schema's members) followed by the members of `value` it does not hold, as written. */
function withRest(copy: Members, value: Members): Members {
  for (const key in value) if (!Object.hasOwn(copy, key)) copy[key] = value[key];
  return copy;
}
