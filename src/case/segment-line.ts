/**
 * The segment lines of a compact document file (`derived/documents/*.ndjson`, the documents
 * `soz add` keeps): their schema, and the same check written out for a line of the usual shape.
 * Every document read (analyze reading what add kept, the report's excerpts, verify) checks each
 * line; through zod that was 12 µs a line — 50 ms for a chat of 4,201 messages, seconds at 1 GB
 * (issue 17, sixth round). No I/O.
 */
import { z } from 'zod';

/** A segment line: its id (left out when it is the prefix and the message id), range, anchor, the rest as written. */
export const segmentLineSchema = z.looseObject({ id: z.string().optional(), range: z.tuple([z.number(), z.number()]), anchor: z.record(z.string(), z.unknown()).optional() });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * What `segmentLineSchema.parse(value)` gives — the same members in the same order: the schema's
 * own (`id`, `range`, `anchor`) first, then the others as written — for a line `JSON.parse` made
 * of the usual shape; undefined for any other value, which the caller checks with the schema
 * (for its message when the line is wrong).
 */
export function plainSegmentLine(value: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(value) || Object.hasOwn(value, '__proto__')) return undefined;
  const { id, range, anchor } = value;
  if (id !== undefined && typeof id !== 'string') return undefined;
  if (!Array.isArray(range) || range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1])) return undefined;
  if (anchor !== undefined && (!isPlainObject(anchor) || Object.hasOwn(anchor, '__proto__'))) return undefined;
  const line: Record<string, unknown> = {};
  if (id !== undefined) line['id'] = id;
  line['range'] = [range[0], range[1]];
  if (anchor !== undefined) line['anchor'] = { ...anchor };
  for (const key in value) if (key !== 'id' && key !== 'range' && key !== 'anchor') line[key] = value[key];
  return line;
}
